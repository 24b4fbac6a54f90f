"""Public pages of published annual reports (no login)."""

from django.urls import path

from .views import public

app_name = "published"
urlpatterns = [
    path("<int:pk>/", public.published_report, name="report"),
    path("<int:pk>/export/", public.published_export, name="export"),
]
