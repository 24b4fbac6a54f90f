from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Case


@admin.register(Case)
class CaseAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "agency", "kind", "filed_on", "result", "decided_on")
    list_filter = ("kind", "result")
    search_fields = ("number", "application_ref", "agency__name")
