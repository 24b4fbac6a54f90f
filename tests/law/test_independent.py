"""An independent calculation against the engine, on every holiday season 2019–2026.

The calculator below is written from ``chinese_calendar.is_workday`` and the counting rules of
docs/deadlines.md only — nothing from gongkai. It *walks* the days one by one instead of
freezing and resuming as the engine does, so an error in either shows up as a disagreement:

* a period of N working days from day R ends on the N-th working day after R;
* a pause (征求意见、待缴费) runs from its start s to its end e: the working days in (s, e] do
  not count; a pause that starts after the period has run out is not applied;
* a period that runs out on the very day a pause starts (0 days left) ends on the day the
  pause ends, or the next working day if that is a rest day;
* a period in calendar days ends on its last day, or the next working day if that is a rest day;
* regional rest days are rest days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pytest
from chinese_calendar import is_workday

from gongkai.law.calendar import RegionalRestDays, WorkCalendar
from gongkai.law.deadlines import Event, EventKind, Unit, compute_clocks

D = dt.date
K = EventKind
ONE = dt.timedelta(days=1)
NOTHING: frozenset[dt.date] = frozenset()

# ---------------------------------------------------------------- the independent calculator


def working(d: dt.date, rest: frozenset[dt.date] = NOTHING) -> bool:
    return bool(is_workday(d)) and d not in rest


def nth_after(day: dt.date, n: int, rest: frozenset[dt.date] = NOTHING) -> dt.date:
    count = 0
    while count < n:
        day += ONE
        count += working(day, rest)
    return day


def on_or_after(day: dt.date, rest: frozenset[dt.date] = NOTHING) -> dt.date:
    while not working(day, rest):
        day += ONE
    return day


def walk(
    received: dt.date,
    n: int,
    pauses: Iterable[tuple[dt.date, dt.date]] = (),
    rest: frozenset[dt.date] = NOTHING,
) -> dt.date:
    """Walk forward from the receipt day, counting working days outside every pause."""
    pauses = sorted(pauses)
    day, count = received, 0
    while True:
        day += ONE
        if any(s < day <= e for s, e in pauses) or not working(day, rest):
            continue
        count += 1
        if count == n:
            starting = [e for s, e in pauses if s == day]
            return on_or_after(max(starting), rest) if starting else day


def calendar_days(notice: dt.date, n: int) -> dt.date:
    return on_or_after(notice + dt.timedelta(days=n))


# ---------------------------------------------------------------- the cases

# The first rest day of every holiday season 2019–2026 (State Council notices).
SEASONS = [
    D(2018, 12, 30), D(2019, 2, 4), D(2019, 4, 5), D(2019, 5, 1), D(2019, 6, 7),
    D(2019, 9, 13), D(2019, 10, 1),
    D(2020, 1, 1), D(2020, 1, 24), D(2020, 4, 4), D(2020, 5, 1), D(2020, 6, 25), D(2020, 10, 1),
    D(2021, 1, 1), D(2021, 2, 11), D(2021, 4, 3), D(2021, 5, 1), D(2021, 6, 12),
    D(2021, 9, 19), D(2021, 10, 1),
    D(2022, 1, 1), D(2022, 1, 31), D(2022, 4, 3), D(2022, 4, 30), D(2022, 6, 3),
    D(2022, 9, 10), D(2022, 10, 1),
    D(2022, 12, 31), D(2023, 1, 21), D(2023, 4, 5), D(2023, 4, 29), D(2023, 6, 22),
    D(2023, 9, 29),
    D(2023, 12, 30), D(2024, 2, 10), D(2024, 4, 4), D(2024, 5, 1), D(2024, 6, 8),
    D(2024, 9, 15), D(2024, 10, 1),
    D(2025, 1, 1), D(2025, 1, 28), D(2025, 4, 4), D(2025, 5, 1), D(2025, 5, 31), D(2025, 10, 1),
    D(2026, 1, 1), D(2026, 2, 15), D(2026, 4, 4), D(2026, 5, 1), D(2026, 6, 19),
    D(2026, 9, 25), D(2026, 10, 1),
]  # fmt: skip
# Received 20, 9 and 2 days before the break: the periods run into, through and past it.
RECEIVED = [season - dt.timedelta(days=k) for season in SEASONS for k in (20, 9, 2)]
IN_FORCE = D(2019, 5, 15)  # 2019 条例; before it the engine refuses (2007 条例)


def test_the_table_covers_every_season() -> None:
    assert len(SEASONS) == 53 and len(RECEIVED) == 159
    assert {s.year for s in SEASONS} == set(range(2018, 2027))


@pytest.mark.parametrize("received", RECEIVED, ids=str)
def test_plain_periods_agree(received: dt.date) -> None:
    cal = WorkCalendar()
    for n in (7, 15, 20, 40):
        assert cal.add_working_days(received, n).date == nth_after(received, n), (received, n)
    if received < IN_FORCE:
        return
    clocks = compute_clocks(received)
    assert clocks.correction_notice_due.date == nth_after(received, 7), received
    assert clocks.reply_due is not None and clocks.reply_due.date == walk(received, 20), received


@pytest.mark.parametrize("received", [r for r in RECEIVED if r >= IN_FORCE], ids=str)
def test_consultation_starting_on_the_due_date_agrees(received: dt.date) -> None:
    """Issue 14's case in every season: asked on the due date, answered two days later."""
    due = walk(received, 20)
    asked, answered = due, due + 2 * ONE
    clocks = compute_clocks(
        received, [Event(K.THIRD_PARTY_CONSULTED, asked), Event(K.THIRD_PARTY_ANSWERED, answered)]
    )
    expected = walk(received, 20, [(asked, answered)])
    assert clocks.reply_due is not None and clocks.reply_due.date == expected, received
    assert working(clocks.reply_due.date), received


