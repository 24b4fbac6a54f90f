"""Monthly hand-over list (档案馆/图书馆), 季报 statistics, and the part 二 preview."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from gongkai.accounts.permissions import get_visible_agency_or_404
from gongkai.report.formats import format_for_year
from gongkai.site.query import query_month, query_year

from ..exports import monthly_xlsx, stats_xlsx
from ..forms import PeriodForm, current_quarter
from ..services import part_two, published_between, statistics

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


def _month(request: HttpRequest) -> tuple[int, int]:
    """``?month=2026-03``; the previous month when absent."""
    last = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
    return query_month(request, "month", (last.year, last.month))


@login_required
def monthly_export(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_visible_agency_or_404(request.user, pk)
    year, month = _month(request)
    first = dt.date(year, month, 1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    items = published_between(agency.disclosure_items.select_related("category"), first, last)
    data = monthly_xlsx(agency.name, year, month, items)
    return _xlsx(data, f"disclosures-{agency.pk}-{year}-{month:02d}.xlsx")


def _period(request: HttpRequest) -> tuple[PeriodForm, dt.date, dt.date]:
    first, last = current_quarter(timezone.localdate())
    form = PeriodForm(request.GET if "first" in request.GET else {"first": first, "last": last})
    if form.is_valid():
        first, last = form.cleaned_data["first"], form.cleaned_data["last"]
    return form, first, last


@login_required
def stats_page(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_visible_agency_or_404(request.user, pk)
    form, first, last = _period(request)
    context = {"agency": agency, "form": form, "stats": statistics(agency, first, last)}
    return render(request, "disclosures/stats.html", context, status=400 if form.errors else 200)


@login_required
def stats_export(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_visible_agency_or_404(request.user, pk)
    _, first, last = _period(request)
    data = stats_xlsx(agency.name, statistics(agency, first, last))
    return _xlsx(data, f"disclosures-stats-{agency.pk}-{first}-{last}.xlsx")


@login_required
def part_two_page(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_visible_agency_or_404(request.user, pk)
    year = query_year(request, timezone.localdate().year, minimum=2019)
    layout = format_for_year(year)
    values = part_two(agency, year)
    grids = [
        (grid, [(row, [values[grid.key(row, c)] for c in grid.columns]) for row in grid.rows])
        for grid in layout.active
    ]
    context = {"agency": agency, "year": year, "layout": layout, "grids": grids}
    return render(request, "disclosures/part_two.html", context)
