"""Dashboard pages. The scope is always ``agencies_visible_to(user)`` under the chosen agency."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe

from gongkai.accounts.permissions import agencies_visible_to, get_visible_agency_or_404
from gongkai.agencies.models import Agency
from gongkai.report.render import MEDIA_TYPES
from gongkai.report.render import render as render_report
from gongkai.reports.markup import marked_fragment, report_css
from gongkai.reports.security import csp
from gongkai.workspace.status import workspace_rows

from . import aggregate as agg
from .charts import chart_data
from .xlsx import agencies_table


@login_required
@csp
def index(request: HttpRequest) -> HttpResponse:
    """The top agencies of the user's scope, each a way into its dashboard."""
    visible = agencies_visible_to(request.user)
    ids = set(visible.values_list("pk", flat=True))
    tops = [a for a in visible.order_by("path") if a.parent_id not in ids]
    return render(request, "dashboard/index.html", {"tops": tops})


def _year(request: HttpRequest, years: list[int]) -> int:
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() and 1990 < int(raw) < 2100 else agg.default_year(years)


def _title(agency: Agency, count: int) -> str:
    return f"{agency.name}及所属机关（{count}个）汇总"


@login_required
@csp
def agency_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_visible_agency_or_404(request.user, pk)
    agencies = agg.scope(request.user, agency)
    years = agg.years_in(agencies)
    year = _year(request, years)
    rows = agg.agency_rows(agencies, year)
    total = agg.aggregate_report(agencies, year, _title(agency, len(rows)))
    context: dict[str, Any] = {
        "agency": agency,
        "year": year,
        "years": years,
        "rows": rows,
        "summary": agg.summary(rows, agencies, year),
        "state_labels": agg.STATE_LABELS,
        "aggregate": total,
        # The aggregate's only text is the agency name, escaped by the core renderer.
        "fragment": mark_safe(marked_fragment(total)),
        "report_css": report_css(),
        "charts": chart_data(total, agencies, year),
        "reported": sum(1 for r in rows if r.report_id),
        "workspaces": workspace_rows(agencies, year),
    }
    return render(request, "dashboard/agency.html", context)


def _xlsx(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=MEDIA_TYPES["xlsx"])
    response.headers["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
def aggregate_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """The summed tables in the official layout, as the core renders any report to XLSX."""
    agency = get_visible_agency_or_404(request.user, pk)
    agencies = agg.scope(request.user, agency)
    year = _year(request, agg.years_in(agencies))
    total = agg.aggregate_report(agencies, year, _title(agency, agencies.count()))
    return _xlsx(render_report(total, "xlsx"), f"{agency.name}{year}年度汇总.xlsx")


@login_required
def agencies_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """One row per agency, one column per canonical cell key."""
    agency = get_visible_agency_or_404(request.user, pk)
    agencies = agg.scope(request.user, agency)
    year = _year(request, agg.years_in(agencies))
    rows = agg.agency_rows(agencies, year)
    return _xlsx(agencies_table(rows, agencies, year), f"{agency.name}{year}年度各机关数据.xlsx")
