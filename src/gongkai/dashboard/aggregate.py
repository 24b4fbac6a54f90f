"""The figures of a dashboard, computed in SQL over ``ReportCell`` / ``ReportFinding``.

A supervisor's overall figures are the sum of its agencies' (foi-lessons 7), never typed in: the
aggregate is a ``Report`` whose cells are those sums, checked by the same core (``analyse``)
and drawn by the same renderer as any agency's report.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet, Sum

from gongkai.accounts.permissions import agencies_visible_to
from gongkai.agencies.models import Agency
from gongkai.report.formats import FORMATS, Unit
from gongkai.report.model import Report, Value
from gongkai.report.pipeline import analyse
from gongkai.reports.models import AnnualReport, ReportCell, ReportFinding, Status

from .cache import remembered

MISSING = "missing"
STATE_LABELS = {MISSING: "未上传", **dict(Status.choices)}


def scope(user: Any, agency: Agency) -> QuerySet[Agency]:
    """The agency and every agency below it that the user may see."""
    return agencies_visible_to(user).filter(path__startswith=agency.path)


def format_for_year(year: int) -> str:
    return next((f.version for f in FORMATS.values() if f.is_for_year(year)), "2021")


def years_in(agencies: QuerySet[Agency]) -> list[int]:
    reports = AnnualReport.objects.filter(agency__in=agencies)
    years = reports.values_list("year", flat=True)
    return remembered("years", reports, lambda: sorted(set(years.distinct()), reverse=True))


def default_year(years: list[int]) -> int:
    return years[0] if years else datetime.date.today().year - 1


def reports_in(agencies: QuerySet[Agency], year: int) -> QuerySet[AnnualReport]:
    return AnnualReport.objects.filter(agency__in=agencies, year=year)


# ---------------------------------------------------------------- the sum


def _typed(unit: Unit, total: Decimal | None) -> Value:
    if total is None:
        return None
    return int(total) if unit is Unit.COUNT else total.normalize()


def aggregate_report(agencies: QuerySet[Agency], year: int, title_agency: str) -> Report:
    """Sum per cell over the agencies' reports of the year's layout; ``None`` only where no
    agency has a value. The identities are then checked on the sum."""
    fmt = format_for_year(year)
    spec = FORMATS[fmt]
    reports = reports_in(agencies, year).filter(format=fmt)

    def total() -> dict[str, Decimal | None]:
        rows = ReportCell.objects.filter(report__in=reports).values("key").annotate(t=Sum("value"))
        return {r["key"]: r["t"] for r in rows if r["key"] in spec.cells}

    sums = remembered(f"sums|{fmt}", reports, total)
    cells = {key: _typed(c.unit, sums.get(key)) for key, c in spec.cells.items()}
    report = Report(format=fmt, agency=title_agency, year=year, cells=cells)
    return analyse(report)


# ---------------------------------------------------------------- per agency


@dataclass
class AgencyRow:
    agency: Agency
    state: str
    report_id: int | None = None
    errors: int = 0
    warnings: int = 0

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


def agency_rows(agencies: QuerySet[Agency], year: int) -> list[AgencyRow]:
    found = {
        r["agency_id"]: r
        for r in reports_in(agencies, year).values(
            "agency_id", "pk", "status", "error_count", "warning_count"
        )
    }
    rows = []
    for agency in agencies.order_by("path").only("pk", "name", "path", "kind", "code"):
        r = found.get(agency.pk)
        if r is None:
            rows.append(AgencyRow(agency, MISSING))
        else:
            rows.append(
                AgencyRow(agency, r["status"], r["pk"], r["error_count"], r["warning_count"])
            )
    return rows


@dataclass
class Summary:
    by_severity: dict[str, int] = field(default_factory=dict)
    by_code: list[tuple[str, str, int]] = field(default_factory=list)


def summary(agencies: QuerySet[Agency], year: int) -> Summary:
    """The findings of the year's reports, counted by code and severity in one query."""
    out = Summary()
    findings = ReportFinding.objects.filter(report__in=reports_in(agencies, year))
    counted = findings.values("code", "severity").annotate(n=Count("id")).order_by("-n", "code")
    for r in counted:
        out.by_severity[r["severity"]] = out.by_severity.get(r["severity"], 0) + r["n"]
        out.by_code.append((r["code"], r["severity"], r["n"]))
    return out
