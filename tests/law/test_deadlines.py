"""The clocks of an application, derived from events (条例第三十、三十二、三十三条)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from gongkai.law.calendar import WorkCalendar, YearPlan
from gongkai.law.deadlines import (
    ClockError,
    ClockRules,
    ClockState,
    Event,
    EventKind,
    Unit,
    compute_clocks,
)

D = dt.date
K = EventKind
CAL = WorkCalendar()


def _noon(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, 0, tzinfo=dt.UTC)


# ---------------------------------------------------------------- the plain clocks


def test_plain_application_across_national_day() -> None:
    clocks = compute_clocks(D(2025, 9, 26))
    assert clocks.correction_notice_due.date == D(2025, 10, 13)  # 第三十条: 7 working days
    assert clocks.reply_due is not None and clocks.reply_due.date == D(2025, 10, 30)
    assert clocks.due == clocks.reply_due
    assert clocks.extended_due is None
    assert "第三十三条" in clocks.reply_due.basis
    assert "第三十条" in clocks.correction_notice_due.basis
    assert not clocks.provisional


def test_correction_notice_due_at_spring_festival() -> None:
    clocks = compute_clocks(D(2025, 1, 20))
    assert clocks.correction_notice_due.date == D(2025, 2, 5)
    assert clocks.reply_due is not None and clocks.reply_due.date == D(2025, 2, 21)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (D(2026, 2, 13), D(2026, 3, 19)),
        (D(2026, 9, 18), D(2026, 10, 22)),
        (D(2024, 4, 30), D(2024, 5, 30)),
    ],
)
def test_reply_due_pinned(received: dt.date, due: dt.date) -> None:
    reply = compute_clocks(received).reply_due
    assert reply is not None and reply.date == due


# ---------------------------------------------------------------- overdue, frozen in time


@pytest.mark.parametrize(
    ("today", "overdue", "left"),
    [
        (D(2025, 10, 29), False, 1),  # day before
        (D(2025, 10, 30), False, 0),  # due day
        (D(2025, 10, 31), True, -1),  # day after
    ],
)
def test_overdue_around_national_day_due(today: dt.date, overdue: bool, left: int) -> None:
    clocks = compute_clocks(D(2025, 9, 26))
    with time_machine.travel(_noon(today), tick=False):
        assert clocks.is_overdue() is overdue, today
        assert clocks.days_left() == left, today


@pytest.mark.parametrize(
    ("today", "overdue", "left"),
    [
        (D(2026, 2, 13), False, 1),  # Fri; next working day is Sat 2/14 (调休)
        (D(2026, 2, 14), False, 0),  # 调休 Saturday: the due day
        (D(2026, 2, 15), True, 0),  # 春节: past the due day, no working day since
        (D(2026, 2, 24), True, -1),  # first working day after 春节
    ],
)
def test_overdue_around_spring_festival_saturday(today: dt.date, overdue: bool, left: int) -> None:
    # Received Mon 2026-01-19: the 20th working day is the 调休 Saturday 2026-02-14.
    clocks = compute_clocks(D(2026, 1, 19))
    assert clocks.due is not None and clocks.due.date == D(2026, 2, 14)
    with time_machine.travel(_noon(today), tick=False):
        assert clocks.is_overdue() is overdue, today
        assert clocks.days_left() == left, today


@pytest.mark.parametrize(
    ("today", "overdue"),
    [(D(2026, 1, 21), False), (D(2026, 1, 22), False), (D(2026, 1, 23), True)],
)
def test_third_party_window_across_year_end(today: dt.date, overdue: bool) -> None:
    clocks = compute_clocks(D(2025, 12, 15), [Event(K.THIRD_PARTY_CONSULTED, D(2025, 12, 31))])
    window = clocks.third_party_due
    assert window is not None and window.date == D(2026, 1, 22)  # 第三十二条: 15 working days
    assert "第三十二条" in window.basis
    assert (today > window.date) is overdue


# ---------------------------------------------------------------- the provisional year 2027

# A HYPOTHETICAL 2027 plan, for tests only: the real notice was not published when written.
PLAN_2027 = YearPlan.from_ranges(
    2027,
    [(D(2027, 1, 1), D(2027, 1, 3)), (D(2027, 2, 5), D(2027, 2, 12))],
    [D(2027, 1, 31), D(2027, 2, 20)],
    "测试用虚构安排（非国务院通知）",
    dt.datetime(2026, 11, 25, 9),
)


def test_december_2026_application_is_provisional_then_recomputed() -> None:
    events = [Event(K.EXTENSION_APPROVED, D(2027, 1, 5))]
    before = compute_clocks(D(2026, 12, 10), events)
    assert before.reply_due is not None and before.extended_due is not None
    assert before.reply_due.date == D(2027, 1, 8)
    assert before.extended_due.date == D(2027, 2, 9)
    assert before.provisional and before.extended_due.provisional
    assert before.extended_due.note == "（暂定，待国务院公布 2027 年放假安排后重算）"

    after = compute_clocks(D(2026, 12, 10), events, calendar=WorkCalendar([PLAN_2027]))
    assert after.reply_due is not None and after.extended_due is not None
    assert after.reply_due.date == D(2027, 1, 8)
    assert after.extended_due.date == D(2027, 2, 4)
    assert not after.provisional


@pytest.mark.parametrize(
    ("today", "overdue"),
    [(D(2027, 1, 7), False), (D(2027, 1, 8), False), (D(2027, 1, 11), True)],
)
def test_overdue_in_provisional_year(today: dt.date, overdue: bool) -> None:
    clocks = compute_clocks(D(2026, 12, 10))
    with time_machine.travel(_noon(today), tick=False):
        assert clocks.is_overdue() is overdue


# ---------------------------------------------------------------- 补正: a restart


def test_correction_restarts_the_reply_clock() -> None:
    received = D(2025, 1, 20)
    asked = Event(K.CORRECTION_REQUESTED, D(2025, 2, 5), days=10)
    waiting = compute_clocks(received, [asked])
    assert waiting.reply_due is None and waiting.reply_start is None
    assert waiting.correction_due is not None and waiting.correction_due.date == D(2025, 2, 18)
    assert waiting.state(D(2025, 2, 18)) is ClockState.AWAITING_CORRECTION
    assert waiting.state(D(2025, 2, 19)) is ClockState.ABANDONED_NO_CORRECTION
    assert waiting.days_left(D(2025, 2, 10)) is None
    assert not waiting.is_overdue(D(2025, 3, 30))

    done = compute_clocks(received, [asked, Event(K.CORRECTION_RECEIVED, D(2025, 2, 10))])
    assert done.reply_start == D(2025, 2, 10)
    assert done.reply_due is not None and done.reply_due.date == D(2025, 3, 10)
    assert "收到补正后的申请" in done.reply_due.basis
    assert done.state(D(2025, 2, 10)) is ClockState.RUNNING
    assert done.warnings == ()


def test_late_correction_notice_and_late_correction_are_warned() -> None:
    clocks = compute_clocks(
        D(2025, 1, 20),
        [
            Event(K.CORRECTION_REQUESTED, D(2025, 2, 6), days=5),
            Event(K.CORRECTION_RECEIVED, D(2025, 2, 20)),
        ],
    )
    assert any("晚于条例第三十条" in w for w in clocks.warnings)
    assert any("已超过补正期限" in w for w in clocks.warnings)


def test_second_correction_request_refused() -> None:
    with pytest.raises(ClockError, match="一次性告知"):
        compute_clocks(
            D(2025, 1, 20),
            [
                Event(K.CORRECTION_REQUESTED, D(2025, 1, 22)),
                Event(K.CORRECTION_RECEIVED, D(2025, 1, 24)),
                Event(K.CORRECTION_REQUESTED, D(2025, 2, 5)),
            ],
        )
    with pytest.raises(ClockError, match="没有待补正"):
        compute_clocks(D(2025, 1, 20), [Event(K.CORRECTION_RECEIVED, D(2025, 1, 24))])


# ---------------------------------------------------------------- 征求意见: a pause


def test_third_party_pause_across_national_day_worked_example() -> None:
    """The worked example of gongkai.law.deadlines' docstring."""
    received = D(2025, 9, 15)
    plain = compute_clocks(received)
    assert plain.reply_due is not None and plain.reply_due.date == D(2025, 10, 17)
    start, answer = D(2025, 9, 26), D(2025, 10, 9)
    clocks = compute_clocks(
        received, [Event(K.THIRD_PARTY_CONSULTED, start), Event(K.THIRD_PARTY_ANSWERED, answer)]
    )
    assert clocks.reply_due is not None and clocks.reply_due.date == D(2025, 10, 23)
    (pause,) = clocks.pauses
    assert (pause.start, pause.end, pause.frozen_days, pause.applied) == (start, answer, 11, True)
    assert clocks.paused_days == 4  # 9/28, 9/29, 9/30, 10/9
    assert "4个工作日已扣除" in clocks.reply_due.basis
    # freezing the days left == adding the working days spent; calendar days would differ
    spent = CAL.count_working_days(start, answer)
    assert CAL.add_working_days(plain.reply_due.date, spent).date == clocks.reply_due.date
    assert plain.reply_due.date + (answer - start) == D(2025, 10, 30)
    # during the pause the days left stay frozen and nothing is overdue
    for day in (D(2025, 9, 26), D(2025, 10, 1), D(2025, 10, 8)):
        assert clocks.days_left(day) == 11, day
    assert clocks.state(D(2025, 10, 1)) is ClockState.CONSULTING
    assert clocks.state(D(2025, 10, 9)) is ClockState.RUNNING
    assert clocks.days_left(D(2025, 10, 9)) == 11
    assert clocks.days_left(D(2025, 10, 10)) == 10


