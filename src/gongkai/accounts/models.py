"""Membership: a person's role (角色) in one agency. Access follows memberships.

System administrators are Django superusers; they need no membership.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from gongkai.agencies.models import Agency


class Role(models.TextChoices):
    # 经办人: enters and maintains the agency's own data (applications, reports).
    CLERK = "clerk", "经办人"
    # 审核人/负责人: approves the agency's own data before it leaves the agency (先审后发).
    REVIEWER = "reviewer", "审核人（负责人）"
    # 主管部门: sees and reviews the agency and every agency below it; edits none of their data.
    SUPERVISOR = "supervisor", "主管部门"


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    history = HistoricalRecords(verbose_name="角色修改记录", verbose_name_plural="角色修改记录")

    class Meta:
        verbose_name = "角色分配"
        verbose_name_plural = "角色分配"
        ordering = ("agency__path", "role")
        constraints = (
            models.UniqueConstraint(
                fields=["user", "agency", "role"], name="membership_unique_role"
            ),
        )

    def __str__(self) -> str:
        return f"{self.user} · {self.agency} · {self.get_role_display()}"
