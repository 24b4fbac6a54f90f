from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.accounts.permissions import get_visible_agency_or_404
from gongkai.report.formats import APPLY_COLUMNS, format_for_year
from gongkai.site.query import query_year

from ..services.statistics import part_three


@login_required
def part_three_view(request: HttpRequest, pk: int) -> HttpResponse:
    """年度报告第三部分, counted from the records of one agency."""
    agency = get_visible_agency_or_404(request.user, pk)
    year = query_year(request, dt.date.today().year, minimum=2019)
    fmt = format_for_year(year)
    cells = part_three(agency, year)
    rows = [
        (row, [cells[fmt.apply.key(row, col)] for col in APPLY_COLUMNS]) for row in fmt.apply.rows
    ]
    ctx = {
        "agency": agency,
        "year": year,
        "format": fmt,
        "columns": APPLY_COLUMNS,
        "rows": rows,
        "years": range(dt.date.today().year, 2018, -1),
    }
    return render(request, "applications/part_three.html", ctx)
