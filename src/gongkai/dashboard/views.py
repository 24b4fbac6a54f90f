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
from gongkai.site.listing import BadQuery, lists, page_of
from gongkai.site.query import query_year

from . import aggregate as agg
from .cache import remembered, same_page
from .charts import chart_data
from .rows import PER_PAGE, SHOW, as_lines, lines, state_counts
from .xlsx import agencies_table


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The top agencies of the user's scope, each a way into its dashboard."""
    visible = agencies_visible_to(request.user)
    ids = set(visible.values_list("pk", flat=True))
    tops = [a for a in visible.order_by("path") if a.parent_id not in ids]
    return render(request, "dashboard/index.html", {"tops": tops})


def _year(request: HttpRequest, years: list[int]) -> int:
    return query_year(request, agg.default_year(years))


def _title(agency: Agency, count: int) -> str:
    return f"{agency.name}及所属机关（{count}个）汇总"


@login_required
@lists
def agency_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    """The scope's figures: one query per section (states, table page, findings, sum, charts)."""
    with same_page():
        return _agency_dashboard(request, pk)


def _agency_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_visible_agency_or_404(request.user, pk)
    agencies = agg.scope(request.user, agency)
    years = agg.years_in(agencies)
    year = _year(request, years)
    show = request.GET.get("show", "")
    if show not in SHOW:
        raise BadQuery("查询条件有误：显示范围只能是全部机关、仅有错误的或仅未上传的")
    page = page_of(request, lines(agencies, year, show), per_page=PER_PAGE)
    page.object_list = as_lines(page.object_list)
    count, states = state_counts(agencies, year)
    total = agg.aggregate_report(agencies, year, _title(agency, count))
    context: dict[str, Any] = {
        "agency": agency,
        "year": year,
        "years": years,
        "page": page,
        "show": show,
        "shows": SHOW,
        "count": count,
        "states": states,
        "summary": agg.summary(agencies, year),
        "state_labels": agg.STATE_LABELS,
        "aggregate": total,
        # The aggregate's only text is the agency name, escaped by the core renderer.
        "fragment": mark_safe(_fragment(total, agencies, year)),
        "report_css": report_css(),
        "charts": chart_data(total, agencies, year),
        "reported": count - states[agg.MISSING],
    }
    return render(request, "dashboard/agency.html", context)


def _fragment(total: Any, agencies: Any, year: int) -> str:
    """The aggregate drawn in the official layout, drawn again only when a report changed."""
    name = f"fragment|{year}|{total.agency}"
    return remembered(name, agg.reports_in(agencies, year), lambda: marked_fragment(total))


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