def test_third_party_silence_ends_the_pause_with_the_window() -> None:
    clocks = compute_clocks(D(2025, 9, 15), [Event(K.THIRD_PARTY_CONSULTED, D(2025, 9, 26))])
    assert clocks.third_party_due is not None and clocks.third_party_due.date == D(2025, 10, 23)
    assert clocks.reply_due is not None and clocks.reply_due.date == D(2025, 11, 7)
    late = compute_clocks(
        D(2025, 9, 15),
        [
            Event(K.THIRD_PARTY_CONSULTED, D(2025, 9, 26)),
            Event(K.THIRD_PARTY_ANSWERED, D(2025, 10, 28)),
        ],
    )
    assert late.consultations[0].answered_late
    assert late.reply_due == clocks.reply_due


def test_third_party_pause_across_year_end() -> None:
    clocks = compute_clocks(
        D(2025, 12, 15),
        [
            Event(K.THIRD_PARTY_CONSULTED, D(2025, 12, 31)),
            Event(K.THIRD_PARTY_ANSWERED, D(2026, 1, 20)),
        ],
    )
    # 12 working days used by 12/31, 8 frozen; resume after 1/20 → 1/30
    plain = compute_clocks(D(2025, 12, 15)).reply_due
    assert plain is not None and plain.date == D(2026, 1, 13)
    assert clocks.pauses[0].frozen_days == 8
    assert clocks.reply_due is not None and clocks.reply_due.date == D(2026, 1, 30)


