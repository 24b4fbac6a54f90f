from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Guide


@admin.register(Guide)
class GuideAdmin(SimpleHistoryAdmin):
    list_display = ("agency", "office_name", "phone", "updated_at")
    search_fields = ("agency__name",)
