"""Part 三 from the records: carry-over, the 2019/2021 layouts, and every identity (hypothesis)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.applications.lifecycle import TRANSITIONS, State, state_of
from gongkai.applications.models import EventKind
from gongkai.applications.services.statistics import annual_part_three_report, part_three
from gongkai.applications.services.workflow import decide, record_event
from gongkai.law.outcomes import outcomes_for_layout
from gongkai.report.formats import APPLICANT_COLUMNS, format_for_year

from .factories.applications import application_for

E = EventKind
YEARS = (2020, 2021, 2022)


def _check_identities(agency: Any) -> None:
    for year in YEARS:
        fmt = format_for_year(year)
        cells = part_three(agency, year)
        for identity in fmt.identities:
            if not identity.code.startswith("APPLY_"):
                continue
            left = sum(cells[k] for k in identity.left)
            right = sum(cells[k] for k in identity.right)
            assert left == right, f"{year} {identity.code} {identity.scope}: {left} ≠ {right}"
        previous = part_three(agency, year - 1)
        for col in (*APPLICANT_COLUMNS, "total"):
            carried_in = cells[f"apply.carried_in.{col}"]
            assert carried_in == previous[f"apply.carried_out.{col}"], f"{year} 上年结转 {col}"


step = st.tuples(st.integers(0, 40), st.integers(0, 100), st.integers(1, 20))
history = st.tuples(
    st.dates(dt.date(2019, 11, 1), dt.date(2022, 12, 31)),
    st.sampled_from(APPLICANT_COLUMNS),
    st.lists(step, max_size=6),
)


def _play(app: Any, steps: list[tuple[int, int, int]], by: Any) -> None:
    """Walk the transition table at random, with increasing dates; stop where the law objects."""
    on = app.received
    for gap, choice, days in steps:
        state = state_of(app.events.values_list("kind", flat=True))
        options = sorted(k for (s, k) in TRANSITIONS if s == state)
        if not options:
            return
        kind = options[choice % len(options)]
        on = on + dt.timedelta(days=gap)
        try:
            if kind == E.ANSWERED:
                version = format_for_year(on.year).version
                keys = [o.key for o in outcomes_for_layout(version)]
                decide(app, keys[choice % len(keys)], on, "理由", by=by)
            else:
                data = {"days": days, "party": "某公司"}
                record_event(app, kind, on, by=by, data=data)
        except (ValidationError, PermissionDenied):
            return


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(histories=st.lists(history, min_size=1, max_size=6))
def test_identities_hold_for_random_histories(world: Any, histories: list[Any]) -> None:
    head = world.user("reviewer_jia")  # holds every role the table asks for
    with transaction.atomic():
        for received, applicant, steps in histories:
            app = application_for(world.jia, received=received, applicant_type=applicant)
            _play(app, steps, head)
        _check_identities(world.jia)
        transaction.set_rollback(True)


D = dt.date


def test_carry_over_and_rows(world: Any) -> None:
    clerk = world.user("clerk_jia")
    old = application_for(world.jia, received=D(2025, 12, 22), applicant_type="commercial")
    decide(old, "partial", D(2026, 1, 15), "部分公开", by=clerk)
    gone = application_for(world.jia, received=D(2026, 3, 2))
    record_event(gone, E.WITHDRAWN, D(2026, 3, 3), by=clerk, reason="撤回")
    lapsed = application_for(world.jia, received=D(2026, 3, 2), applicant_type="research")
    record_event(lapsed, E.CORRECTION_REQUESTED, D(2026, 3, 3), by=clerk, data={"days": 5})
    record_event(lapsed, E.ABANDONED, D(2026, 3, 20), by=clerk)
    application_for(world.jia, received=D(2026, 12, 21))  # still open on 31 December
    application_for(world.yi, received=D(2026, 5, 5))  # another agency: not counted

    c2025, c2026 = part_three(world.jia, 2025), part_three(world.jia, 2026)
    assert c2025["apply.new.commercial"] == 1 and c2025["apply.carried_out.commercial"] == 1
    assert c2026["apply.carried_in.commercial"] == 1
    assert c2026["apply.partial.commercial"] == 1
    assert c2026["apply.other.other.natural_person"] == 1  # withdrawn
    assert c2026["apply.other.no_correction.research"] == 1
    assert c2026["apply.new.total"] == 3 and c2026["apply.outcome_total.total"] == 3
    assert c2026["apply.carried_out.total"] == 1
    assert part_three(world.jia, 2027)["apply.carried_in.natural_person"] == 1


def test_2019_layout_counts_other_rows_in_one(world: Any) -> None:
    clerk = world.user("clerk_jia")
    app = application_for(world.jia, received=D(2020, 3, 2))
    record_event(app, E.WITHDRAWN, D(2020, 3, 5), by=clerk, reason="撤回")
    cells = part_three(world.jia, 2020)
    assert cells["apply.other.natural_person"] == 1
    assert "apply.other.other.natural_person" not in cells


def test_annual_report_has_part_three_only(world: Any) -> None:
    application_for(world.jia, received=D(2026, 3, 2))
    report = annual_part_three_report(world.jia, 2026)
    assert report.format == "2021" and report.year == 2026 and report.agency == "甲镇人民政府"
    assert report.cells["apply.new.natural_person"] == 1
    assert report.cells["apply.carried_out.total"] == 1
    assert all(v is None for k, v in report.cells.items() if not k.startswith("apply."))


@pytest.mark.parametrize("state", [State.ANSWERED, State.WITHDRAWN, State.ABANDONED])
def test_closed_states_close_once(state: State) -> None:
    assert not [k for (s, k) in TRANSITIONS if s == state]
