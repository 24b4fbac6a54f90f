"""The working-day calendar: pinned due dates, 调休, layers, provisional years, properties."""

from __future__ import annotations

import datetime as dt
import sys

import chinese_calendar
import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.law import calendar as law_calendar
from gongkai.law.calendar import Counting, Deadline, Source, WorkCalendar, YearPlan

D = dt.date
CAL = WorkCalendar()
ENTERED = dt.datetime(2026, 11, 20, 9, 0)

# domain-rules §3.2: receipt day excluded, computed with chinesecalendar 1.11.0
PINNED = [
    (D(2025, 9, 26), 20, D(2025, 10, 30)),  # counts Sun 9/28 and Sat 10/11 (调休)
    (D(2025, 9, 26), 40, D(2025, 11, 27)),
    (D(2025, 1, 20), 7, D(2025, 2, 5)),
    (D(2025, 1, 20), 20, D(2025, 2, 21)),
    (D(2026, 2, 13), 20, D(2026, 3, 19)),
    (D(2026, 9, 18), 20, D(2026, 10, 22)),
    (D(2024, 4, 30), 20, D(2024, 5, 30)),
    (D(2025, 12, 31), 15, D(2026, 1, 22)),
]


@pytest.mark.parametrize(("received", "n", "due"), PINNED)
def test_pinned_due_dates(received: dt.date, n: int, due: dt.date) -> None:
    deadline = CAL.add_working_days(received, n)
    assert deadline.date == due, f"收到 {received} +{n} 个工作日"
    assert not deadline.provisional
    assert deadline.note == ""


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2025, 9, 27), False),  # Sat before 国庆
        (D(2025, 9, 28), True),  # Sun, 调休上班
        (D(2025, 10, 1), False),
        (D(2025, 10, 8), False),  # last day of 国庆+中秋
        (D(2025, 10, 9), True),
        (D(2025, 10, 11), True),  # Sat, 调休上班
        (D(2026, 2, 14), True),  # Sat before 春节, 调休上班
        (D(2026, 2, 15), False),
        (D(2026, 2, 23), False),  # last day of 春节
        (D(2026, 2, 24), True),
        (D(2026, 2, 28), True),  # Sat after 春节, 调休上班
    ],
)
def test_tiaoxiu_days(day: dt.date, working: bool) -> None:
    assert CAL.is_working_day(day) is working, day


def test_day_before_on_after_spring_festival_saturday() -> None:
    # 2026-02-14 (Sat) is a working day; the next one is 2026-02-24 after nine days off.
    assert CAL.add_working_days(D(2026, 2, 12), 1).date == D(2026, 2, 13)
    assert CAL.add_working_days(D(2026, 2, 13), 1).date == D(2026, 2, 14)
    assert CAL.add_working_days(D(2026, 2, 14), 1).date == D(2026, 2, 24)


def test_day_before_on_after_national_day_sunday() -> None:
    assert CAL.add_working_days(D(2025, 9, 26), 1).date == D(2025, 9, 28)
    assert CAL.add_working_days(D(2025, 9, 28), 1).date == D(2025, 9, 29)
    assert CAL.add_working_days(D(2025, 9, 30), 1).date == D(2025, 10, 9)


def test_year_end() -> None:
    assert CAL.add_working_days(D(2025, 12, 30), 1).date == D(2025, 12, 31)
    assert CAL.add_working_days(D(2025, 12, 31), 1).date == D(2026, 1, 4)  # Sun, 调休上班
    assert CAL.working_days_between(D(2025, 12, 31), D(2026, 1, 4)) == 1


def test_same_day_counting_is_configurable() -> None:
    same = WorkCalendar(counting=Counting.SAME_DAY)
    # Fri 2025-09-26 is itself day 1, so the 20th working day is one earlier.
    assert same.add_working_days(D(2025, 9, 26), 20).date == D(2025, 10, 29)
    # A receipt on a rest day changes nothing.
    assert same.add_working_days(D(2025, 10, 1), 1).date == D(2025, 10, 9)
    assert CAL.add_working_days(D(2025, 9, 26), 20, counting=Counting.SAME_DAY).date == D(
        2025, 10, 29
    )
    assert same.working_days_between(D(2025, 9, 26), D(2025, 10, 29)) == 20


