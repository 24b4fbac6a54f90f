"""The workspace status of every agency in a supervisor's scope, for the dashboard."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from gongkai.agencies.models import Agency

from .models import Workspace


@dataclass(frozen=True)
class WorkspaceRow:
    agency: Agency
    workspace: Workspace | None

    @property
    def label(self) -> str:
        return self.workspace.get_status_display() if self.workspace else "未开始汇编"

    @property
    def state(self) -> str:
        return self.workspace.status if self.workspace else "none"


def workspace_rows(agencies: QuerySet[Agency], year: int) -> list[WorkspaceRow]:
    found = {w.agency_id: w for w in Workspace.objects.filter(agency__in=agencies, year=year)}
    return [WorkspaceRow(a, found.get(a.pk)) for a in agencies.order_by("path")]
