"""Granting and revoking roles, through ``save()``/``delete()`` so the audit trail records them."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from gongkai.agencies.models import Agency
from gongkai.agencies.services import Actor, audited_save

from .models import Membership, Role


def grant_role(
    user: AbstractBaseUser, agency: Agency, role: Role, *, by: Actor, reason: str = ""
) -> Membership:
    """Give ``user`` the ``role`` in ``agency``; granting an existing role changes nothing."""
    existing = Membership.objects.filter(user=user, agency=agency, role=role).first()
    if existing is not None:
        return existing
    membership = Membership(user=user, agency=agency, role=role)
    audited_save(membership, by=by, reason=reason)
    return membership


def revoke_role(membership: Membership, *, by: Actor, reason: str = "") -> None:
    membership._history_user = by if by is not None and by.is_authenticated else None  # type: ignore[attr-defined]
    membership._change_reason = reason or None  # type: ignore[attr-defined]
    membership.delete()
