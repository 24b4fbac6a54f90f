"""The annual report workspace (年度报告工作台): one per agency and year.

Figures are never stored as typed: ``computed`` holds the cells as last compiled from the
records, ``Override`` rows hold the clerk's reasoned changes on top of them, and ``sections``
the narrative the clerk edits. ``snapshot`` is the assembled, checked report frozen when the
workspace is submitted (foi-lessons 7: locked once submitted).

A published report is never changed in place: ``PublishedVersion`` keeps every published version;
a correction (更正) opens the workspace again as the next ``version`` with its reason, runs through
submit → approve → publish, and is published as a new version with what changed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from gongkai.agencies.models import Agency


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已提交，待负责人审核"
    RETURNED = "returned", "已退回修改"
    APPROVED = "approved", "已审核通过，待发布"
    PUBLISHED = "published", "已公开"


# States in which the clerk may compile, edit the narrative and override figures.
EDITABLE = (Status.DRAFT, Status.RETURNED)


class Workspace(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="report_workspaces"
    )
    year = models.PositiveSmallIntegerField("年度")
    status = models.CharField(
        "状态", max_length=16, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    computed = models.JSONField("汇编数值", default=dict, blank=True)
    sections = models.JSONField("正文", default=dict, blank=True)
    compiled_at = models.DateTimeField("汇编时间", null=True, blank=True)
    snapshot = models.JSONField("提交的报告", null=True, blank=True)
    error_count = models.PositiveIntegerField("错误数", default=0)
    warning_count = models.PositiveIntegerField("提示数", default=0)
    review_comment = models.TextField("审核意见", blank=True)
    published_at = models.DateTimeField("公开时间", null=True, blank=True)
    version = models.PositiveSmallIntegerField("版本", default=1, editable=False)
    correction_reason = models.TextField("更正理由", blank=True, editable=False)
    published_report = models.ForeignKey(
        "reports.AnnualReport",
        verbose_name="报告库中的报告",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords(verbose_name="工作台修改记录", verbose_name_plural="工作台修改记录")

    class Meta:
        verbose_name = "年度报告工作台"
        verbose_name_plural = "年度报告工作台"
        ordering = ("-year", "agency__path")
        constraints = (
            models.UniqueConstraint(fields=["agency", "year"], name="workspace_one_per_year"),
        )

    def __str__(self) -> str:
        return f"{self.agency} {self.year}年度报告工作台"

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE


class Override(models.Model):
    """人工调整: a computed figure replaced by hand, with the reason. The newest row of a key
    applies while ``active``; earlier rows stay as the record of what was done."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="overrides")
    key = models.CharField("单元格", max_length=100)
    computed = models.CharField("汇编数值", max_length=40, blank=True)
    value = models.CharField("调整后数值", max_length=40, blank=True)
    reason = models.CharField("理由", max_length=500)
    active = models.BooleanField("有效", default=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="调整人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "人工调整"
        verbose_name_plural = "人工调整"
        ordering = ("-at", "-pk")


class Event(models.Model):
    """办理记录 of the workspace: compile, narrative edit, override, submit, review, publish."""

    class Kind(models.TextChoices):
        COMPILE = "compile", "汇编"
        SECTION = "section", "修改正文"
        OVERRIDE = "override", "人工调整数值"
        REVERT = "revert", "撤销人工调整"
        SUBMIT = "submit", "提交审核"
        RETURN = "return", "退回修改"
        APPROVE = "approve", "审核通过"
        PUBLISH = "publish", "公开发布"
        CORRECT = "correct", "发起更正"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField("事项", max_length=16, choices=Kind.choices)
    key = models.CharField("位置", max_length=100, blank=True)
    old = models.TextField("原内容", blank=True)
    new = models.TextField("新内容", blank=True)
    comment = models.TextField("说明", blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="办理人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "工作台记录"
        verbose_name_plural = "工作台记录"
        ordering = ("-at", "-pk")


class PublishedVersion(models.Model):
    """One published version of the report (第N版): frozen, readable for ever. Version 1 is the
    first publication; each later one is a correction (更正) with its reason and its changes
    against the version before (``changes``: ``[{"key", "label", "old", "new"}]``)."""

    workspace = models.ForeignKey(Workspace, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField("版本")
    report = models.JSONField("公开的报告")
    reason = models.TextField("更正理由", blank=True)
    changes = models.JSONField("更正内容", default=list, blank=True)
    previous = models.ForeignKey(
        "self", verbose_name="上一版本", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    published_at = models.DateTimeField("公开时间")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="发布人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "公开版本"
        verbose_name_plural = "公开版本"
        ordering = ("-number",)
        constraints = (
            models.UniqueConstraint(fields=["workspace", "number"], name="published_version_once"),
        )

    def __str__(self) -> str:
        return f"{self.workspace} 第{self.number}版"
