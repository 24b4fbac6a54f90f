from django.urls import path

from .views import corrections, detail, library, scan

app_name = "reports"
urlpatterns = [
    path("", library.report_list, name="list"),
    path("upload/", library.upload, name="upload"),
    path("<int:pk>/", detail.report_detail, name="detail"),
    path("<int:pk>/original/", detail.report_original, name="original"),
    path("<int:pk>/export/", detail.report_export, name="export"),
    path("<int:pk>/history/", detail.report_history, name="history"),
    path("<int:pk>/scan/", scan.scan_crop, name="scan_crop"),
    path("<int:pk>/correct/cell/", corrections.correct_cell_view, name="correct_cell"),
    path("<int:pk>/correct/section/", corrections.correct_section_view, name="correct_section"),
]
