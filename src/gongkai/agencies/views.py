"""Agency pages. Objects come only from the scoped lookups in accounts.permissions."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.accounts.permissions import (
    agencies_visible_to,
    can_approve,
    can_edit_agency_data,
    can_supervise,
    get_visible_agency_or_404,
)

from .audit import changes_of


@login_required
def agency_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_visible_agency_or_404(request.user, pk)
    visible = agencies_visible_to(request.user)
    context = {
        "agency": agency,
        "ancestors": visible.filter(pk__in=agency.ancestor_ids()).order_by("path"),
        "children": visible.filter(parent=agency).order_by("name"),
        "memberships": agency.memberships.select_related("user").order_by("role"),
        "can_edit": can_edit_agency_data(request.user, agency),
        "can_approve": can_approve(request.user, agency),
        "can_supervise": can_supervise(request.user, agency),
    }
    return render(request, "agencies/detail.html", context)


@login_required
def agency_history(request: HttpRequest, pk: int) -> HttpResponse:
    """The audit trail of one agency: who changed which field from what to what, and why."""
    agency = get_visible_agency_or_404(request.user, pk)
    return render(
        request, "agencies/history.html", {"agency": agency, "changes": changes_of(agency)}
    )