def test_zero_and_negative() -> None:
    assert CAL.add_working_days(D(2025, 10, 1), 0).date == D(2025, 10, 1)
    with pytest.raises(ValueError, match="不能为负数"):
        CAL.add_working_days(D(2025, 10, 1), -1)
    assert CAL.working_days_between(D(2025, 10, 30), D(2025, 9, 26)) == -20


# ---------------------------------------------------------------- packages and cross-check


def test_packages_agree_2024_to_2026() -> None:
    mismatches = []
    for year in (2024, 2025, 2026):
        cn = holidays.country_holidays("CN", years=year)
        day = D(year, 1, 1)
        while day.year == year:
            ours = CAL.is_working_day(day)
            if not (ours == chinese_calendar.is_workday(day) == cn.is_working_day(day)):
                mismatches.append(day)
            day += dt.timedelta(days=1)
    assert mismatches == []


def test_package_years_are_confirmed_and_beyond_never_raises() -> None:
    assert CAL.confirmed(2004) and CAL.confirmed(2026)
    assert CAL.source(2026) is Source.PACKAGE
    assert "chinesecalendar" in CAL.basis(2026)
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(D(2027, 1, 4))
    for day in (D(2027, 1, 4), D(2003, 6, 2), D(2040, 3, 1)):
        assert CAL.is_working_day(day) is True
        assert not CAL.confirmed(day.year)


# ---------------------------------------------------------------- provisional years


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2027, 1, 1), False),  # 元旦 (Fri)
        (D(2027, 2, 5), False),  # 除夕 (Fri), from holidays.China
        (D(2027, 2, 8), False),  # 正月初三 (Mon)
        (D(2027, 2, 9), True),  # holidays' estimated 补假 is not used
        (D(2027, 4, 5), False),  # 清明
        (D(2027, 5, 3), True),  # 劳动节 falls on Sat/Sun; no guessed 补假
        (D(2027, 6, 9), False),  # 端午
        (D(2027, 9, 15), False),  # 中秋
        (D(2027, 10, 1), False),  # 国庆 (Fri)
        (D(2027, 10, 4), True),
        (D(2027, 10, 9), False),  # a Saturday stays a rest day: no 调休 known
    ],
)
def test_provisional_2027(day: dt.date, working: bool) -> None:
    assert CAL.is_working_day(day) is working, day
    assert CAL.source(2027) is Source.PROVISIONAL


def test_provisional_without_holidays_package(monkeypatch: pytest.MonkeyPatch) -> None:
    law_calendar.lunar_statutory_dates.cache_clear()
    law_calendar._provisional_year.cache_clear()
    monkeypatch.setitem(sys.modules, "holidays", None)  # import holidays → ImportError
    try:
        cal = WorkCalendar()
        assert cal.is_working_day(D(2027, 2, 5)) is True  # 除夕 unknown: weekdays only
        assert cal.is_working_day(D(2027, 10, 1)) is False  # fixed date still known
        assert "农历节日未计入" in cal.basis(2027)
    finally:
        law_calendar.lunar_statutory_dates.cache_clear()
        law_calendar._provisional_year.cache_clear()


def test_deadline_from_december_2026_into_2027_is_provisional() -> None:
    deadline = CAL.add_working_days(D(2026, 12, 10), 20)
    # weekends + 元旦 2027-01-01 only: 12/11, 12/14–12/31 (15), then 1/4–1/8
    assert deadline.date == D(2027, 1, 8)
    assert deadline.provisional
    assert deadline.provisional_years == (2027,)
    assert deadline.note == "（暂定，待国务院公布 2027 年放假安排后重算）"
    assert str(deadline) == "2027-01-08（暂定，待国务院公布 2027 年放假安排后重算）"
    assert "2026年：chinesecalendar" in deadline.basis


