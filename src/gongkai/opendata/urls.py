"""/data/: the public pages of the open data (regions and their charts). The API is /api/."""

from django.urls import path

from . import views

app_name = "opendata"
urlpatterns = [
    path("", views.index, name="index"),
    path("regions/<int:pk>/", views.region, name="region"),
]
