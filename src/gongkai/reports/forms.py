"""Forms of the report pages; the rules themselves live in services (and the core)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from gongkai.agencies.models import Agency
from gongkai.report.formats import FORMATS, SECTIONS

YEARS = [(None, "从报告中识别")] + [(y, f"{y}年") for y in range(2030, 2007, -1)]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data] or [single(None, initial)]
        return [single(data, initial)]


class UploadForm(forms.Form):
    agency = forms.ModelChoiceField(Agency.objects.none(), label="机关", empty_label=None)
    year = forms.TypedChoiceField(
        label="年度", choices=YEARS, coerce=int, empty_value=None, required=False
    )
    files = MultipleFileField(
        label="报告文件",
        help_text="可一次选择多个文件：Word（.docx）、PDF、HTML、Excel（.xlsx）、纯文本，"
        "或扫描件（图片版 PDF、PNG、JPEG、TIFF，自动 OCR 识别，每页约数秒）。",
    )

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies.order_by("path")  # type: ignore[attr-defined]


class CellCorrectionForm(forms.Form):
    key = forms.ChoiceField(label="单元格")
    value = forms.CharField(
        label="更正后的数值", required=False, max_length=40, help_text="留空表示报告未填写该数值。"
    )
    reason = forms.CharField(label="更正理由", max_length=500)

    def __init__(self, *args: Any, fmt: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cells = FORMATS[fmt].cells
        self.fields["key"].choices = [(k, c.label) for k, c in cells.items()]  # type: ignore[attr-defined]


SECTION_CHOICES = [("preamble", "开头（导语）")] + [(s.key, s.heading) for s in SECTIONS]


class SectionCorrectionForm(forms.Form):
    key = forms.ChoiceField(label="部分", choices=SECTION_CHOICES)
    text = forms.CharField(label="正文", widget=forms.Textarea(attrs={"rows": 12}), required=False)
    reason = forms.CharField(label="更正理由", max_length=500)
