"""The portal's forms, every error on its field in Chinese.

ApplyForm asks what the official 政府信息公开申请表 asks: who applies (自然人, or 法人或者其他组织
with its kind — the applicant columns of part 三), how to reach them, the information wanted,
the purpose (optional) and how to receive it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.conf import settings

from gongkai.applications.models import ApplicantType

from .identity import credit_code_ok, resident_id_ok
from .models import Guide
from .uploads import check_attachment

PERSON = "person"
ORGANISATION = "organisation"
ID_CARD = "居民身份证"
ORG_TYPES = [(t.value, t.label) for t in ApplicantType if t != ApplicantType.NATURAL_PERSON]
DELIVERY = [("纸质", "纸质（当面领取）"), ("电子", "电子（电子邮件发送）"), ("邮寄", "邮寄")]
PHONE = re.compile(r"^\+?[\d\- ]{7,20}$")


def _required(label: str, message: str, **kwargs: Any) -> dict[str, Any]:
    return {"label": label, "error_messages": {"required": message}, **kwargs}


class ApplyForm(forms.Form):
    applicant_kind = forms.ChoiceField(
        **_required("申请人", "请选择申请人是自然人还是法人或者其他组织"),
        choices=[(PERSON, "自然人（公民）"), (ORGANISATION, "法人或者其他组织")],
        widget=forms.RadioSelect,
    )
    # 自然人
    name = forms.CharField(label="姓名", max_length=100, required=False)
    id_type = forms.ChoiceField(
        label="身份证件名称",
        required=False,
        choices=[(c, c) for c in (ID_CARD, "护照", "港澳台居民居住证", "其他证件")],
    )
    id_number = forms.CharField(label="证件号码", max_length=40, required=False)
    workplace = forms.CharField(label="工作单位（选填）", max_length=200, required=False)
    # 法人或者其他组织
    org_type = forms.ChoiceField(
        label="组织类别", required=False, choices=[("", "请选择"), *ORG_TYPES]
    )
    org_name = forms.CharField(label="名称", max_length=200, required=False)
    credit_code = forms.CharField(label="统一社会信用代码", max_length=18, required=False)
    representative = forms.CharField(label="法定代表人或者负责人", max_length=100, required=False)
    contact_person = forms.CharField(label="联系人姓名", max_length=100, required=False)
    # 联系方式
    phone = forms.CharField(**_required("联系电话", "请填写联系电话"), max_length=20)
    email = forms.EmailField(
        label="电子邮箱",
        error_messages={
            "required": "请填写电子邮箱，用于接收查询号和查询码",
            "invalid": "电子邮箱格式不正确，如 name@example.com",
        },
        help_text="查询号和查询码将发送到此邮箱",
    )
    address = forms.CharField(label="通信地址", max_length=200, required=False)
    postal_code = forms.CharField(label="邮政编码", max_length=6, required=False)
    # 所需信息
    description = forms.CharField(
        **_required(
            "所需政府信息的名称、文号或者便于查询的其他特征性描述", "请描述申请公开的政府信息"
        ),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    purpose = forms.CharField(
        label="所需信息的用途（选填）",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    delivery = forms.ChoiceField(
        **_required("获取信息的方式", "请选择获取信息的方式"),
        choices=DELIVERY,
        widget=forms.RadioSelect,
    )
    attachment = forms.FileField(
        label="附件（选填）",
        required=False,
    )
    # The honeypot: hidden from sight, from screen readers and from the tab order.
    website = forms.CharField(
        label="请勿填写此项",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        most = settings.GONGKAI_PORTAL_MAX_ATTACHMENT_MB
        self.fields["attachment"].help_text = f"PDF、Word（.docx）、JPG 或 PNG，不超过 {most} MB"

    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if not PHONE.match(phone):
            raise forms.ValidationError("联系电话只能包含数字（可带区号和“-”），7 至 20 位")
        return phone

    def clean_postal_code(self) -> str:
        code = self.cleaned_data["postal_code"].strip()
        if code and not re.fullmatch(r"\d{6}", code):
            raise forms.ValidationError("邮政编码应为 6 位数字")
        return code

    def clean_attachment(self) -> Any:
        upload = self.cleaned_data.get("attachment")
        return check_attachment(upload) if upload else upload

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = data.get("applicant_kind")
        if kind == PERSON:
            self._person(data)
        elif kind == ORGANISATION:
            self._organisation(data)
        if data.get("delivery") == "邮寄":
            self._need(data, "address", "选择邮寄的，请填写通信地址")
        return data

    def _need(self, data: dict[str, Any], field: str, message: str) -> None:
        if not (data.get(field) or "").strip():
            self.add_error(field, message)

    def _person(self, data: dict[str, Any]) -> None:
        self._need(data, "name", "请填写姓名")
        self._need(data, "id_number", "请填写证件号码")
        number = (data.get("id_number") or "").strip().upper()
        data["id_number"] = number
        if number and data.get("id_type") == ID_CARD and not resident_id_ok(number):
            self.add_error("id_number", "居民身份证号码不正确（应为 18 位，末位校验码不符）")

    def _organisation(self, data: dict[str, Any]) -> None:
        self._need(data, "org_type", "请选择组织类别")
        self._need(data, "org_name", "请填写法人或者其他组织的名称")
        self._need(data, "credit_code", "请填写统一社会信用代码")
        self._need(data, "contact_person", "请填写联系人姓名")
        code = (data.get("credit_code") or "").strip().upper()
        data["credit_code"] = code
        if code and not credit_code_ok(code):
            self.add_error("credit_code", "统一社会信用代码不正确（应为 18 位，末位校验码不符）")

    def application_fields(self) -> dict[str, Any]:
        """The Application's own fields, from the cleaned form."""
        d = self.cleaned_data
        person = d["applicant_kind"] == PERSON
        contact = [f"电话 {d['phone']}", f"邮箱 {d['email']}"]
        if d.get("address"):
            contact.append(f"地址 {d['address']} {d.get('postal_code') or ''}".strip())
        if person and d.get("workplace"):
            contact.append(f"工作单位 {d['workplace']}")
        if not person:
            contact.append(f"联系人 {d['contact_person']}")
            if d.get("representative"):
                contact.append(f"法定代表人或负责人 {d['representative']}")
        request = d["description"].strip()
        if d.get("purpose"):
            request += f"\n用途：{d['purpose'].strip()}"
        fields = {
            "applicant_type": ApplicantType.NATURAL_PERSON if person else d["org_type"],
            "applicant_name": d["name"] if person else d["org_name"],
            "applicant_id_number": (
                f"{d['id_type']} {d['id_number']}"
                if person and d.get("id_type") != ID_CARD
                else (d["id_number"] if person else d["credit_code"])
            ),
            "applicant_contact": "；".join(contact),
            "request": request,
            "delivery": d["delivery"],
        }
        if d.get("attachment"):
            fields["attachment"] = d["attachment"]
        return fields


