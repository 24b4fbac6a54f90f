"""The dashboard's table: one row per agency of the scope — its report and its workspace of the
year — read in one query (two LEFT JOINs), paged, with links built here rather than reversed
once per row in the template (a thousand ``{% url %}`` calls were most of the page's time)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, FilteredRelation, Q, QuerySet

from gongkai.agencies.models import Agency
from gongkai.reports.models import Status
from gongkai.site.listing import link_for
from gongkai.workspace.models import Status as WorkspaceStatus

from .aggregate import MISSING, STATE_LABELS, reports_in

SHOW = {"": "全部机关", "errors": "仅有错误的", "missing": "仅未上传的"}
PER_PAGE = 50
_WS_LABELS = {**dict(WorkspaceStatus.choices), None: "未开始汇编"}


@dataclass(frozen=True)
class Line:
    name: str
    state: str
    report_url: str
    errors: int | None
    warnings: int | None
    ws_state: str
    ws_url: str
    ws_errors: int | None
    ws_warnings: int | None

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def ws_label(self) -> str:
        return _WS_LABELS[self.ws_state if self.ws_state != "none" else None]


def lines(agencies: QuerySet[Agency], year: int, show: str = "") -> QuerySet[Any]:
    """(agency name, report pk/status/counts, workspace pk/status/counts) per agency, by path."""
    qs = agencies.annotate(
        r=FilteredRelation("annual_reports", condition=Q(annual_reports__year=year)),
        w=FilteredRelation("report_workspaces", condition=Q(report_workspaces__year=year)),
    )
    if show == "errors":
        qs = qs.filter(r__status=Status.ERRORS)
    elif show == "missing":
        qs = qs.filter(r__pk__isnull=True)
    return qs.order_by("path").values_list(
        "name", "r__pk", "r__status", "r__error_count", "r__warning_count",
        "w__pk", "w__status", "w__error_count", "w__warning_count",
    )  # fmt: skip


def as_lines(rows: Any) -> list[Line]:
    report, workspace = link_for("reports:detail"), link_for("workspace:detail")
    return [
        Line(name, r_status or MISSING, report(r_pk), r_errors, r_warnings,
             w_status or "none", workspace(w_pk), w_errors, w_warnings)
        for name, r_pk, r_status, r_errors, r_warnings, w_pk, w_status, w_errors, w_warnings
        in rows
    ]  # fmt: skip


def state_counts(agencies: QuerySet[Agency], year: int) -> tuple[int, dict[str, int]]:
    """(agencies in scope, agencies per report state) — two counting queries."""
    total = agencies.count()
    by_state = dict.fromkeys(STATE_LABELS, 0)
    counted = reports_in(agencies, year).values("status").annotate(n=Count("pk")).order_by()
    for r in counted:
        by_state[r["status"]] = r["n"]
    by_state[MISSING] = total - sum(by_state.values())
    return total, by_state
