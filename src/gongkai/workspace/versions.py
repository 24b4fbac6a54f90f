"""Published versions (第N版) and what a correction (更正) changed between two of them.

A published report is what the public was told; it is never edited in place. ``record`` stores
each publication as a frozen ``PublishedVersion``; ``changes_between`` lists the cells and
narrative parts that differ from the version before, for the public change history.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from gongkai.report.jsonio import report_from_dict
from gongkai.report.model import Value

from .forms import SECTION_CHOICES
from .models import PublishedVersion, Workspace

_SECTION_LABELS = dict(SECTION_CHOICES)


def _text(value: Value) -> str:
    return "" if value is None else str(value)


def changes_between(old: dict[str, Any] | None, new: dict[str, Any]) -> list[dict[str, str]]:
    """Every cell, then every narrative part, whose value differs (old → new, as text)."""
    if old is None:
        return []
    before, after = report_from_dict(old), report_from_dict(new)
    spec = after.spec.cells
    out = [
        {"key": key, "label": spec[key].label if key in spec else key,
         "old": _text(before.cells.get(key)), "new": _text(value)}
        for key, value in after.cells.items()
        if _text(before.cells.get(key)) != _text(value)
    ]  # fmt: skip
    keys = list(_SECTION_LABELS) + sorted(set(after.sections) - set(_SECTION_LABELS))
    for key in keys:
        was, now = before.sections.get(key) or "", after.sections.get(key) or ""
        if was != now:
            label = _SECTION_LABELS.get(key, key)
            out.append({"key": key, "label": f"正文：{label}", "old": was, "new": now})
    return out


def record(ws: Workspace, by: Any) -> PublishedVersion:
    """Store the workspace's approved snapshot as its next published version."""
    previous = ws.versions.first()
    return PublishedVersion.objects.create(
        workspace=ws,
        number=ws.version,
        report=ws.snapshot,
        reason=ws.correction_reason if previous else "",
        changes=changes_between(previous.report if previous else None, ws.snapshot or {}),
        previous=previous,
        published_at=timezone.now(),
        by=by,
    )


def with_published_version(qs: QuerySet[Workspace]) -> QuerySet[Workspace]:
    """Workspaces the public may read: at least one version published (even while the next
    correction is being prepared)."""
    published = PublishedVersion.objects.filter(workspace=OuterRef("pk"))
    return qs.filter(Exists(published))