class TrackForm(forms.Form):
    number = forms.CharField(
        **_required("查询号", "请填写查询号"), max_length=30, help_text="如 GK-ABCD-2345"
    )
    code = forms.CharField(
        **_required("查询码", "请填写查询码"),
        max_length=30,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )


class CorrectionForm(forms.Form):
    text = forms.CharField(
        **_required("补正内容", "请填写补正内容"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="按补正告知书载明的事项，补充或更正申请内容",
    )


class CatalogueForm(forms.Form):
    """The GET filters of the 公开目录; bad values are errors, never a 500."""

    q = forms.CharField(label="关键词", max_length=100, required=False)
    category = forms.TypedChoiceField(
        label="目录类别", required=False, coerce=int, empty_value=None
    )
    since = forms.DateField(
        label="公开日期自",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "日期格式应为 2026-01-31"},
    )
    until = forms.DateField(
        label="至",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "日期格式应为 2026-01-31"},
    )

    def __init__(self, *args: Any, categories: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "全部类别"), *((c.pk, c.name) for c in categories)]
        self.fields["category"].error_messages["invalid_choice"] = "没有这个目录类别"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        since: dt.date | None = data.get("since")
        until: dt.date | None = data.get("until")
        if since and until and since > until:
            self.add_error("until", "结束日期不能早于开始日期")
        return data


class GuideForm(forms.ModelForm):
    class Meta:
        model = Guide
        fields = (
            "scope",
            "how_to_apply",
            "office_name",
            "address",
            "postal_code",
            "hours",
            "phone",
            "fax",
            "email",
            "fees",
            "remedies",
        )
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in ("scope", "how_to_apply", "fees", "remedies")
        }
