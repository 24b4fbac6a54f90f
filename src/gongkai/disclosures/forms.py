"""Forms of the disclosure pages; every error is attached to its field, in Chinese."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django import forms

from gongkai.agencies.models import Agency

from .models import Category, Channel, Item, RegisterEntry, Step

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ItemForm(forms.ModelForm):
    channels = forms.MultipleChoiceField(
        label="公开渠道", choices=Channel.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Item
        fields = (
            "title",
            "doc_number",
            "formed_on",
            "category",
            "article_item",
            "channels",
            "url",
            "body",
        )
        widgets: ClassVar[dict[str, Any]] = {
            "formed_on": DATE,
            "body": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = agency.disclosure_categories.filter(active=True)


class StepForm(forms.Form):
    step = forms.ChoiceField(label="环节", choices=Step.choices, widget=forms.HiddenInput)
    opinion = forms.CharField(label="意见", required=False, widget=forms.Textarea({"rows": 2}))
    published_on = forms.DateField(label="公开日期", required=False, widget=DATE)


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ("name", "order")

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.agency = agency

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if self.instance.agency.disclosure_categories.filter(name=name).exists():
            raise forms.ValidationError("本机关已有这个目录类别。")
        return name


class RegisterEntryForm(forms.ModelForm):
    class Meta:
        model = RegisterEntry
        fields = (
            "subject",
            "period_start",
            "period_end",
            "issued",
            "repealed",
            "published",
            "stock",
            "decisions",
            "items",
            "projects",
            "amount",
            "note",
        )
        widgets: ClassVar[dict[str, Any]] = {"period_start": DATE, "period_end": DATE}

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.agency = agency


class ImportForm(forms.Form):
    file = forms.FileField(label="CSV 或 XLSX 文件")


class PeriodForm(forms.Form):
    first = forms.DateField(label="起始日期", widget=DATE)
    last = forms.DateField(label="截止日期", widget=DATE)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        first, last = data.get("first"), data.get("last")
        if first and last and last < first:
            self.add_error("last", "截止日期不能早于起始日期。")
        return data


def current_quarter(today: dt.date) -> tuple[dt.date, dt.date]:
    start_month = 3 * ((today.month - 1) // 3) + 1
    first = dt.date(today.year, start_month, 1)
    next_start = dt.date(today.year + (start_month == 10), (start_month + 2) % 12 + 1, 1)
    return first, next_start - dt.timedelta(days=1)
