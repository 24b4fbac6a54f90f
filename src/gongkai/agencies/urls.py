from django.urls import path

from . import views

app_name = "agencies"
urlpatterns = [
    path("<int:pk>/", views.agency_detail, name="detail"),
    path("<int:pk>/history/", views.agency_history, name="history"),
]