def test_overlapping_consultations_merge() -> None:
    clocks = compute_clocks(
        D(2025, 9, 15),
        [
            Event(K.THIRD_PARTY_CONSULTED, D(2025, 9, 26), party="甲公司"),
            Event(K.ORGAN_CONSULTED, D(2025, 9, 29), party="某局"),
            Event(K.THIRD_PARTY_ANSWERED, D(2025, 10, 9), party="甲公司"),
            Event(K.ORGAN_ANSWERED, D(2025, 10, 10), party="某局"),
        ],
    )
    assert len(clocks.pauses) == 1
    assert clocks.pauses[0].end == D(2025, 10, 10)
    assert clocks.organ_due is not None and "第三十四条" in clocks.organ_due.basis
    assert clocks.reply_due is not None and clocks.reply_due.date == D(2025, 10, 24)


def test_consultation_after_due_is_not_deducted() -> None:
    clocks = compute_clocks(
        D(2025, 9, 26),
        [
            Event(K.THIRD_PARTY_CONSULTED, D(2025, 11, 3)),
            Event(K.THIRD_PARTY_ANSWERED, D(2025, 11, 10)),
        ],
    )
    assert clocks.reply_due is not None and clocks.reply_due.date == D(2025, 10, 30)
    assert not clocks.pauses[0].applied
    assert any("不予扣除" in w for w in clocks.warnings)