# A HYPOTHETICAL 2027 plan, for tests only: the real notice was not published when written.
PLAN_2027 = YearPlan.from_ranges(
    2027,
    [(D(2027, 1, 1), D(2027, 1, 3)), (D(2027, 2, 5), D(2027, 2, 12))],
    [D(2027, 1, 31), D(2027, 2, 20)],
    "测试用虚构安排（非国务院通知）",
    ENTERED,
)


def test_entered_2027_plan_confirms_and_recomputes() -> None:
    cal = WorkCalendar([PLAN_2027])
    assert cal.confirmed(2027) and cal.source(2027) is Source.PLAN
    before = CAL.add_working_days(D(2026, 12, 10), 40)
    after = cal.add_working_days(D(2026, 12, 10), 40)
    assert before.provisional and before.date == D(2027, 2, 9)
    # Sun 1/31 is worked, 2/8–2/12 are off: the 40th working day moves to 2/4.
    assert not after.provisional and after.date == D(2027, 2, 4)
    assert after.note == ""
    assert "测试用虚构安排" in after.basis


def test_plan_spills_into_previous_december() -> None:
    # The 2019 notice (2018-12-06) moved days of December 2018.
    plan_2019 = YearPlan.from_ranges(
        2019,
        [(D(2018, 12, 30), D(2019, 1, 1))],
        [D(2018, 12, 29)],
        "国务院办公厅关于2019年部分节假日安排的通知（节选）",
        dt.datetime(2018, 12, 6),
    )
    cal = WorkCalendar([plan_2019], use_package=False)
    assert cal.is_working_day(D(2018, 12, 29)) is True  # Sat
    assert cal.is_working_day(D(2018, 12, 31)) is False  # Mon
    assert not cal.confirmed(2018) and cal.confirmed(2019)


# ---------------------------------------------------------------- mid-year change (2020)

# 国务院办公厅关于2020年部分节假日安排的通知 (2019-11-21), as first published.
HOLIDAYS_2020 = [
    (D(2020, 1, 1), D(2020, 1, 1)),
    (D(2020, 1, 24), D(2020, 1, 30)),
    (D(2020, 4, 4), D(2020, 4, 6)),
    (D(2020, 5, 1), D(2020, 5, 5)),
    (D(2020, 6, 25), D(2020, 6, 27)),
    (D(2020, 10, 1), D(2020, 10, 8)),
]
WORKING_2020 = [
    D(2020, 1, 19),
    D(2020, 2, 1),
    D(2020, 4, 26),
    D(2020, 5, 9),
    D(2020, 6, 28),
    D(2020, 9, 27),
    D(2020, 10, 10),
]


def _plan_2020(extended: bool) -> YearPlan:
    holidays_ = list(HOLIDAYS_2020)
    working = [d for d in WORKING_2020 if not (extended and d == D(2020, 2, 1))]
    if extended:  # 国办发明电〔2020〕1号 (2020-01-27): 春节假期延长至2月2日
        holidays_[1] = (D(2020, 1, 24), D(2020, 2, 2))
    entered = dt.datetime(2020, 1, 27, 18) if extended else dt.datetime(2019, 11, 21, 10)
    return YearPlan.from_ranges(2020, holidays_, working, "2020年放假安排", entered)


def test_mid_year_change_2020_spring_festival() -> None:
    original = WorkCalendar([_plan_2020(extended=False)])
    assert original.source(2020) is Source.PLAN  # overrides the package
    diff = [
        day
        for day in (D(2020, 1, 1) + dt.timedelta(days=i) for i in range(366))
        if original.is_working_day(day) != chinese_calendar.is_workday(day)
    ]
    assert diff == [D(2020, 1, 31), D(2020, 2, 1)]
    assert original.add_working_days(D(2020, 1, 20), 20).date == D(2020, 2, 21)

    amended = WorkCalendar([_plan_2020(extended=False), _plan_2020(extended=True)])
    assert amended.plan_for(2020) == _plan_2020(extended=True)  # the latest entered wins
    assert amended.add_working_days(D(2020, 1, 20), 20).date == D(2020, 2, 25)
    assert CAL.add_working_days(D(2020, 1, 20), 20).date == D(2020, 2, 25)


