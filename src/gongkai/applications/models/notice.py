"""NoticeTemplate (告知书模板): an agency's own .docx version of a notice.

Without one, the default in ``applications/notice_templates/`` is used. Placeholders are
``{{name}}`` in the text; see :mod:`..services.notices` for the names.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from gongkai.agencies.models import Agency


class NoticeKind(models.TextChoices):
    RECEIPT = "receipt", "登记回执（受理通知）"
    CORRECTION = "correction", "补正告知书"
    EXTENSION = "extension", "延期答复告知书"
    THIRD_PARTY = "third_party", "第三方意见征询函"
    REPLY = "reply", "答复告知书"


class NoticeTemplate(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.CASCADE, related_name="notice_templates"
    )
    kind = models.CharField("文书", max_length=20, choices=NoticeKind.choices)
    file = models.FileField(
        "模板文件（.docx）",
        upload_to="notice_templates/",
        help_text="在默认模板基础上修改；占位符写作 {{applicant_name}} 等，见默认模板。",
    )
    history = HistoricalRecords(verbose_name="模板修改记录", verbose_name_plural="模板修改记录")

    class Meta:
        verbose_name = "告知书模板"
        verbose_name_plural = "告知书模板"
        constraints = (
            models.UniqueConstraint(fields=["agency", "kind"], name="notice_template_unique"),
        )

    def __str__(self) -> str:
        return f"{self.agency} · {self.get_kind_display()}"