def test_answer_without_consultation_refused() -> None:
    with pytest.raises(ClockError, match="没有待答复的征求意见"):
        compute_clocks(D(2025, 9, 15), [Event(K.THIRD_PARTY_ANSWERED, D(2025, 9, 26))])


# ---------------------------------------------------------------- extension


def test_one_extension_of_twenty_days() -> None:
    clocks = compute_clocks(D(2025, 9, 26), [Event(K.EXTENSION_APPROVED, D(2025, 10, 28))])
    assert clocks.reply_due is not None and clocks.reply_due.date == D(2025, 10, 30)
    assert clocks.extended_due is not None and clocks.extended_due.date == D(2025, 11, 27)
    assert clocks.due == clocks.extended_due
    assert not clocks.is_overdue(D(2025, 11, 27))
    assert clocks.is_overdue(D(2025, 11, 28))


def test_extension_and_pause_combine() -> None:
    clocks = compute_clocks(
        D(2025, 9, 15),
        [
            Event(K.EXTENSION_APPROVED, D(2025, 9, 22), days=10),
            Event(K.THIRD_PARTY_CONSULTED, D(2025, 9, 26)),
            Event(K.THIRD_PARTY_ANSWERED, D(2025, 10, 9)),
        ],
    )
    assert clocks.reply_due is not None and clocks.extended_due is not None
    assert clocks.reply_due.date == D(2025, 10, 23)
    assert clocks.extended_due.date == CAL.add_working_days(D(2025, 10, 23), 10).date


def test_second_extension_refused() -> None:
    with pytest.raises(ClockError, match="答复期限只能延长一次（条例第三十三条）"):
        compute_clocks(
            D(2025, 9, 26),
            [
                Event(K.EXTENSION_APPROVED, D(2025, 10, 20), days=10),
                Event(K.EXTENSION_APPROVED, D(2025, 11, 10), days=10),
            ],
        )


@pytest.mark.parametrize("days", [0, 21])
def test_extension_length_limited(days: int) -> None:
    with pytest.raises(ClockError, match="不得超过20个工作日"):
        compute_clocks(D(2025, 9, 26), [Event(K.EXTENSION_APPROVED, D(2025, 10, 20), days=days)])


def test_extension_after_due_refused() -> None:
    with pytest.raises(ClockError, match="已于 2025-10-30 届满"):
        compute_clocks(D(2025, 9, 26), [Event(K.EXTENSION_APPROVED, D(2025, 10, 31))])


# ---------------------------------------------------------------- fees


def test_fee_wait_pauses_by_default() -> None:
    events = [Event(K.FEE_NOTICE_RECEIVED, D(2025, 3, 10)), Event(K.FEE_PAID, D(2025, 3, 20))]
    clocks = compute_clocks(D(2025, 3, 3), events)
    assert clocks.fee_payment_due is not None and clocks.fee_payment_due.date == D(2025, 4, 8)
    plain = compute_clocks(D(2025, 3, 3)).reply_due
    assert plain is not None and plain.date == D(2025, 3, 31)
    assert clocks.reply_due is not None and clocks.reply_due.date == D(2025, 4, 11)  # +8
    unpaused = compute_clocks(D(2025, 3, 3), events, rules=ClockRules(fee_wait_pauses_reply=False))
    assert unpaused.reply_due is not None and unpaused.reply_due.date == D(2025, 3, 31)


def test_unpaid_fee_means_abandoned() -> None:
    clocks = compute_clocks(D(2025, 3, 3), [Event(K.FEE_NOTICE_RECEIVED, D(2025, 3, 10))])
    assert clocks.state(D(2025, 4, 8)) is ClockState.AWAITING_FEE
    assert clocks.state(D(2025, 4, 9)) is ClockState.ABANDONED_NO_FEE
    assert not clocks.is_overdue(D(2025, 6, 1))


# ---------------------------------------------------------------- closing events


