from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Event, Override, Workspace


@admin.register(Workspace)
class WorkspaceAdmin(SimpleHistoryAdmin):
    list_display = ("agency", "year", "status", "error_count", "warning_count", "published_at")
    list_filter = ("year", "status")
    search_fields = ("agency__name",)
    raw_id_fields = ("agency", "published_report")


@admin.register(Override)
class OverrideAdmin(admin.ModelAdmin):
    list_display = ("workspace", "key", "computed", "value", "active", "by", "at")
    raw_id_fields = ("workspace",)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("workspace", "kind", "key", "by", "at")
    raw_id_fields = ("workspace",)
