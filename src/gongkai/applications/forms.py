"""Forms with field-level Chinese errors. The services check the 条例; the forms check input."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from gongkai.agencies.models import Agency
from gongkai.law.deadlines import ClockError, Unit, check_law_in_force

from .models import Application, EventKind, FeeRecord
from .models.decision import outcome_choices

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RegisterForm(forms.ModelForm):
    agency = forms.ModelChoiceField(Agency.objects.none(), label="机关", empty_label=None)

    class Meta:
        model = Application
        fields = (
            "agency",
            "channel",
            "received",
            "applicant_type",
            "applicant_name",
            "applicant_id_number",
            "applicant_contact",
            "request",
            "delivery",
            "attachment",
        )
        widgets = {"received": DATE, "request": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["received"].initial = dt.date.today

    def clean_received(self) -> dt.date:
        received = self.cleaned_data["received"]
        if received > dt.date.today():
            raise forms.ValidationError("收到申请之日不能晚于今天")
        try:
            check_law_in_force(received)
        except ClockError as exc:
            raise forms.ValidationError(str(exc)) from None
        return received


class EventForm(forms.Form):
    """One transition; which fields matter depends on the kind."""

    kind = forms.ChoiceField(label="事项", choices=EventKind.choices)
    on = forms.DateField(label="日期", widget=DATE, initial=dt.date.today)
    reason = forms.CharField(label="说明", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    days = forms.IntegerField(label="期限（日数）", min_value=1, max_value=60, required=False)
    unit = forms.ChoiceField(
        label="期限单位",
        choices=[(Unit.WORKING_DAYS.value, "工作日"), (Unit.CALENDAR_DAYS.value, "日（自然日）")],
        initial=Unit.WORKING_DAYS.value,
        required=False,
        help_text="补正期限按告知书载明的单位计算；延期一律按工作日",
    )
    until = forms.DateField(
        label="延迟答复期限", widget=DATE, required=False, help_text="第三十五条：告知申请人的日期"
    )
    party = forms.CharField(label="第三方或机关名称", max_length=200, required=False)

    NEEDS_REASON = {
        EventKind.CORRECTION_REQUESTED: "请写明需要补正的事项",
        EventKind.EXTENSION_APPROVED: "请写明延期理由",
        EventKind.WITHDRAWN: "请写明撤回方式（如申请人书面撤回）",
    }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = data.get("kind")
        if kind in self.NEEDS_REASON and not data.get("reason"):
            self.add_error("reason", self.NEEDS_REASON[EventKind(kind)])
        if kind == EventKind.CORRECTION_REQUESTED and not data.get("days"):
            self.add_error("days", "请填写给予申请人的补正期限（日数，单位与告知书一致）")
        if kind in self.NEEDS_PARTY and not data.get("party"):
            self.add_error("party", self.NEEDS_PARTY[EventKind(kind)])
        if kind == EventKind.LATER_DEADLINE_NOTIFIED and not data.get("until"):
            self.add_error("until", "请填写告知申请人的延迟答复期限（条例第三十五条）")
        if kind == EventKind.EXTENSION_APPROVED:
            if data.get("unit") == Unit.CALENDAR_DAYS:
                self.add_error("unit", "延长答复期限按工作日计算（条例第三十三条）")
            if data.get("days") is None:
                data["days"] = 20
        return data

    NEEDS_PARTY = {
        EventKind.THIRD_PARTY_CONSULTED: "请填写第三方名称",
        EventKind.THIRD_PARTY_ANSWERED: "请填写第三方名称",
        EventKind.ORGAN_CONSULTED: "请填写被征求意见的机关名称",
        EventKind.ORGAN_ANSWERED: "请填写被征求意见的机关名称",
    }

    def event_data(self) -> dict[str, Any]:
        """What the event stores in ``data``: only the fields its kind uses."""
        d = self.cleaned_data
        kind = d["kind"]
        data: dict[str, Any] = {"party": d.get("party")}
        if kind in (EventKind.CORRECTION_REQUESTED, EventKind.EXTENSION_APPROVED):
            data["days"] = d.get("days")
        if kind == EventKind.CORRECTION_REQUESTED:
            data["unit"] = d.get("unit") or Unit.WORKING_DAYS.value
        if kind == EventKind.LATER_DEADLINE_NOTIFIED and d.get("until"):
            data["until"] = d["until"].isoformat()
        return data


class DecideForm(forms.Form):
    outcome = forms.ChoiceField(label="办理结果", choices=())
    on = forms.DateField(label="答复日期", widget=DATE, initial=dt.date.today)
    reasons = forms.CharField(label="答复内容及理由", widget=forms.Textarea(attrs={"rows": 4}))
    reply = forms.FileField(label="答复书（可选，已签发的扫描件）", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [("", "请选择"), *outcome_choices()]


class FeeForm(forms.ModelForm):
    class Meta:
        model = FeeRecord
        fields = ("method", "quantity", "already", "on", "paid_on")
        widgets = {"on": DATE, "paid_on": DATE}