def test_answered_and_withdrawn() -> None:
    answered = compute_clocks(D(2025, 9, 26), [Event(K.ANSWERED, D(2025, 10, 31))])
    assert answered.answered_late
    assert answered.state(D(2025, 11, 5)) is ClockState.ANSWERED
    assert answered.is_overdue(D(2025, 10, 31)) is False
    assert answered.is_overdue(D(2025, 10, 30)) is False
    withdrawn = compute_clocks(D(2025, 9, 26), [Event(K.WITHDRAWN, D(2025, 10, 9))])
    assert withdrawn.state(D(2025, 10, 9)) is ClockState.WITHDRAWN
    assert withdrawn.days_left(D(2025, 11, 9)) is None
    assert ClockState.WITHDRAWN.label == "已撤回"


def test_events_after_closing_or_before_receipt_refused() -> None:
    with pytest.raises(ClockError, match="办结"):
        compute_clocks(
            D(2025, 9, 26),
            [Event(K.ANSWERED, D(2025, 10, 9)), Event(K.EXTENSION_APPROVED, D(2025, 10, 10))],
        )
    with pytest.raises(ClockError, match="早于收到申请之日"):
        compute_clocks(D(2025, 9, 26), [Event(K.ANSWERED, D(2025, 9, 25))])


def test_clocks_are_frozen() -> None:
    clocks = compute_clocks(D(2025, 9, 26))
    with pytest.raises(AttributeError):
        clocks.received = D(2025, 9, 27)  # type: ignore[misc]


# ---------------------------------------------------------------- issue 14: never on a rest day


def test_consultation_on_the_due_date_answered_on_saturday() -> None:
    """Received Fri 2025-09-26, due Thu 10-30; the third party receives the request on the due
    date and answers on Sat 11-01. 0 working days are frozen; the reply is due on the next
    working day, Mon 2025-11-03, not on the Saturday. (Kills the mutant ``s > due`` → ``s >=
    due``: that one would not apply the pause and keep 10-30 with a warning.)"""
    events = [
        Event(K.THIRD_PARTY_CONSULTED, D(2025, 10, 30), party="某公司"),
        Event(K.THIRD_PARTY_ANSWERED, D(2025, 11, 1), party="某公司"),
    ]
    clocks = compute_clocks(D(2025, 9, 26), events)
    (pause,) = clocks.pauses
    assert (pause.start, pause.end, pause.frozen_days, pause.applied) == (
        D(2025, 10, 30),
        D(2025, 11, 1),
        0,
        True,
    )
    assert clocks.warnings == ()
    assert clocks.reply_due is not None and clocks.reply_due.date == D(2025, 11, 3)
    assert CAL.is_working_day(clocks.reply_due.date)
    assert clocks.state(D(2025, 10, 31)) is ClockState.CONSULTING
    assert not clocks.is_overdue(D(2025, 11, 1))  # Saturday
    assert not clocks.is_overdue(D(2025, 11, 3))  # Monday: the due date
    assert clocks.days_left(D(2025, 11, 3)) == 0
    assert clocks.is_overdue(D(2025, 11, 4))


def test_consultation_on_the_due_date_answered_on_a_working_day() -> None:
    clocks = compute_clocks(
        D(2025, 9, 26),
        [Event(K.ORGAN_CONSULTED, D(2025, 10, 30)), Event(K.ORGAN_ANSWERED, D(2025, 10, 31))],
    )
    assert clocks.reply_due is not None and clocks.reply_due.date == D(2025, 10, 31)


def test_extension_approved_on_the_due_date_after_a_weekend_answer() -> None:
    events = [
        Event(K.THIRD_PARTY_CONSULTED, D(2025, 10, 30)),
        Event(K.THIRD_PARTY_ANSWERED, D(2025, 11, 1)),
        Event(K.EXTENSION_APPROVED, D(2025, 11, 3)),  # the (moved) due date itself
    ]
    clocks = compute_clocks(D(2025, 9, 26), events)
    assert clocks.extended_due is not None and clocks.extended_due.date == D(2025, 11, 28)
    on_due = compute_clocks(D(2025, 9, 26), [Event(K.EXTENSION_APPROVED, D(2025, 10, 30))])
    assert on_due.extended_due is not None and on_due.extended_due.date == D(2025, 11, 27)


