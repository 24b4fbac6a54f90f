"""Part 四 of the annual report from the recorded cases.

Roll-over rule: a case counts in every report year in which it was open at some time —
filed on or before 31 December of the year and not decided before 1 January. If it was decided
within the year it counts under its result; otherwise (still open on 31 December) under 尚未审结.
So a case filed in 2025 and decided in 2026 is 尚未审结 in the 2025 report and 维持/纠正/其他 in the
2026 report; a case decided in the year it was filed counts once. 总计 is the sum of the four
result columns of its group, so the part 四 identity holds by construction.
"""

from __future__ import annotations

import datetime as dt

from gongkai.agencies.models import Agency
from gongkai.report.formats import format_for_year

from .models import Case, Kind, Result


def column_for(case: Case, year: int) -> str | None:
    """The part 四 column ``case`` counts in for ``year``, or None if it is not counted."""
    end = dt.date(year, 12, 31)
    if case.filed_on > end:
        return None
    if case.decided_on is None or case.decided_on > end:
        return Result.PENDING
    if case.decided_on.year < year:
        return None
    return case.result


def part_four(agency: Agency, year: int) -> dict[str, int]:
    """Every ``remedy.*`` cell of the year's layout, as counts (0 when there were no cases)."""
    counts = {key: 0 for key in format_for_year(year).remedy.cell_keys()}
    for case in Case.objects.filter(agency=agency, filed_on__year__lte=year):
        column = column_for(case, year)
        if column is not None:
            counts[f"remedy.{case.kind}.{column}"] += 1
    for kind in Kind.values:
        counts[f"remedy.{kind}.total"] = sum(counts[f"remedy.{kind}.{r}"] for r in Result.values)
    return counts
