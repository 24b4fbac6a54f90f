from django.urls import path

from .views import actions, pages

app_name = "workspace"
urlpatterns = [
    path("", pages.workspace_list, name="list"),
    path("open/", pages.workspace_open, name="open"),
    path("<int:pk>/", pages.workspace_detail, name="detail"),
    path("<int:pk>/export/", pages.workspace_export, name="export"),
    path("<int:pk>/compile/", actions.compile_view, name="compile"),
    path("<int:pk>/section/", actions.section_view, name="section"),
    path("<int:pk>/override/", actions.override_view, name="override"),
    path("<int:pk>/revert/", actions.revert_view, name="revert"),
    path("<int:pk>/submit/", actions.submit_view, name="submit"),
    path("<int:pk>/review/", actions.review_view, name="review"),
    path("<int:pk>/publish/", actions.publish_view, name="publish"),
    path("<int:pk>/correct/", actions.correct_view, name="correct"),
]
