"""Decision (答复): the one outcome of an answered application, a row of part 三."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from gongkai.law.outcomes import outcome, outcomes
from gongkai.report.formats import format_for_year

from .application import Application


def outcome_choices() -> list[tuple[str, str]]:
    return [(o.key, outcome_label(o.key)) for o in outcomes().values()]


def outcome_label(key: str) -> str:
    """E.g. "（三）不予公开 · 1.属于国家秘密"; top-level rows keep their own label."""
    o = outcome(key)
    if o.group and o.group.startswith("（"):
        return f"{o.group} · {o.label}"
    return o.label


class Decision(models.Model):
    application = models.OneToOneField(
        Application, verbose_name="申请", on_delete=models.CASCADE, related_name="decision"
    )
    outcome = models.CharField("办理结果", max_length=40, choices=outcome_choices)
    on = models.DateField("答复日期")
    reasons = models.TextField("答复内容及理由")
    reply = models.FileField("答复书", upload_to="replies/%Y/", blank=True)
    history = HistoricalRecords(verbose_name="答复修改记录", verbose_name_plural="答复修改记录")

    class Meta:
        verbose_name = "答复"
        verbose_name_plural = "答复"

    def __str__(self) -> str:
        return f"{self.on} {self.get_outcome_display()}"

    @property
    def legal_basis(self) -> str:
        """The 条例 article of the outcome (gongkai.law.outcomes)."""
        article = outcome(self.outcome).article
        return f"《中华人民共和国政府信息公开条例》{article}" if article else ""

    def clean(self) -> None:
        check_outcome_for_date(self.outcome, self.on)


def check_outcome_for_date(key: str, on: object) -> None:
    """The outcome must be a row of the report layout of the decision's year."""
    year = getattr(on, "year", None)
    if not key or year is None:
        return
    version = format_for_year(year).version
    if version not in outcome(key).layouts:
        raise ValidationError(
            {
                "outcome": f"“{outcome(key).label}”不是{year}年度报告格式（{version}年版）中的办理结果"
            }
        )
