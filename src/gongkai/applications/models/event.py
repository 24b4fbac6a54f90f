"""ApplicationEvent (办理记录): what happened to an application, when, by whom, and why.

Events are the truth. The state (:mod:`..lifecycle`), the clocks
(:func:`gongkai.law.deadlines.compute_clocks`) and the statistics are derived from them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .application import Application


class EventKind(models.TextChoices):
    REGISTERED = "registered", "登记"
    ACCEPTED = "accepted", "受理办理"
    CORRECTION_REQUESTED = "correction_requested", "告知补正"
    CORRECTION_RECEIVED = "correction_received", "收到补正"
    ABANDONED = "abandoned", "逾期未补正，视为放弃申请"
    THIRD_PARTY_CONSULTED = "third_party_consulted", "征求第三方意见"
    THIRD_PARTY_ANSWERED = "third_party_answered", "收到第三方意见"
    ORGAN_CONSULTED = "organ_consulted", "征求其他机关意见"  # 第三十四条
    ORGAN_ANSWERED = "organ_answered", "收到其他机关意见"
    FEE_NOTICE_RECEIVED = "fee_notice_received", "申请人收到收费通知"  # 国办函〔2020〕109号
    FEE_PAID = "fee_paid", "申请人缴纳信息处理费"
    FEE_UNPAID = "fee_unpaid", "逾期未缴费，视为放弃申请"
    EXTENSION_APPROVED = "extension_approved", "批准延期答复"
    LATER_DEADLINE_NOTIFIED = "later_deadline_notified", "告知延迟答复的合理期限（第三十五条）"
    ANSWERED = "answered", "作出答复"
    WITHDRAWN = "withdrawn", "申请人撤回申请"


# Events that close an application; each counts once in part 三 (三、本年度办理结果).
CLOSING = (EventKind.ANSWERED, EventKind.WITHDRAWN, EventKind.ABANDONED, EventKind.FEE_UNPAID)


class ApplicationEvent(models.Model):
    application = models.ForeignKey(
        Application, verbose_name="申请", on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField("事项", max_length=30, choices=EventKind.choices)
    on = models.DateField("日期")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="办理人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField("说明", blank=True)
    data = models.JSONField("数据", default=dict, blank=True)
    recorded_at = models.DateTimeField("记录时间", auto_now_add=True)
    history = HistoricalRecords(verbose_name="办理记录修改", verbose_name_plural="办理记录修改")

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = ("on", "pk")
        indexes = (models.Index(fields=["kind", "on"]),)

    def __str__(self) -> str:
        return f"{self.on} {self.get_kind_display()}"
