"""Agency (行政机关): a body that publishes an annual report, placed in a supervision tree.

The tree is stored twice: ``parent`` is the truth (audited), ``path`` is a materialised path of
primary keys (``/1/7/42/``) derived from it in ``save()``, so that "this agency and everything
under it" is one indexed ``LIKE '/1/7/%'`` query that composes into other querysets.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.functions import Concat, Substr
from simple_history.models import HistoricalRecords


class Agency(models.Model):
    class Kind(models.TextChoices):
        REGION = "region", "行政区域"
        GOVERNMENT = "government", "人民政府"
        DEPARTMENT = "department", "政府部门"
        TOWNSHIP = "township", "乡镇（街道）"
        OFFICE = "office", "政务公开办公室"
        INSTITUTION = "institution", "事业单位"

    name = models.CharField("名称", max_length=200)
    kind = models.CharField("类别", max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    code = models.CharField(
        "机构代码",
        max_length=32,
        unique=True,
        null=True,
        blank=True,
        help_text="统一社会信用代码或本系统的稳定标识；可空。",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")

    # path is derived from parent, which is audited; recording it too would only add noise.
    history = HistoricalRecords(
        excluded_fields=["path"], verbose_name="机关修改记录", verbose_name_plural="机关修改记录"
    )

    class Meta:
        verbose_name = "机关"
        verbose_name_plural = "机关"
        ordering = ("path",)
        constraints = (
            models.UniqueConstraint(fields=["parent", "name"], name="agency_unique_name_in_parent"),
        )

    def __str__(self) -> str:
        return self.name

    @property
    def depth(self) -> int:
        """0 for a root agency."""
        return max(self.path.count("/") - 2, 0)

    def ancestor_ids(self) -> list[int]:
        """Primary keys from the root down to the parent (excludes this agency)."""
        return [int(part) for part in self.path.strip("/").split("/")[:-1] if part]

    def ancestors(self) -> models.QuerySet[Agency]:
        return Agency.objects.filter(pk__in=self.ancestor_ids()).order_by("path")

    def descendants(self, *, include_self: bool = False) -> models.QuerySet[Agency]:
        subtree = Agency.objects.filter(path__startswith=self.path)
        return subtree if include_self else subtree.exclude(pk=self.pk)

    def is_within(self, other: Agency) -> bool:
        """True if this agency is ``other`` or lies below it."""
        return bool(other.path) and self.path.startswith(other.path)

    def clean(self) -> None:
        if self.pk and self.parent_id:
            parent = self.parent
            if parent is not None and (parent.pk == self.pk or parent.is_within(self)):
                raise ValidationError({"parent": "上级机关不能是本机关或其下级机关。"})

    def save(self, *args: object, **kwargs: object) -> None:
        with transaction.atomic():
            old_path = self.path
            parent_path = self._fresh_parent_path()
            if old_path and parent_path.startswith(old_path):
                raise ValidationError({"parent": "上级机关不能是本机关或其下级机关。"})
            super().save(*args, **kwargs)  # type: ignore[arg-type]
            new_path = f"{parent_path or '/'}{self.pk}/"
            if new_path != old_path:
                self._move_subtree(old_path, new_path)

    def _fresh_parent_path(self) -> str:
        """The parent's path as stored now (an in-memory parent may predate a move)."""
        if self.parent_id is None:
            return ""
        return Agency.objects.values_list("path", flat=True).get(pk=self.parent_id)

    def _move_subtree(self, old_path: str, new_path: str) -> None:
        Agency.objects.filter(pk=self.pk).update(path=new_path)
        if old_path:
            Agency.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                path=Concat(models.Value(new_path), Substr("path", len(old_path) + 1))
            )
        self.path = new_path
