"""Scoped lookups of stored reports, built on accounts.permissions (called first in every view).

Out of scope is 404 (existence not confirmed); visible but not editable is 403.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from gongkai.accounts.permissions import agencies_visible_to, can_edit_agency_data

from .models import AnnualReport


def reports_visible_to(user: Any) -> QuerySet[AnnualReport]:
    return AnnualReport.objects.filter(agency__in=agencies_visible_to(user))


def get_visible_report_or_404(user: Any, pk: int) -> AnnualReport:
    try:
        return reports_visible_to(user).select_related("agency").get(pk=pk)
    except AnnualReport.DoesNotExist:
        raise Http404("No such report") from None


def get_editable_report(user: Any, pk: int) -> AnnualReport:
    obj = get_visible_report_or_404(user, pk)
    if not can_edit_agency_data(user, obj.agency):
        raise PermissionDenied("只有本机关的经办人或审核人可以更正报告")
    return obj
