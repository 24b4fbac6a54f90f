"""Scoped lookups of workspaces (called first in every view): seen like their agency, changed
only by the agency's own clerk or reviewer. Out of scope is 404; seen but not editable is 403."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from gongkai.accounts.permissions import agencies_visible_to, can_edit_agency_data

from .models import Workspace
from .versions import with_published_version


def workspaces_visible_to(user: Any) -> QuerySet[Workspace]:
    return Workspace.objects.filter(agency__in=agencies_visible_to(user)).select_related("agency")


def get_visible_workspace_or_404(user: Any, pk: int) -> Workspace:
    try:
        return workspaces_visible_to(user).get(pk=pk)
    except Workspace.DoesNotExist:
        raise Http404("No such workspace") from None


def get_editable_workspace(user: Any, pk: int) -> Workspace:
    ws = get_visible_workspace_or_404(user, pk)
    if not can_edit_agency_data(user, ws.agency):
        raise PermissionDenied("只有本机关的经办人或审核人可以编辑年度报告")
    return ws


def get_published_or_404(pk: int) -> Workspace:
    """The public page: a report with a published version, for anyone (also while its next
    correction is being prepared); anything else does not exist."""
    try:
        return with_published_version(Workspace.objects.select_related("agency")).get(pk=pk)
    except Workspace.DoesNotExist:
        raise Http404("No such published report") from None
