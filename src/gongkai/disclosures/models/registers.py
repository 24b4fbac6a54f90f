"""Part 二 registers (第二十条第（一）（五）（六）（八）（九）项): figures entered per period.

One row is one subject over one period (a month, a quarter, a year). Flows (制发, 废止, 处理决定,
金额) add up over the periods of a year; stocks (现行有效件数, 项目数量) are "as at the period's
end" and the latest one wins. ``services.part_two`` turns them into the report layout.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from gongkai.agencies.models import Agency


class Subject(models.TextChoices):
    RULES = "rules", "规章"
    NORMATIVE = "normative", "行政规范性文件"
    LICENSING = "licensing", "行政许可"
    OTHER_SERVICES = "other_services", "其他对外管理服务事项"
    PUNISHMENT = "punishment", "行政处罚"
    COERCION = "coercion", "行政强制"
    FEES = "fees", "行政事业性收费"
    PROCUREMENT = "procurement", "政府集中采购"


# The figures that may be entered for each subject (declared once; forms and imports use it).
FIELDS_BY_SUBJECT: dict[str, tuple[str, ...]] = {
    Subject.RULES: ("issued", "repealed", "published", "stock"),
    Subject.NORMATIVE: ("issued", "repealed", "published", "stock"),
    Subject.LICENSING: ("decisions", "items"),
    Subject.OTHER_SERVICES: ("decisions", "items"),
    Subject.PUNISHMENT: ("decisions", "items"),
    Subject.COERCION: ("decisions", "items"),
    Subject.FEES: ("amount", "items"),
    Subject.PROCUREMENT: ("projects", "amount"),
}
FIGURES = ("issued", "repealed", "published", "stock", "decisions", "items", "projects", "amount")

_COUNT = {"validators": [MinValueValidator(0)], "null": True, "blank": True}


class RegisterEntry(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="register_entries"
    )
    subject = models.CharField("事项", max_length=20, choices=Subject.choices)
    period_start = models.DateField("起始日期")
    period_end = models.DateField("截止日期")
    issued = models.IntegerField("本期制发件数", **_COUNT)
    repealed = models.IntegerField("本期废止件数", **_COUNT)
    published = models.IntegerField("本期新公开数量", **_COUNT)
    stock = models.IntegerField(
        "期末现行有效件数",
        help_text="截止日期时的现行有效件数（2019 年格式为对外公开总数量）；不填则按上年结转推算",
        **_COUNT,
    )
    decisions = models.IntegerField("本期处理决定数量", **_COUNT)
    items = models.IntegerField(
        "期末项目数量", help_text="截止日期时的事项（收费项目）数量", **_COUNT
    )
    projects = models.IntegerField("本期采购项目数量", **_COUNT)
    amount = models.DecimalField(
        "本期金额（万元）",
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    note = models.CharField("备注", max_length=200, blank=True)
    history = HistoricalRecords(verbose_name="登记修改记录")

    class Meta:
        verbose_name = "第二十条事项登记"
        verbose_name_plural = "第二十条事项登记"
        ordering = ("agency", "period_start", "subject")

    def __str__(self) -> str:
        return f"{self.get_subject_display()} {self.period_start}～{self.period_end}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.period_start and self.period_end:
            if self.period_end < self.period_start:
                errors["period_end"] = "截止日期不能早于起始日期。"
            elif self.period_end.year != self.period_start.year:
                errors["period_end"] = "一条登记不能跨年度，请按年度分开填写。"
        allowed = FIELDS_BY_SUBJECT.get(self.subject, ())
        for name in FIGURES:
            if getattr(self, name) is not None and name not in allowed:
                label = self._meta.get_field(name).verbose_name
                errors[name] = f"「{self.get_subject_display()}」不登记{label}。"
        if self.subject and not errors and all(getattr(self, n) is None for n in allowed):
            errors["__all__"] = "请至少填写一个数字。"
        if errors:
            raise ValidationError(errors)
