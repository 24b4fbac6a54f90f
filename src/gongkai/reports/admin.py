from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AnnualReport, Correction


@admin.register(AnnualReport)
class AnnualReportAdmin(SimpleHistoryAdmin):
    list_display = ("agency", "year", "format", "status", "error_count", "warning_count")
    list_filter = ("year", "status", "format")
    search_fields = ("agency__name",)
    readonly_fields = ("original_sha256", "original_size", "created_at", "updated_at")
    raw_id_fields = ("agency",)


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ("report", "kind", "key", "old", "new", "by", "at")
    readonly_fields = ("at",)
    raw_id_fields = ("report",)
