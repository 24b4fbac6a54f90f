"""Part 三 of the annual report (收到和处理政府信息公开申请情况), counted from the records.

Each application counts once as 新收 in the year it was received, or as 上年结转 when it was
received earlier and still open on 1 January; it leaves the year either through one closing
event (答复 → its outcome row; 撤回 → （六）其他处理; 逾期未补正 → （六）1 and 逾期未缴费 → （六）2 in
the 2021 layout) or as 结转下年度 when still open on 31 December. So 一 + 二 = 三（七） + 四 holds per column by
construction, and the 总计 column and （七）总计 row are sums.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db.models import Count, Q

from gongkai.agencies.models import Agency
from gongkai.law.outcomes import row_in_layout
from gongkai.report.formats import APPLICANT_COLUMNS, OUTCOME_TOTAL_ROW, format_for_year
from gongkai.report.model import Report

from ..models import Application, ApplicationEvent, EventKind
from ..models.event import CLOSING

# Closing events without a Decision → the outcome row they are counted in (2021 keys).
_CLOSING_ROW = {
    EventKind.WITHDRAWN: "other.other",
    EventKind.ABANDONED: "other.no_correction",
    EventKind.FEE_UNPAID: "other.no_fee",
}


def _open_on(day: dt.date) -> Q:
    """Received by ``day`` and not closed by ``day`` (inclusive), by the stored closing date."""
    return Q(received__lte=day) & (Q(closed_on__isnull=True) | Q(closed_on__gt=day))


def part_three(agency: Agency, year: int) -> dict[str, int]:
    """Every cell of part 三 for ``agency`` and ``year``, in the year's layout."""
    grid = format_for_year(year).apply
    version = format_for_year(year).version
    counts: Counter[tuple[str, str]] = Counter()
    apps = Application.objects.filter(agency=agency)
    for t, n in _by_type(apps.filter(received__year=year)):
        counts[("new", t)] += n
    jan1 = dt.date(year, 1, 1)
    carried_in = apps.filter(received__lt=jan1).filter(_open_on(jan1 - dt.timedelta(days=1)))
    for t, n in _by_type(carried_in):
        counts[("carried_in", t)] += n
    for t, n in _by_type(apps.filter(_open_on(dt.date(year, 12, 31)))):
        counts[("carried_out", t)] += n
    closings = (
        ApplicationEvent.objects.filter(application__agency=agency, kind__in=CLOSING, on__year=year)
        .values_list("kind", "application__applicant_type", "application__decision__outcome")
        .annotate(n=Count("pk"))
    )
    for kind, t, outcome, n in closings:
        key = outcome if kind == EventKind.ANSWERED else _CLOSING_ROW[EventKind(kind)]
        counts[(row_in_layout(key, version), t)] += n
        counts[(OUTCOME_TOTAL_ROW, t)] += n
    cells: dict[str, int] = {}
    for row in grid.rows:
        for col in APPLICANT_COLUMNS:
            cells[f"apply.{row.key}.{col}"] = counts[(row.key, col)]
        cells[f"apply.{row.key}.total"] = sum(counts[(row.key, c)] for c in APPLICANT_COLUMNS)
    return cells


def _by_type(qs: object) -> list[tuple[str, int]]:
    return list(
        qs.order_by().values_list("applicant_type").annotate(n=Count("pk"))  # type: ignore[attr-defined]
    )


def annual_part_three_report(agency: Agency, year: int) -> Report:
    """A report of ``agency`` for ``year`` with part 三 filled from the records, the rest None."""
    fmt = format_for_year(year)
    return Report(fmt.version, agency=agency.name, year=year, cells=part_three(agency, year))
