from django.urls import path

from . import views

app_name = "dashboard"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.agency_dashboard, name="agency"),
    path("<int:pk>/aggregate.xlsx", views.aggregate_xlsx, name="aggregate_xlsx"),
    path("<int:pk>/agencies.xlsx", views.agencies_xlsx, name="agencies_xlsx"),
]
