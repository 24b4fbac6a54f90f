"""The annual report as stored: one row per agency and year (年度报告), its cells as numbers for
SQL, its findings as rows for counting, and every correction (更正记录).

``AnnualReport.data`` is the core's JSON (``report_to_dict``) and the truth; ``ReportCell`` and
``ReportFinding`` are derived from it by ``services.store`` on every save, so the dashboard can
``Sum`` and ``Count`` in the database instead of loading 5,000 JSON documents.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from gongkai.agencies.models import Agency


class Status(models.TextChoices):
    """Derived from the findings (``services.status_of``), never set by hand."""

    CLEAN = "clean", "无问题"
    IMPORTED = "imported", "已导入（有提示）"
    ERRORS = "errors", "有错误"


def original_upload_to(instance: AnnualReport, filename: str) -> str:
    # The uploaded name is hostile: only its content hash and a plain extension reach the disk.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    ext = ext if ext.isalnum() and len(ext) <= 5 else "bin"
    return f"reports/{instance.agency_id}/{instance.year}/{instance.original_sha256[:16]}.{ext}"


class AnnualReport(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="annual_reports"
    )
    year = models.PositiveSmallIntegerField("年度")
    format = models.CharField("格式", max_length=8)
    status = models.CharField("状态", max_length=16, choices=Status.choices)
    error_count = models.PositiveIntegerField("错误数", default=0)
    warning_count = models.PositiveIntegerField("提示数", default=0)
    data = models.JSONField("报告数据")
    # Set when the annual report workspace published this report (its version number): the
    # report is then frozen here; corrections go through the workspace as a new version.
    published_version = models.PositiveSmallIntegerField(
        "公开版本", null=True, blank=True, editable=False
    )
    original = models.FileField("原始文件", upload_to=original_upload_to, blank=True)
    original_name = models.CharField("原始文件名", max_length=255, blank=True)
    original_size = models.PositiveBigIntegerField("文件大小", default=0)
    original_content_type = models.CharField("文件类型", max_length=100, blank=True)
    original_sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="上传人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="修改人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords(
        verbose_name="年度报告修改记录", verbose_name_plural="年度报告修改记录"
    )

    class Meta:
        verbose_name = "年度报告"
        verbose_name_plural = "年度报告"
        ordering = ("-year", "agency__path")
        constraints = (
            models.UniqueConstraint(fields=["agency", "year"], name="annual_report_one_per_year"),
        )
        indexes = (
            models.Index(fields=["year", "agency"], name="annual_report_year_agency"),
            # Covers the dashboard's fingerprint of a scope's reports (dashboard/cache.py)
            # without reading the rows, whose report data is large.
            models.Index(fields=["agency", "year", "updated_at"], name="annual_report_changed"),
        )

    def __str__(self) -> str:
        return f"{self.agency} {self.year}年度报告"


class ReportCell(models.Model):
    """One table cell of a stored report as a number; keys are ``FORMATS[format].cells``."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="cell_rows")
    key = models.CharField("单元格", max_length=100)
    value = models.DecimalField("数值", max_digits=24, decimal_places=4, null=True)

    class Meta:
        verbose_name = "报告单元格"
        verbose_name_plural = "报告单元格"
        constraints = (
            models.UniqueConstraint(fields=["report", "key"], name="report_cell_unique_key"),
        )
        indexes = (models.Index(fields=["key", "report"], name="report_cell_key_report"),)


class ReportFinding(models.Model):
    """One finding of a stored report, for counting by severity and code."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="finding_rows")
    code = models.CharField("代码", max_length=40)
    severity = models.CharField("严重程度", max_length=10)

    class Meta:
        verbose_name = "核验发现"
        verbose_name_plural = "核验发现"


class Correction(models.Model):
    """更正记录: who changed which cell or narrative part of a report, from what to what, why."""

    class Kind(models.TextChoices):
        CELL = "cell", "表格数值"
        SECTION = "section", "正文"

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField("类别", max_length=10, choices=Kind.choices)
    key = models.CharField("位置", max_length=100)
    old = models.TextField("原值", blank=True)
    new = models.TextField("新值", blank=True)
    reason = models.CharField("理由", max_length=500)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="更正人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "更正记录"
        verbose_name_plural = "更正记录"
        ordering = ("-at", "-pk")
