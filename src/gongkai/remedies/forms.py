from __future__ import annotations

from typing import Any, ClassVar

from django import forms

from gongkai.agencies.models import Agency

from .models import Case

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CaseForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = (
            "kind",
            "number",
            "application_ref",
            "filed_on",
            "result",
            "decided_on",
            "summary",
        )
        widgets: ClassVar[dict[str, Any]] = {
            "filed_on": DATE,
            "decided_on": DATE,
            "summary": forms.Textarea({"rows": 3}),
        }

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.agency = agency
