"""AccessLog (个人信息查阅记录): every view of an applicant's full personal data."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from .application import Application


class AccessLog(models.Model):
    application = models.ForeignKey(
        Application, verbose_name="申请", on_delete=models.CASCADE, related_name="access_log"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="查阅人", on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField("查阅时间", auto_now_add=True)
    what = models.CharField("查阅内容", max_length=100)

    class Meta:
        verbose_name = "个人信息查阅记录"
        verbose_name_plural = "个人信息查阅记录"
        ordering = ("-at",)

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.what}"