@pytest.mark.parametrize("received", [r for r in RECEIVED if r >= IN_FORCE], ids=str)
def test_pauses_and_extension_agree(received: dt.date) -> None:
    """A consultation answered after 9 days, a silent one, a fee wait, then a 20-day extension."""
    asked = received + 3 * ONE
    answer = asked + 9 * ONE
    silent = received + 20 * ONE  # no answer: the pause lasts the 15-working-day window
    window = nth_after(silent, 15)
    fee_notice, paid = received + 24 * ONE, received + 27 * ONE
    events = [
        Event(K.THIRD_PARTY_CONSULTED, asked, party="甲"),
        Event(K.THIRD_PARTY_ANSWERED, answer, party="甲"),
        Event(K.ORGAN_CONSULTED, silent, party="乙"),
        Event(K.FEE_NOTICE_RECEIVED, fee_notice),
        Event(K.FEE_PAID, paid),
    ]
    pauses = [(asked, answer), (silent, window), (fee_notice, paid)]
    clocks = compute_clocks(received, events)
    applied = [
        (s, e) for s, e in pauses if s <= walk(received, 20, [p for p in pauses if p[0] < s])
    ]
    assert clocks.organ_due is not None and clocks.organ_due.date == window
    assert clocks.reply_due is not None
    assert clocks.reply_due.date == walk(received, 20, applied), received
    extended = compute_clocks(received, [*events, Event(K.EXTENSION_APPROVED, asked)])
    assert extended.extended_due is not None
    assert extended.extended_due.date == walk(received, 40, applied), received


@pytest.mark.parametrize("received", [r for r in RECEIVED if r >= IN_FORCE], ids=str)
def test_correction_periods_agree(received: dt.date) -> None:
    """补正 in calendar and in working days, then the reply counted from the corrected one."""
    notice = received + 2 * ONE
    for n in (10, 15):
        cal_days = compute_clocks(
            received, [Event(K.CORRECTION_REQUESTED, notice, days=n, unit=Unit.CALENDAR_DAYS)]
        )
        assert cal_days.correction_due is not None
        assert cal_days.correction_due.date == calendar_days(notice, n), (received, n)
        work_days = compute_clocks(received, [Event(K.CORRECTION_REQUESTED, notice, days=n)])
        assert work_days.correction_due is not None
        assert work_days.correction_due.date == nth_after(notice, n), (received, n)
    corrected = notice + 6 * ONE  # may be a rest day
    clocks = compute_clocks(
        received,
        [Event(K.CORRECTION_REQUESTED, notice, days=10), Event(K.CORRECTION_RECEIVED, corrected)],
    )
    assert clocks.reply_due is not None and clocks.reply_due.date == walk(corrected, 20)


def test_case_of_the_issue() -> None:
    """Received Fri 2025-09-26; consulted on the due date 10-30, answered Sat 11-01."""
    assert walk(D(2025, 9, 26), 20) == D(2025, 10, 30)
    assert walk(D(2025, 9, 26), 20, [(D(2025, 10, 30), D(2025, 11, 1))]) == D(2025, 11, 3)


# ---------------------------------------------------------------- regional rest days

# Test data in the shape of a 民族自治地方 holiday (two weekdays); not an official notice.
REGION = RegionalRestDays(
    "某自治县", frozenset({D(2025, 3, 31), D(2025, 4, 1)}), "测试用地方放假日"
)


@pytest.mark.parametrize(
    ("received", "moved"),
    [
        (D(2025, 3, 10), True),
        (D(2025, 3, 28), True),
        (D(2025, 3, 31), True),  # received on the first regional rest day
        (D(2025, 4, 1), False),  # the count starts after the rest days
        (D(2025, 4, 2), False),
    ],
)
def test_regional_rest_days_agree(received: dt.date, moved: bool) -> None:
    rest = REGION.days
    regional = WorkCalendar(regional=[REGION])
    clocks = compute_clocks(received, calendar=regional)
    assert clocks.reply_due is not None
    assert clocks.reply_due.date == walk(received, 20, rest=rest), received
    assert clocks.correction_notice_due.date == nth_after(received, 7, rest), received
    national = compute_clocks(received)
    assert national.reply_due is not None
    assert national.reply_due.date == walk(received, 20), received
    assert (clocks.reply_due.date != national.reply_due.date) is moved, received
