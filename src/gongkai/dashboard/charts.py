"""Chart data for the dashboard (drawn by ECharts in the browser from ``json_script`` data).

Labels come from the format declaration; only agencies with at least ``RANK_MINIMUM``
applications are ranked (foi-lessons 10: no league tables of twos and threes).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet, Sum

from gongkai.agencies.models import Agency
from gongkai.report.formats import APPLICANT_COLUMNS, OUTCOME_TOTAL_ROW
from gongkai.report.model import Report
from gongkai.reports.models import AnnualReport, ReportCell

from .aggregate import reports_in
from .cache import remembered

NEW_TOTAL = "apply.new.total"
RANK_LIMIT = 20


def rank_minimum() -> int:
    return int(getattr(settings, "GONGKAI_RANK_MIN_APPLICATIONS", 5))


def _number(value: Any) -> float:
    return float(value or 0)


def by_outcome(report: Report) -> list[dict[str, Any]]:
    """三、本年度办理结果 grouped as printed: （一）予以公开 … （六）其他处理, total column."""
    rows = list(report.spec.apply.rows)
    keys = [r.key for r in rows]
    start, end = keys.index("granted"), keys.index(OUTCOME_TOTAL_ROW)
    groups: dict[str, float] = {}
    for row in rows[start:end]:
        label = row.label if "." not in row.key else (row.group or row.label)
        label = label.split("（区分")[0]
        value = report.cells.get(f"apply.{row.key}.total")
        groups[label] = groups.get(label, 0) + _number(value)
    return [{"name": k, "value": v} for k, v in groups.items()]


def by_applicant(report: Report) -> list[dict[str, Any]]:
    """一、本年新收 by applicant type (自然人, 商业企业, …)."""
    columns = {c.key: c.label for c in report.spec.apply.columns}
    return [
        {"name": columns[c], "value": _number(report.cells.get(f"apply.new.{c}"))}
        for c in APPLICANT_COLUMNS
    ]


def ranking(agencies: QuerySet[Agency], year: int) -> list[dict[str, Any]]:
    reports, minimum = reports_in(agencies, year), rank_minimum()

    def ranked() -> list[dict[str, Any]]:
        rows = (
            ReportCell.objects.filter(report__in=reports, key=NEW_TOTAL, value__gte=minimum)
            .order_by("-value", "report__agency__name")
            .values_list("report__agency__name", "value")[:RANK_LIMIT]
        )
        return [{"name": name, "value": _number(value)} for name, value in rows]

    return remembered(f"ranking|{minimum}", reports, ranked)


def trend(agencies: QuerySet[Agency]) -> list[dict[str, Any]]:
    """New applications per year, summed over the agencies, with the number of reports."""
    reports = AnnualReport.objects.filter(agency__in=agencies)

    def per_year() -> list[dict[str, Any]]:
        sums = (
            ReportCell.objects.filter(report__in=reports, key=NEW_TOTAL)
            .values("report__year")
            .annotate(total=Sum("value"))
            .order_by("report__year")
        )
        return [{"year": r["report__year"], "value": _number(r["total"])} for r in sums]

    return remembered("trend", reports, per_year)


def chart_data(report: Report, agencies: QuerySet[Agency], year: int) -> dict[str, Any]:
    years = trend(agencies)
    return {
        "outcome": by_outcome(report),
        "applicant": by_applicant(report),
        "ranking": ranking(agencies, year),
        "rankMinimum": rank_minimum(),
        "trend": years if len(years) > 1 else [],
    }
