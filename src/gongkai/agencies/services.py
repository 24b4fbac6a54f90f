"""Changing agencies. Every change goes through ``save()`` here so the audit trail records it.

``QuerySet.update()`` would bypass django-simple-history; don't use it for agency data.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction

from .models import Agency

Actor = AbstractBaseUser | AnonymousUser | None


def audited_save(instance: Any, *, by: Actor, reason: str = "") -> None:
    """Save ``instance`` with who did it and why attached to its history record."""
    instance._history_user = by if by is not None and by.is_authenticated else None
    instance._change_reason = reason or None
    instance.full_clean()
    instance.save()


def create_agency(
    *,
    name: str,
    kind: str,
    parent: Agency | None = None,
    code: str | None = None,
    by: Actor = None,
    reason: str = "",
) -> Agency:
    agency = Agency(name=name, kind=kind, parent=parent, code=code or None)
    audited_save(agency, by=by, reason=reason)
    return agency


@transaction.atomic
def update_agency(agency: Agency, *, by: Actor, reason: str = "", **changes: Any) -> Agency:
    """Change ``name``, ``kind``, ``code`` or ``parent``; moving re-paths the whole subtree."""
    allowed = {"name", "kind", "code", "parent"}
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"update_agency() cannot change {sorted(unknown)}")
    for field, value in changes.items():
        setattr(agency, field, value)
    audited_save(agency, by=by, reason=reason)
    return agency
