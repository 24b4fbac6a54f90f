from django.urls import path

from . import views

app_name = "remedies"
urlpatterns = [
    path("agency/<int:pk>/", views.case_list, name="list"),
    path("agency/<int:pk>/new/", views.case_create, name="create"),
    path("case/<int:pk>/edit/", views.case_edit, name="edit"),
    path("case/<int:pk>/history/", views.case_history, name="history"),
]
