from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agency


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "parent", "code")
    list_filter = ("kind",)
    search_fields = ("name", "code")
    autocomplete_fields = ("parent",)
    ordering = ("path",)
