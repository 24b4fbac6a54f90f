"""Who may do what, as named predicates and scoped querysets.

Every view calls these first and obtains objects only through them. An object outside the
user's scope is answered with 404, never 403, so that its existence is not confirmed.

Scope rules:
- a superuser (系统管理员) sees and edits everything, but approves nothing: approval is the
  statement of an agency's own 负责人, not of the system's operator;
- a clerk (经办人) or reviewer (审核人) sees and edits their own agency only;
- a reviewer additionally approves their own agency's data;
- a supervisor (主管部门) sees their agency and every agency below it, and edits none of them.
"""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from gongkai.agencies.models import Agency

from .models import Membership, Role

User = Any  # an authenticated user, AnonymousUser, or None


def _active(user: User) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def memberships_of(user: User) -> QuerySet[Membership]:
    if not _active(user):
        return Membership.objects.none()
    return Membership.objects.filter(user=user)


def agencies_visible_to(user: User) -> QuerySet[Agency]:
    """Agencies the user may see: own agencies, plus whole subtrees under a supervisor role."""
    if not _active(user):
        return Agency.objects.none()
    if user.is_superuser:
        return Agency.objects.all()
    rows = list(memberships_of(user).values_list("agency_id", "agency__path", "role"))
    if not rows:
        return Agency.objects.none()
    scopes = [Q(pk__in={agency_id for agency_id, _, _ in rows})]
    scopes += [Q(path__startswith=path) for _, path, role in rows if role == Role.SUPERVISOR]
    return Agency.objects.filter(reduce(or_, scopes))


def agencies_editable_by(user: User) -> QuerySet[Agency]:
    """Agencies whose own data the user may enter and correct."""
    if not _active(user):
        return Agency.objects.none()
    if user.is_superuser:
        return Agency.objects.all()
    roles = [Role.CLERK, Role.REVIEWER]
    return Agency.objects.filter(memberships__user=user, memberships__role__in=roles).distinct()


def can_view_agency(user: User, agency: Agency) -> bool:
    return agencies_visible_to(user).filter(pk=agency.pk).exists()


def can_edit_agency_data(user: User, agency: Agency) -> bool:
    return agencies_editable_by(user).filter(pk=agency.pk).exists()


def can_approve(user: User, agency: Agency) -> bool:
    """The agency's own reviewer (负责人) approves its data before it leaves the agency."""
    return memberships_of(user).filter(agency=agency, role=Role.REVIEWER).exists()


def can_supervise(user: User, agency: Agency) -> bool:
    """A supervisor of this agency or of any agency above it (主管部门)."""
    if not _active(user):
        return False
    supervised = memberships_of(user).filter(role=Role.SUPERVISOR)
    return any(
        agency.path.startswith(path) for path in supervised.values_list("agency__path", flat=True)
    )


def get_visible_agency_or_404(user: User, pk: int) -> Agency:
    """The agency, if the user may see it; otherwise 404 whether or not it exists."""
    try:
        return agencies_visible_to(user).get(pk=pk)
    except Agency.DoesNotExist:
        raise Http404("No such agency") from None