def test_year_plan_validation() -> None:
    with pytest.raises(ValueError, match="不是星期六或星期日"):
        YearPlan(2027, frozenset(), frozenset({D(2027, 1, 4)}), "x", ENTERED)
    with pytest.raises(ValueError, match="不在"):
        YearPlan(2027, frozenset({D(2028, 1, 1)}), frozenset(), "x", ENTERED)
    with pytest.raises(ValueError, match="同时列为放假和上班"):
        YearPlan(2027, frozenset({D(2027, 1, 2)}), frozenset({D(2027, 1, 2)}), "x", ENTERED)
    with pytest.raises(ValueError, match="来源"):
        YearPlan(2027, frozenset(), frozenset(), " ", ENTERED)


def test_deadline_note_without_years() -> None:
    assert Deadline(D(2027, 1, 8), True, "").note == "（暂定）"


# ---------------------------------------------------------------- properties

DATES = st.dates(D(2003, 12, 1), D(2028, 12, 31))
N = st.integers(1, 60)


@settings(max_examples=150, deadline=None)
@given(DATES, N)
def test_result_is_a_working_day(start: dt.date, n: int) -> None:
    assert CAL.is_working_day(CAL.add_working_days(start, n).date)


@settings(max_examples=150, deadline=None)
@given(DATES, N)
def test_strictly_increasing_in_n(start: dt.date, n: int) -> None:
    assert CAL.add_working_days(start, n).date < CAL.add_working_days(start, n + 1).date


@settings(max_examples=150, deadline=None)
@given(DATES, N, st.sampled_from(list(Counting)))
def test_between_inverts_add(start: dt.date, n: int, counting: Counting) -> None:
    cal = WorkCalendar(counting=counting)
    assert cal.working_days_between(start, cal.add_working_days(start, n).date) == n


# ---------------------------------------------------------------- regional rest days, calendar days


def test_regional_rest_days_are_rest_days_for_that_calendar_only() -> None:
    # Test data: two weekday rest days and the 调休 Sunday 2025-09-28 of a region.
    region = law_calendar.RegionalRestDays(
        "某自治县", frozenset({D(2025, 3, 31), D(2025, 4, 1), D(2025, 9, 28)}), "测试用地方放假日"
    )
    regional = WorkCalendar(regional=[region])
    assert not regional.is_working_day(D(2025, 3, 31))
    assert not regional.is_working_day(D(2025, 9, 28))  # off even on a 调休 working Sunday
    assert CAL.is_working_day(D(2025, 3, 31)) and CAL.is_working_day(D(2025, 9, 28))
    due = regional.add_working_days(D(2025, 3, 28), 2)
    assert due.date == D(2025, 4, 3)  # 3/31 and 4/1 skipped: 4/2 is day 1, 4/3 day 2
    assert "某自治县" in due.basis and "2025-03-31" in due.basis
    assert CAL.add_working_days(D(2025, 3, 28), 2).date == D(2025, 4, 1)


@pytest.mark.parametrize(
    ("days", "source", "message"), [(frozenset(), "x", "不能为空"), ({D(2025, 3, 31)}, " ", "来源")]
)
def test_regional_rest_days_validated(days: frozenset[dt.date], source: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        law_calendar.RegionalRestDays("某自治县", frozenset(days), source)


def test_calendar_days_roll_to_the_next_working_day() -> None:
    # 2025-09-19 + 15 days = Sat 10-04, inside 国庆 (10/1–10/8): ends Thu 10-09.
    assert CAL.add_calendar_days(D(2025, 9, 19), 15).date == D(2025, 10, 9)
    assert CAL.add_calendar_days(D(2025, 3, 3), 10).date == D(2025, 3, 13)
    assert CAL.working_day_on_or_after(D(2025, 11, 1)) == D(2025, 11, 3)
    assert CAL.working_day_on_or_after(D(2025, 11, 3)) == D(2025, 11, 3)
    with pytest.raises(ValueError, match="至少为1"):
        CAL.add_calendar_days(D(2025, 3, 3), 0)
