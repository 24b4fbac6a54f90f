"""Admin: holiday plans (放假安排) and agency notice templates are entered here."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

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
from .personal import PERSONAL_FIELDS, masked


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


class MaskedHistoryHelper(HistoricalRecordContextHelper):
    """The change history's "what changed" column, with personal fields masked."""

    def prepare_delta_change_value(self, change, value):  # type: ignore[no-untyped-def]
        if change.field in PERSONAL_FIELDS:
            return masked(change.field, value)
        return super().prepare_delta_change_value(change, value)


@admin.register(Application)
class ApplicationAdmin(SimpleHistoryAdmin):
    """No one reads an applicant's personal data in the admin, the superuser included: the
    existing rows (and their history versions) show it masked and cannot change it. The
    agency's handling staff read it on the application's own page, where each view is logged
    (个人信息查阅记录). A new application entered here carries its data in."""

    list_display = ("__str__", "agency", "received", "channel", "applicant_type")
    list_filter = ("channel", "applicant_type")
    inlines = (EventInline,)
    masked_fields = ("masked_name", "masked_id_number", "masked_contact", "masked_attachment")

    def get_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        fields = super().get_fields(request, obj)
        if obj is None:
            return fields
        return [f for f in fields if f not in PERSONAL_FIELDS and f not in self.masked_fields] + [
            *self.masked_fields
        ]

    def get_readonly_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        readonly = tuple(super().get_readonly_fields(request, obj))
        return readonly if obj is None else readonly + self.masked_fields

    def get_historical_record_context_helper(self, request, historical_record):  # type: ignore[no-untyped-def]
        return MaskedHistoryHelper(self.model, historical_record)

    @admin.display(description="申请人姓名或名称（已遮蔽）")
    def masked_name(self, obj: Application) -> str:
        return masked("applicant_name", obj.applicant_name)

    @admin.display(description="身份证件号码（已遮蔽）")
    def masked_id_number(self, obj: Application) -> str:
        return masked("applicant_id_number", obj.applicant_id_number)

    @admin.display(description="联系方式（已遮蔽）")
    def masked_contact(self, obj: Application) -> str:
        return masked("applicant_contact", obj.applicant_contact)

    @admin.display(description="附件")
    def masked_attachment(self, obj: Application) -> str:
        return masked("attachment", obj.attachment)


admin.site.register(Decision, SimpleHistoryAdmin)
admin.site.register(FeeRecord, SimpleHistoryAdmin)
admin.site.register(ApplicationEvent, SimpleHistoryAdmin)


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    """Read-only for everyone, superusers included: the log is append-only (models/access.py)."""

    list_display = ("at", "user", "application", "what")
    list_filter = ("what",)

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