def test_correction_received_on_a_holiday_restarts_on_working_days() -> None:
    # 补正 received Sun 2025-10-05, inside the 国庆 break (10/1–10/8): the 20 days start 10/9.
    clocks = compute_clocks(
        D(2025, 9, 15),
        [
            Event(K.CORRECTION_REQUESTED, D(2025, 9, 17), days=15),
            Event(K.CORRECTION_RECEIVED, D(2025, 10, 5)),
        ],
    )
    assert clocks.reply_start == D(2025, 10, 5)
    assert clocks.reply_due is not None and clocks.reply_due.date == D(2025, 11, 4)


@pytest.mark.parametrize("days", [0, -3])
def test_correction_period_of_no_days_refused(days: int) -> None:
    with pytest.raises(ClockError, match="补正期限至少为1日"):
        compute_clocks(D(2025, 9, 15), [Event(K.CORRECTION_REQUESTED, D(2025, 9, 17), days=days)])


# ---------------------------------------------------------------- issue 14: units as written


def test_correction_period_in_calendar_days_ends_on_a_working_day() -> None:
    # Notice delivered Fri 2025-09-19, "15日": day 15 is Sat 10-04 (国庆) → Thu 2025-10-09.
    asked = Event(K.CORRECTION_REQUESTED, D(2025, 9, 19), days=15, unit=Unit.CALENDAR_DAYS)
    clocks = compute_clocks(D(2025, 9, 15), [asked])
    assert clocks.correction_due is not None and clocks.correction_due.date == D(2025, 10, 9)
    assert "15日（自然日）" in clocks.correction_due.basis
    assert "顺延" in clocks.correction_due.basis
    assert clocks.state(D(2025, 10, 9)) is ClockState.AWAITING_CORRECTION
    assert clocks.state(D(2025, 10, 10)) is ClockState.ABANDONED_NO_CORRECTION


def test_correction_period_in_working_days_counts_working_days() -> None:
    asked = Event(K.CORRECTION_REQUESTED, D(2025, 9, 19), days=10, unit=Unit.WORKING_DAYS)
    clocks = compute_clocks(D(2025, 9, 15), [asked])
    assert clocks.correction_due is not None and clocks.correction_due.date == D(2025, 10, 10)
    assert "10个工作日" in clocks.correction_due.basis


def test_calendar_days_ending_on_a_working_day_stay() -> None:
    asked = Event(K.CORRECTION_REQUESTED, D(2025, 3, 3), days=10, unit=Unit.CALENDAR_DAYS)
    clocks = compute_clocks(D(2025, 3, 3), [asked])
    assert clocks.correction_due is not None and clocks.correction_due.date == D(2025, 3, 13)
    assert "顺延" not in clocks.correction_due.basis
    assert Unit.CALENDAR_DAYS.of(15) == "15日（自然日）"
    assert Unit.WORKING_DAYS.of(10) == "10个工作日"


# ---------------------------------------------------------------- issue 14: provisional everywhere


def test_correction_deadline_in_2027_makes_the_clocks_provisional() -> None:
    # Received 2026-12-01; 20 working days from 12-08 end in 2027, which has no plan yet.
    events = [Event(K.CORRECTION_REQUESTED, D(2026, 12, 8), days=20)]
    clocks = compute_clocks(D(2026, 12, 1), events)
    assert clocks.correction_due is not None and clocks.correction_due.date == D(2027, 1, 6)
    assert clocks.correction_due.provisional
    assert clocks.provisional and clocks.provisional_years == (2027,)
    # The day after the provisional date: not abandoned, and it says why.
    assert clocks.state(D(2027, 1, 7)) is ClockState.AWAITING_CORRECTION
    (why,) = clocks.unconfirmed_lapses(D(2027, 1, 7))
    assert "2027-01-06" in why and "2027年放假安排" in why and "不视为放弃申请" in why
    assert clocks.unconfirmed_lapses(D(2027, 1, 6)) == ()

    confirmed = compute_clocks(D(2026, 12, 1), events, calendar=WorkCalendar([PLAN_2027]))
    assert not confirmed.provisional
    assert confirmed.state(D(2027, 1, 6)) is ClockState.AWAITING_CORRECTION
    assert confirmed.state(D(2027, 1, 7)) is ClockState.ABANDONED_NO_CORRECTION
    assert confirmed.unconfirmed_lapses(D(2027, 1, 7)) == ()


