from django.contrib import admin

from .models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("pk", "kind", "agency", "created_by", "state", "progress", "created_at")
    list_filter = ("kind", "state")
    search_fields = ("input_name", "error")
    readonly_fields = ("created_at", "started_at", "finished_at", "task_id")
