"""The figures of a region's chart page: per year, the published reports, the applications
received and handled, and the share of each outcome (三、本年度办理结果, grouped as printed by
``dashboard.charts.by_outcome``). Counts only: no per-capita rates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Sum

from gongkai.agencies.models import Agency
from gongkai.dashboard.charts import NEW_TOTAL, by_outcome
from gongkai.report.formats import FORMATS, OUTCOME_TOTAL_ROW, format_for_year
from gongkai.report.model import Report
from gongkai.reports.models import AnnualReport, ReportCell

HANDLED_TOTAL = f"apply.{OUTCOME_TOTAL_ROW}.total"


@dataclass
class YearFigures:
    year: int
    reports: int = 0
    new: int | None = None  # 本年新收, summed; None when no report gives it
    handled: int | None = None  # （七）总计, summed
    outcomes: list[dict[str, Any]] = field(default_factory=list)  # name, value, share


def _total_keys(year: int) -> list[str]:
    """The 总计 column of part 三 in the year's layout: all that the figures need."""
    return [f"apply.{row.key}.total" for row in format_for_year(year).apply.rows]


def _year(year: int, reports: int, sums: dict[str, Any]) -> YearFigures:
    spec = format_for_year(year)
    cells = {k: None if sums.get(k) is None else int(sums[k]) for k in _total_keys(year)}
    groups = by_outcome(Report(format=spec.version, year=year, cells=cells))
    whole = sum(g["value"] for g in groups)
    outcomes = [
        {"name": g["name"], "value": int(g["value"]),
         "share": round(g["value"] / whole, 4) if whole else None}
        for g in groups
    ]  # fmt: skip
    return YearFigures(year, reports, cells[NEW_TOTAL], cells[HANDLED_TOTAL], outcomes)


def region_figures(region: Agency) -> list[YearFigures]:
    """One entry per year with published reports in the region, oldest first.

    Summed in SQL over the library's cell rows of published reports: publishing stores the
    current version there too and freezes it (``AnnualReport.published_version``), so these are
    the published numbers without reading 3,000 JSON documents; the tests hold the page to the
    API's numbers."""
    reports = AnnualReport.objects.filter(
        published_version__isnull=False, agency__path__startswith=region.path
    )
    counts = dict(reports.values_list("year").annotate(n=Count("pk")).order_by())
    keys = {k for f in FORMATS.values() for k in _total_keys(f.years[0])}
    sums: dict[int, dict[str, Any]] = {}
    rows = ReportCell.objects.filter(report__in=reports, key__in=keys)
    for row in rows.values("report__year", "key").annotate(total=Sum("value")).order_by():
        sums.setdefault(row["report__year"], {})[row["key"]] = row["total"]
    return [_year(y, n, sums.get(y, {})) for y, n in sorted(counts.items())]