def test_provisional_fee_and_reply_dates_are_said_so() -> None:
    fee = compute_clocks(D(2026, 12, 10), [Event(K.FEE_NOTICE_RECEIVED, D(2026, 12, 14))])
    assert fee.fee_payment_due is not None and fee.fee_payment_due.provisional
    after = fee.fee_payment_due.date + dt.timedelta(days=1)
    assert fee.state(after) is ClockState.AWAITING_FEE
    assert any("缴费期限" in w for w in fee.unconfirmed_lapses(after))

    plain = compute_clocks(D(2026, 12, 10))
    assert plain.due is not None and plain.due.date == D(2027, 1, 8)
    assert plain.is_overdue(D(2027, 1, 11))
    (why,) = plain.unconfirmed_lapses(D(2027, 1, 11))
    assert "答复期限 2027-01-08" in why and "不认定逾期" in why


def test_consultation_window_in_2027_counts_as_provisional() -> None:
    # Only the third party's window reaches into 2027; Clocks.provisional still says so.
    clocks = compute_clocks(D(2026, 11, 2), [Event(K.ORGAN_CONSULTED, D(2026, 12, 15))])
    assert clocks.organ_due is not None and clocks.organ_due.provisional
    assert clocks.provisional


# ---------------------------------------------------------------- issue 14: the law in force


def test_application_before_2019_05_15_is_refused_not_counted_with_2019_periods() -> None:
    with pytest.raises(ClockError, match=r"应适用2007年条例.*15个工作日"):
        compute_clocks(D(2019, 5, 14))
    first = compute_clocks(D(2019, 5, 15))  # the 2019 条例's first day
    assert first.reply_due is not None and first.reply_due.date == D(2019, 6, 13)
    assert first.correction_notice_due.date == D(2019, 5, 24)


# ---------------------------------------------------------------- issue 14: 第三十五条


def test_reasonable_later_deadline_becomes_the_deadline_in_force() -> None:
    later = Event(K.LATER_DEADLINE_NOTIFIED, D(2025, 10, 20), until=D(2025, 12, 31))
    clocks = compute_clocks(D(2025, 9, 26), [later])
    assert clocks.reply_due is not None and clocks.reply_due.date == D(2025, 10, 30)
    assert clocks.later_due is not None and clocks.later_due.date == D(2025, 12, 31)
    assert clocks.due == clocks.later_due
    assert "第三十五条" in clocks.later_due.basis
    assert not clocks.is_overdue(D(2025, 12, 31))
    assert clocks.is_overdue(D(2026, 1, 4))


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ([Event(K.LATER_DEADLINE_NOTIFIED, D(2025, 10, 20))], "请填写"),
        (
            [Event(K.LATER_DEADLINE_NOTIFIED, D(2025, 10, 20), until=D(2025, 12, 27))],
            "2025-12-27 不是工作日",
        ),
        (
            [Event(K.LATER_DEADLINE_NOTIFIED, D(2025, 10, 20), until=D(2025, 10, 30))],
            "应晚于现行答复期限 2025-10-30",
        ),
        (
            [Event(K.LATER_DEADLINE_NOTIFIED, D(2025, 10, 31), until=D(2025, 12, 31))],
            "已于 2025-10-30 届满",
        ),
        (
            [
                Event(K.LATER_DEADLINE_NOTIFIED, D(2025, 10, 20), until=D(2025, 12, 31)),
                Event(K.EXTENSION_APPROVED, D(2025, 10, 21)),
            ],
            "不能再延期",
        ),
        (
            [
                Event(K.LATER_DEADLINE_NOTIFIED, D(2025, 10, 20), until=D(2025, 12, 31)),
                Event(K.LATER_DEADLINE_NOTIFIED, D(2025, 10, 21), until=D(2026, 1, 30)),
            ],
            "不能重复登记",
        ),
    ],
)
def test_reasonable_later_deadline_refusals(events: list[Event], message: str) -> None:
    with pytest.raises(ClockError, match=message):
        compute_clocks(D(2025, 9, 26), events)
