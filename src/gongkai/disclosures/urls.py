from django.urls import path

from .views import items, registers, reports

app_name = "disclosures"
urlpatterns = [
    path("", items.index, name="index"),
    path("agency/<int:pk>/", items.item_list, name="list"),
    path("agency/<int:pk>/new/", items.item_create, name="create"),
    path("agency/<int:pk>/monthly.xlsx", reports.monthly_export, name="monthly_xlsx"),
    path("agency/<int:pk>/stats/", reports.stats_page, name="stats"),
    path("agency/<int:pk>/stats.xlsx", reports.stats_export, name="stats_xlsx"),
    path("agency/<int:pk>/part-two/", reports.part_two_page, name="part_two"),
    path("agency/<int:pk>/registers/", registers.registers, name="registers"),
    path("agency/<int:pk>/registers/import/", registers.register_import, name="register_import"),
    path("agency/<int:pk>/categories/", registers.categories, name="categories"),
    path("item/<int:pk>/", items.item_detail, name="detail"),
    path("item/<int:pk>/edit/", items.item_edit, name="edit"),
    path("item/<int:pk>/step/", items.item_step, name="step"),
    path("item/<int:pk>/history/", items.item_history, name="history"),
]
