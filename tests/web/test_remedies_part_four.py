"""Part 四 from recorded cases: roll-over of pending cases and the 总计 identity."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.remedies.models import Case, Kind, Result
from gongkai.remedies.services import part_four
from gongkai.report.formats import FORMAT_2021, format_for_year

from .factories.disclosures import case_for

pytestmark = pytest.mark.django_db


def test_keys_are_the_remedy_grid(world: Any) -> None:
    values = part_four(world.jia, 2026)
    assert list(values) == FORMAT_2021.remedy.cell_keys()
    assert list(part_four(world.jia, 2020)) == format_for_year(2020).remedy.cell_keys()
    assert set(values.values()) == {0}


def test_pending_case_rolls_over_to_the_year_decided(world: Any) -> None:
    case_for(
        world.jia,
        filed_on=dt.date(2025, 11, 3),
        result=Result.CORRECTED,
        decided_on=dt.date(2026, 2, 9),
    )
    case_for(world.jia, kind=Kind.LITIGATION_AFTER, filed_on=dt.date(2026, 5, 1))
    case_for(
        world.jia,
        kind=Kind.LITIGATION_DIRECT,
        filed_on=dt.date(2024, 1, 5),
        result=Result.UPHELD,
        decided_on=dt.date(2024, 6, 1),
    )
    y2025, y2026 = part_four(world.jia, 2025), part_four(world.jia, 2026)
    assert y2025["remedy.reconsideration.pending"] == 1
    assert y2025["remedy.reconsideration.total"] == 1
    assert y2026["remedy.reconsideration.corrected"] == 1
    assert y2026["remedy.reconsideration.pending"] == 0
    assert y2026["remedy.litigation_after.pending"] == 1
    assert y2026["remedy.litigation_direct.total"] == 0, "decided in 2024: not in 2026"
    assert part_four(world.jia, 2024)["remedy.litigation_direct.upheld"] == 1
    assert part_four(world.yi, 2026)["remedy.reconsideration.total"] == 0


def test_case_validation(world: Any) -> None:
    with pytest.raises(Exception, match="已审结的案件须填写审结日期"):
        case_for(world.jia, result=Result.UPHELD)
    with pytest.raises(Exception, match="审结日期不能早于立案日期"):
        case_for(world.jia, result=Result.UPHELD, decided_on=dt.date(2026, 1, 1))


cases = st.lists(
    st.tuples(
        st.sampled_from(Kind.values),
        st.sampled_from(Result.values),
        st.dates(dt.date(2023, 1, 1), dt.date(2027, 12, 31)),
        st.integers(0, 900),
    ),
    max_size=12,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cases=cases, year=st.integers(2023, 2027))
def test_totals_are_the_sum_of_the_four(world: Any, cases: list[Any], year: int) -> None:
    Case.objects.all().delete()
    for kind, result, filed, days in cases:
        decided = None if result == Result.PENDING else filed + dt.timedelta(days=days)
        Case.objects.create(
            agency=world.jia, kind=kind, result=result, filed_on=filed, decided_on=decided
        )
    values = part_four(world.jia, year)
    for kind in Kind.values:
        parts = [values[f"remedy.{kind}.{r}"] for r in Result.values]
        assert values[f"remedy.{kind}.total"] == sum(parts), f"{year} {kind}"
    open_in_year = [
        c
        for c in cases
        if c[2].year <= year
        and (c[1] == Result.PENDING or (c[2] + dt.timedelta(days=c[3])).year >= year)
    ]
    assert sum(values[f"remedy.{k}.total"] for k in Kind.values) == len(open_in_year)
