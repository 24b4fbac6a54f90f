"""Admin: holiday plans (放假安排) and agency notice templates are entered here."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AccessLog,
    Application,
    ApplicationEvent,
    Decision,
    FeeRecord,
    HolidayYear,
    NoticeTemplate,
    RegionalRestDay,
)


@admin.register(HolidayYear)
class HolidayYearAdmin(SimpleHistoryAdmin):
    list_display = ("year", "source", "entered_at")
    help_texts = "录入或修改一年的放假安排后，所有未办结申请的期限按新安排重新计算。"


@admin.register(RegionalRestDay)
class RegionalRestDayAdmin(SimpleHistoryAdmin):
    """民族自治地方的节日: used by the clocks of the agency and the agencies under it only."""

    list_display = ("agency", "name", "source", "entered_at")
    list_filter = ("agency",)


@admin.register(NoticeTemplate)
class NoticeTemplateAdmin(SimpleHistoryAdmin):
    list_display = ("agency", "kind")
    list_filter = ("kind",)


class EventInline(admin.TabularInline):
    model = ApplicationEvent
    extra = 0
    can_delete = False
    readonly_fields = ("kind", "on", "by", "reason", "data")


@admin.register(Application)
class ApplicationAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "agency", "received", "channel", "applicant_type")
    list_filter = ("channel", "applicant_type")
    inlines = (EventInline,)


admin.site.register(Decision, SimpleHistoryAdmin)
admin.site.register(FeeRecord, SimpleHistoryAdmin)
admin.site.register(ApplicationEvent, SimpleHistoryAdmin)


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    list_display = ("at", "user", "application", "what")

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
