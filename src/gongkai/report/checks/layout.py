"""Layout checks: is the report's format the one the official notices prescribe for its year?"""

from __future__ import annotations

from ..findings import Finding, finding
from ..formats import FORMATS, format_for_year
from ..model import Report

FIRST_YEAR = min(f.years[0] for f in FORMATS.values())


def check_layout(report: Report) -> list[Finding]:
    """FORMAT_YEAR_MISMATCH when the year is known and the layout is not the one for it.

    2019 and 2020 reports use the 2019 format (国办公开办函〔2019〕60号), reports from 2021 on
    the 2021 format (国办公开办函〔2021〕30号). Years before 2019 used neither layout; no
    finding is made for them, because we would have no correct layout to name.
    """
    year = report.year
    if year is None or year < FIRST_YEAR or report.spec.is_for_year(year):
        return []
    expected = format_for_year(year)
    return [
        finding(
            "FORMAT_YEAR_MISMATCH",
            expected=f"{expected.version}年版",
            actual=f"{report.format}年版",
            location=report.location_of(""),
            year=year,
        )
    ]
