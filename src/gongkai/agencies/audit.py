"""Reading the audit trail (django-simple-history) as a list of human-readable changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class FieldChange:
    field: str  # the field's verbose name
    old: Any
    new: Any


@dataclass(frozen=True)
class Change:
    when: datetime
    who: Any  # a user, or None for a script
    kind: str  # "+" created, "~" changed, "-" deleted
    reason: str
    fields: list[FieldChange] = field(default_factory=list)


def changes_of(instance: Any) -> list[Change]:
    """Newest first. Each change lists the fields that differ from the previous record."""
    records = list(instance.history.select_related("history_user").order_by("-history_date"))
    changes = []
    for record in records:
        previous = record.prev_record
        fields = []
        if previous is not None:
            delta = record.diff_against(previous)
            for c in delta.changes:
                verbose = record.instance_type._meta.get_field(c.field).verbose_name
                fields.append(FieldChange(field=str(verbose), old=c.old, new=c.new))
        changes.append(
            Change(
                when=record.history_date,
                who=record.history_user,
                kind=record.history_type,
                reason=record.history_change_reason or "",
                fields=fields,
            )
        )
    return changes
