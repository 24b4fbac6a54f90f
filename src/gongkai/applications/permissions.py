"""Who may see and handle applications: named predicates and scoped querysets.

* An application is seen like its agency (accounts.permissions.agencies_visible_to), out of
  scope → 404.
* It is handled (events, decisions, fees) by the agency's clerks and reviewers; a superuser
  may act as a clerk but approves nothing (no extension).
* The applicant's full personal data is shown only to the agency's own handling staff (not to
  supervisors, not to the system's operator), and every showing is logged (AccessLog).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from gongkai.accounts.models import Role
from gongkai.accounts.permissions import agencies_editable_by, agencies_visible_to, memberships_of
from gongkai.agencies.models import Agency

from .models import Application

User = Any


def applications_visible_to(user: User) -> QuerySet[Application]:
    return Application.objects.filter(agency__in=agencies_visible_to(user))


def get_visible_application_or_404(user: User, pk: int) -> Application:
    try:
        return applications_visible_to(user).select_related("agency").get(pk=pk)
    except Application.DoesNotExist:
        raise Http404("No such application") from None


def roles_in(user: User, agency: Agency) -> frozenset[Role]:
    """The handling roles the user holds in ``agency``; a superuser counts as a clerk."""
    roles = {
        Role(r)
        for r in memberships_of(user).filter(agency=agency).values_list("role", flat=True)
        if r in (Role.CLERK, Role.REVIEWER)
    }
    if getattr(user, "is_superuser", False):
        roles.add(Role.CLERK)
    return frozenset(roles)


def can_handle(user: User, application: Application) -> bool:
    return agencies_editable_by(user).filter(pk=application.agency_id).exists()


def can_see_personal_data(user: User, application: Application) -> bool:
    """Only the agency's own clerks and reviewers (个人信息保护: 最小必要)."""
    roles = (Role.CLERK, Role.REVIEWER)
    return memberships_of(user).filter(agency=application.agency_id, role__in=roles).exists()
