"""FeeRecord (信息处理费): one quoted fee under 国办函〔2020〕109号, and whether it was paid."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from gongkai.law.fees import FeeMethod

from .application import Application


class FeeRecord(models.Model):
    class Method(models.TextChoices):
        PER_ITEM = FeeMethod.PER_ITEM.value, "按件计收"
        PER_PAGE = FeeMethod.PER_PAGE.value, "按量计收"

    application = models.ForeignKey(
        Application, verbose_name="申请", on_delete=models.CASCADE, related_name="fees"
    )
    method = models.CharField("计收方式", max_length=20, choices=Method.choices)
    quantity = models.PositiveIntegerField("件数或页数")
    already = models.PositiveIntegerField("本月此前已申请件数", default=0)
    on = models.DateField("收费通知日期")
    amount = models.DecimalField("金额（元）", max_digits=12, decimal_places=2, editable=False)
    breakdown = models.CharField("计算过程", max_length=300, editable=False)
    paid_on = models.DateField("缴费日期", null=True, blank=True)
    history = HistoricalRecords(verbose_name="收费修改记录", verbose_name_plural="收费修改记录")

    class Meta:
        verbose_name = "信息处理费"
        verbose_name_plural = "信息处理费"
        ordering = ("on", "pk")

    def __str__(self) -> str:
        return f"{self.get_method_display()} {self.amount}元"
