"""Forms with field-level Chinese errors. The services check the 条例; the forms check input."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from gongkai.agencies.models import Agency

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
        return received


class EventForm(forms.Form):
    """One transition; which fields matter depends on the kind."""

    kind = forms.ChoiceField(label="事项", choices=EventKind.choices)
    on = forms.DateField(label="日期", widget=DATE, initial=dt.date.today)
    reason = forms.CharField(label="说明", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    days = forms.IntegerField(label="工作日数", min_value=1, max_value=60, required=False)
    party = forms.CharField(label="第三方名称", max_length=200, required=False)

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
            self.add_error("days", "请填写给予申请人的补正期限（工作日）")
        if kind in (EventKind.THIRD_PARTY_CONSULTED, EventKind.THIRD_PARTY_ANSWERED) and not (
            data.get("party")
        ):
            self.add_error("party", "请填写第三方名称")
        if kind == EventKind.EXTENSION_APPROVED and data.get("days") is None:
            data["days"] = 20
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
