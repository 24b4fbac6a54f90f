from __future__ import annotations

from typing import Any

from django import forms

from gongkai.report.formats import SECTIONS, format_for_year

SECTION_CHOICES = [("preamble", "开头（前言）")] + [
    (s.key, f"{s.number}、{s.title}") for s in SECTIONS
]


class OpenForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=None, label="机关", empty_label=None)
    year = forms.IntegerField(label="年度", min_value=2019, max_value=2100)

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class SectionForm(forms.Form):
    key = forms.ChoiceField(choices=SECTION_CHOICES, label="部分")
    text = forms.CharField(label="正文", widget=forms.Textarea, required=False, max_length=50_000)
    reason = forms.CharField(label="修改说明", max_length=500, required=False)


class OverrideForm(forms.Form):
    key = forms.ChoiceField(label="单元格")
    value = forms.CharField(label="调整后数值", max_length=40, required=False)
    reason = forms.CharField(label="理由", max_length=500)

    def __init__(self, *args: Any, year: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cells = format_for_year(year).cells
        self.fields["key"].choices = [(k, c.label) for k, c in cells.items()]


class RevertForm(forms.Form):
    key = forms.CharField(max_length=100)
    reason = forms.CharField(label="理由", max_length=500, required=False)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="审核意见", choices=[("approve", "审核通过"), ("return", "退回修改")]
    )
    comment = forms.CharField(label="意见", widget=forms.Textarea, required=False, max_length=2000)


class CorrectForm(forms.Form):
    """更正 of a published report: the reason is published with the new version."""

    reason = forms.CharField(
        label="更正理由", max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
