"""AccessLog (个人信息查阅记录): every view of an applicant's full personal data.

Append-only, for code as for people: a saved entry cannot be saved again, and neither an entry
nor a queryset of entries can be updated or deleted (AppendOnly, a PermissionDenied, so a view
that tried would answer 403). The application it is about cannot be deleted while it has
entries (PROTECT): closed applications are anonymised instead (anonymise_applications).
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models

from .application import Application


class AppendOnly(PermissionDenied):
    def __init__(self) -> None:
        super().__init__("个人信息查阅记录只能新增，不能修改或删除")


class AccessLogQuerySet(models.QuerySet["AccessLog"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnly

    def delete(self) -> NoReturn:
        raise AppendOnly


class AccessLog(models.Model):
    application = models.ForeignKey(
        Application, verbose_name="申请", on_delete=models.PROTECT, related_name="access_log"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="查阅人", on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField("查阅时间", auto_now_add=True)
    what = models.CharField("查阅内容", max_length=100)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = "个人信息查阅记录"
        verbose_name_plural = "个人信息查阅记录"
        ordering = ("-at",)

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.what}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnly
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnly
