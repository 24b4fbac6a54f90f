"""Case (政府信息公开行政复议、行政诉讼案件) against an agency's disclosure decision."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from gongkai.agencies.models import Agency


class Kind(models.TextChoices):
    """The three groups of the part 四 table; the values are its canonical row keys."""

    RECONSIDERATION = "reconsideration", "行政复议"
    LITIGATION_DIRECT = "litigation_direct", "行政诉讼（未经复议直接起诉）"
    LITIGATION_AFTER = "litigation_after", "行政诉讼（复议后起诉）"


class Result(models.TextChoices):
    """The result columns of part 四; the values are its canonical column keys."""

    UPHELD = "upheld", "结果维持"
    CORRECTED = "corrected", "结果纠正"
    OTHER = "other", "其他结果"
    PENDING = "pending", "尚未审结"


class Case(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="被申请人/被告机关", on_delete=models.PROTECT, related_name="cases"
    )
    kind = models.CharField("类别", max_length=20, choices=Kind.choices)
    number = models.CharField("案号", max_length=100, blank=True)
    # The applications app is written in parallel: a reference by 申请编号 for now, a FK later.
    application_ref = models.CharField("关联申请编号", max_length=100, blank=True)
    filed_on = models.DateField("立案（收到）日期")
    result = models.CharField("结果", max_length=20, choices=Result.choices, default=Result.PENDING)
    decided_on = models.DateField("审结日期", null=True, blank=True)
    summary = models.TextField("案情摘要", blank=True)
    history = HistoricalRecords(verbose_name="案件修改记录")

    class Meta:
        verbose_name = "复议诉讼案件"
        verbose_name_plural = "复议诉讼案件"
        ordering = ("-filed_on", "-pk")

    def __str__(self) -> str:
        return self.number or f"{self.get_kind_display()} {self.filed_on}"

    def clean(self) -> None:
        errors = {}
        if self.result == Result.PENDING and self.decided_on is not None:
            errors["decided_on"] = "尚未审结的案件不填审结日期。"
        if self.result != Result.PENDING and self.decided_on is None:
            errors["decided_on"] = "已审结的案件须填写审结日期。"
        if self.decided_on and self.filed_on and self.decided_on < self.filed_on:
            errors["decided_on"] = "审结日期不能早于立案日期。"
        if errors:
            raise ValidationError(errors)
