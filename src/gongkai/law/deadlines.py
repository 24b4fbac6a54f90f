"""The clocks of one application (依申请公开), derived from its recorded events.

Store events, derive the rest: the Django app keeps only what happened and when
(:class:`Event`); :func:`compute_clocks` recomputes every due date from them, so a corrected
event, or a newly entered holiday plan, corrects every clock.

The rules (条例 = 《中华人民共和国政府信息公开条例》, 2019, in force 2019-05-15; an application
received earlier falls under the 2007 条例 and is refused with a :class:`ClockError`, never
counted with the 2019 periods):

* 补正告知 — within **7 working days** of receipt, once and for all (第三十条); the applicant's
  补正期限 is the one the notice states, in the unit it states (:class:`Unit`: working days, or
  calendar days ending on a working day);
* reply — within **20 working days** of receipt (第三十三条); after a 补正, counted afresh from
  the day the corrected application is received (第三十条: a **restart**, not a pause);
* one extension of **at most 20 working days**, approved by the head of the disclosure office
  and notified to the applicant (第三十三条); a second one is refused;
* 第三十五条 — when the number or frequency of requests is plainly unreasonable the organ may
  tell the applicant a reasonable later date (:attr:`EventKind.LATER_DEADLINE_NOTIFIED`,
  ``until``); that stated date becomes the deadline in force (:attr:`Clocks.later_due`);
* 征求第三方意见 (第三十二条) and 征求其他机关意见 (第三十四条): the other side answers within
  **15 working days** of receiving the request; the time is **not counted** (第三十三条);
* fee (国办函〔2020〕109号, §1.6 of the domain rules): the applicant pays within **20 working
  days from the day after receiving the fee notice**, else the application is deemed
  abandoned; whether the wait is excluded from the reply period is not settled, so it is a
  pause by default and configurable (:attr:`ClockRules.fee_wait_pauses_reply`).

Pause arithmetic — freeze the remaining working days
-----------------------------------------------------
A pause runs from the day it starts (``s``, e.g. the consultation letter is received by the
third party) to the day it ends (``e``, the answer is received; at the latest the last day of
the 15-day answer window, since silence then lets the organ decide, 第三十二条). Day ``s`` still
counts; the working days after ``s`` up to and including ``e`` do not. At ``s`` the clock freezes
the working days left, ``r = working days in (s, due]``; at ``e`` it resumes and the new due
date is the ``r``-th working day after ``e``. Counting the working days spent, ``(s, e]``, and
adding them to the old due date gives the same date; adding calendar days does not.

Worked example at a holiday boundary (2025 国庆: 10/1–10/8 off, Sun 9/28 and Sat 10/11 worked):
received Mon 2025-09-15 → reply due Fri 2025-10-17 (20 working days: 9/16–9/26 are 1–9, 9/28,
9/29, 9/30 are 10–12, 10/9, 10/10, 10/11 are 13–15, 10/13–10/17 are 16–20). The third party
receives the request on Fri 2025-09-26: 9 working days are used, ``r`` = 11 are frozen. Its
answer arrives on Thu 2025-10-09, inside the first working days after the holiday; counting
resumes on Fri 10/10 and the 11th working day after 10/09 is **Thu 2025-10-23** (10/10, 10/11,
10/13–10/17, 10/20–10/23). The working days inside the pause were 9/28, 9/29, 9/30 and 10/9,
so the due date moves by 4 working days; adding the pause's 13 calendar days to 10/17 would
give 2025-10-30, a week late.

A pause that starts after the due date has passed is not applied (the organ is already late)
and is reported in :attr:`Clocks.warnings`. A pause that starts on the due date freezes 0 days:
the reply is then due on the day the pause ends, or, when that is a rest day, on the next working
day — a period counted in working days always ends on a working day. Received Fri 2025-09-26,
due Thu 2025-10-30; the third party receives the request on 10-30 and answers on Sat 11-01: the
reply is due **Mon 2025-11-03**.

Provisional dates: a date counted through a year whose holiday plan is not announced is
provisional (:attr:`Deadline.provisional`), and so is every clock derived from it. Nothing
irreversible is inferred from a provisional date: :meth:`Clocks.state` does not declare an
application abandoned on one, and :meth:`Clocks.unconfirmed_lapses` says what waits for the plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from gongkai.law.calendar import Counting, Deadline, WorkCalendar

_ONE_DAY = dt.timedelta(days=1)

LAW_2019_IN_FORCE = dt.date(2019, 5, 15)  # 国务院令第711号 施行之日


class ClockError(ValueError):
    """An event sequence the 条例 does not allow; the message is Chinese, for the clerk."""


class EventKind(StrEnum):
    CORRECTION_REQUESTED = "correction_requested"  # 补正告知书送达申请人 (days: 补正期限)
    CORRECTION_RECEIVED = "correction_received"  # 收到补正后的申请 — the reply clock restarts
    THIRD_PARTY_CONSULTED = "third_party_consulted"  # 第三方收到征求意见书 (第三十二条)
    THIRD_PARTY_ANSWERED = "third_party_answered"  # 收到第三方意见
    ORGAN_CONSULTED = "organ_consulted"  # 其他机关收到征求意见书 (第三十四条)
    ORGAN_ANSWERED = "organ_answered"  # 收到其他机关意见
    EXTENSION_APPROVED = "extension_approved"  # 延期答复 (days: ≤ 20)
    # 第三十五条: 告知申请人延迟答复的合理期限 (until: the date told)
    LATER_DEADLINE_NOTIFIED = "later_deadline_notified"
    FEE_NOTICE_RECEIVED = "fee_notice_received"  # 申请人收到收费通知书
    FEE_PAID = "fee_paid"  # 缴费
    ANSWERED = "answered"  # 作出答复
    WITHDRAWN = "withdrawn"  # 申请人撤回申请


class Unit(StrEnum):
    """The unit a period is stated in; the notice says which, and it is counted in that unit."""

    WORKING_DAYS = "working_days"  # 工作日
    CALENDAR_DAYS = "calendar_days"  # 日（自然日）: the last day moves to a working day

    @property
    def label(self) -> str:
        return "个工作日" if self is Unit.WORKING_DAYS else "日（自然日）"

    def of(self, n: int) -> str:
        """``10个工作日`` or ``15日（自然日）``, as a notice states the period."""
        return f"{n}{self.label}"


@dataclass(frozen=True)
class Event:
    """Something that happened to an application, on a day.

    ``days``: the correction period (补正期限) granted for ``CORRECTION_REQUESTED``, in
    ``unit``; the extension length for ``EXTENSION_APPROVED`` (default 20, working days).
    ``until``: the reasonable later date told to the applicant (``LATER_DEADLINE_NOTIFIED``).
    ``party`` pairs a consultation with its answer when several run at once.
    """

    kind: EventKind
    on: dt.date
    days: int | None = None
    party: str = ""
    unit: Unit = Unit.WORKING_DAYS
    until: dt.date | None = None


@dataclass(frozen=True)
class ClockRules:
    """The periods, in working days; defaults are the 条例's."""

    correction_notice_days: int = 7  # 第三十条
    reply_days: int = 20  # 第三十三条
    max_extension_days: int = 20  # 第三十三条
    consultation_days: int = 15  # 第三十二条、第三十四条
    fee_payment_days: int = 20  # 信息处理费管理办法 (provincial notices: 收到通知次日起20个工作日)
    fee_wait_pauses_reply: bool = True  # [?] not settled in any source seen: configurable

    def __post_init__(self) -> None:
        for name in (
            "correction_notice_days",
            "reply_days",
            "consultation_days",
            "fee_payment_days",
        ):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")


class ClockState(StrEnum):
    RUNNING = "running"
    AWAITING_CORRECTION = "awaiting_correction"
    CONSULTING = "consulting"
    AWAITING_FEE = "awaiting_fee"
    ANSWERED = "answered"
    WITHDRAWN = "withdrawn"
    ABANDONED_NO_CORRECTION = "abandoned_no_correction"  # report row other.no_correction
    ABANDONED_NO_FEE = "abandoned_no_fee"  # report row other.no_fee

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]

    @property
    def open(self) -> bool:
        return self in _OPEN_STATES


_STATE_LABELS = {
    ClockState.RUNNING: "办理中",
    ClockState.AWAITING_CORRECTION: "待补正",
    ClockState.CONSULTING: "征求意见中（不计入答复期限）",
    ClockState.AWAITING_FEE: "待缴费",
    ClockState.ANSWERED: "已答复",
    ClockState.WITHDRAWN: "已撤回",
    ClockState.ABANDONED_NO_CORRECTION: "逾期未补正，视为放弃申请",
    ClockState.ABANDONED_NO_FEE: "逾期未缴费，视为放弃申请",
}
_OPEN_STATES = frozenset({ClockState.RUNNING, ClockState.CONSULTING, ClockState.AWAITING_FEE})


@dataclass(frozen=True)
class Consultation:
    """One request for opinions (征求意见) and its 15-working-day answer window."""

    kind: EventKind  # THIRD_PARTY_CONSULTED or ORGAN_CONSULTED
    party: str
    started: dt.date
    answer_due: Deadline
    answered: dt.date | None = None

    @property
    def ended(self) -> dt.date:
        """The pause ends with the answer, or when the window lapses (第三十二条: 逾期未提出意见)."""
        if self.answered is not None and self.answered <= self.answer_due.date:
            return self.answered
        return self.answer_due.date

    @property
    def answered_late(self) -> bool:
        return self.answered is not None and self.answered > self.answer_due.date


@dataclass(frozen=True)
class Pause:
    """Working days not counted: those in ``(start, end]``."""

    reason: str
    start: dt.date
    end: dt.date
    frozen_days: int  # working days left when the clock stopped
    applied: bool  # False when it began after the due date


@dataclass(frozen=True)
class Clocks:
    """Every clock of one application plus the facts derived from them."""

    received: dt.date
    correction_notice_due: Deadline
    reply_start: dt.date | None  # receipt, or receipt of the corrected application
    reply_due: Deadline | None  # 20 working days + pauses, without extension
    extended_due: Deadline | None = None
    later_due: Deadline | None = None  # 第三十五条: the reasonable later date told the applicant
    correction_due: Deadline | None = None  # the applicant's 补正期限
    third_party_due: Deadline | None = None  # the latest third-party answer window
    organ_due: Deadline | None = None  # the latest other-organ answer window
    fee_payment_due: Deadline | None = None
    consultations: tuple[Consultation, ...] = ()
    pauses: tuple[Pause, ...] = ()
    paused_days: int = 0
    correction_requested: dt.date | None = None
    correction_received: dt.date | None = None
    fee_notice_received: dt.date | None = None
    fee_paid: dt.date | None = None
    answered: dt.date | None = None
    withdrawn: dt.date | None = None
    warnings: tuple[str, ...] = ()
    calendar: WorkCalendar = field(default_factory=WorkCalendar, repr=False, compare=False)

    @property
    def due(self) -> Deadline | None:
        """The deadline in force: the 第三十五条 date, else the extended one, else the plain one."""
        return self.later_due or self.extended_due or self.reply_due

    @property
    def deadlines(self) -> tuple[Deadline, ...]:
        """Every date on the clocks, the applicant's and the other parties' included."""
        dates = (
            self.correction_notice_due,
            self.correction_due,
            self.reply_due,
            self.extended_due,
            self.later_due,
            self.fee_payment_due,
            *(c.answer_due for c in self.consultations),
        )
        return tuple(d for d in dates if d is not None)

    @property
    def provisional(self) -> bool:
        """True when any date on the clocks passes through a year with no announced plan."""
        return any(d.provisional for d in self.deadlines)

    @property
    def provisional_years(self) -> tuple[int, ...]:
        return tuple(sorted({y for d in self.deadlines for y in d.provisional_years}))

    @property
    def answered_late(self) -> bool:
        return self.answered is not None and self.due is not None and self.answered > self.due.date

    def state(self, on: dt.date | None = None) -> ClockState:
        """The state on ``on`` (default: today), from the events recorded up to then."""
        on = on or dt.date.today()
        if self.answered is not None and self.answered <= on:
            return ClockState.ANSWERED
        if self.withdrawn is not None and self.withdrawn <= on:
            return ClockState.WITHDRAWN
        if _waiting(self.correction_requested, self.correction_received, on):
            if _lapsed(self.correction_due, on):
                return ClockState.ABANDONED_NO_CORRECTION
            return ClockState.AWAITING_CORRECTION
        if _waiting(self.fee_notice_received, self.fee_paid, on):
            if _lapsed(self.fee_payment_due, on):
                return ClockState.ABANDONED_NO_FEE
            return ClockState.AWAITING_FEE
        if any(c.started <= on < c.ended for c in self.consultations):
            return ClockState.CONSULTING
        return ClockState.RUNNING

    def unconfirmed_lapses(self, on: dt.date | None = None) -> tuple[str, ...]:
        """What a passed *provisional* date would mean on ``on``, and that it waits for the plan.

        :meth:`state` never declares an application abandoned on a provisional date; an
        overdue flag on one is shown with these words.
        """
        on = on or dt.date.today()
        out = []
        correcting = _waiting(self.correction_requested, self.correction_received, on)
        if correcting and _unconfirmed(self.correction_due, on):
            out.append(_lapse_text("申请人补正期限", self.correction_due, "视为放弃申请"))
        paying = _waiting(self.fee_notice_received, self.fee_paid, on)
        if paying and _unconfirmed(self.fee_payment_due, on):
            out.append(_lapse_text("缴费期限", self.fee_payment_due, "视为放弃申请"))
        if self.is_overdue(on) and _unconfirmed(self.due, on):
            out.append(_lapse_text("答复期限", self.due, "认定逾期"))
        return tuple(out)

    def is_overdue(self, on: dt.date | None = None) -> bool:
        """Open and past the deadline in force on ``on`` (default: today)."""
        on = on or dt.date.today()
        return self.state(on).open and self.due is not None and on > self.due.date

    def days_left(self, on: dt.date | None = None) -> int | None:
        """Counted working days left after ``on`` up to the due date; negative when overdue.

        While a pause runs, this is the number frozen at its start. None when no reply clock
        runs (closed, or waiting for a 补正). Past the due date it is minus the working days
        since then — 0 on a holiday right after the due date, so ask :meth:`is_overdue`.
        """
        on = on or dt.date.today()
        if not self.state(on).open or self.due is None:
            return None
        due = self.due.date
        if on > due:
            return -self.calendar.count_working_days(due, on)
        applied = [p for p in self.pauses if p.applied]
        return sum(
            1
            for d in _days_after(on, due)
            if self.calendar.is_working_day(d) and not any(p.start < d <= p.end for p in applied)
        )


# ---------------------------------------------------------------- the computation


def compute_clocks(
    received: dt.date,
    events: Iterable[Event] = (),
    *,
    calendar: WorkCalendar | None = None,
    rules: ClockRules | None = None,
) -> Clocks:
    """Derive every clock of an application received on ``received`` from its events.

    Raises :class:`ClockError` (Chinese message) for a sequence the 条例 does not allow:
    a second extension, an extension over 20 working days or after the deadline, a second
    补正 request, an answer to a consultation never started, events after the case closed.
    """
    check_law_in_force(received)
    cal = calendar or WorkCalendar()
    rules = rules or ClockRules()
    log = _collect(received, sorted(events, key=lambda e: e.on), cal, rules)
    warnings = list(log.warnings)
    correction_notice_due = _due(
        cal,
        received,
        rules.correction_notice_days,
        f"条例第三十条：收到申请之日起{rules.correction_notice_days}个工作日内一次性告知补正",
    )
    if log.correction_requested and log.correction_requested.on > correction_notice_due.date:
        warnings.append(
            f"补正告知于 {log.correction_requested.on} 发出，晚于条例第三十条规定的"
            f"{rules.correction_notice_days}个工作日（{correction_notice_due.date}）"
        )
    start = _reply_start(received, log)
    consultations = tuple(log.consultations)
    clocks = Clocks(
        received=received,
        correction_notice_due=correction_notice_due,
        reply_start=start,
        reply_due=None,
        correction_due=log.correction_due,
        third_party_due=_latest(consultations, EventKind.THIRD_PARTY_CONSULTED),
        organ_due=_latest(consultations, EventKind.ORGAN_CONSULTED),
        fee_payment_due=log.fee_payment_due,
        consultations=consultations,
        correction_requested=log.correction_requested.on if log.correction_requested else None,
        correction_received=log.correction_received,
        fee_notice_received=log.fee_notice_received,
        fee_paid=log.fee_paid,
        answered=log.answered,
        withdrawn=log.withdrawn,
        calendar=cal,
    )
    if start is None:
        return replace(clocks, warnings=tuple(warnings))
    intervals = _pause_intervals(log, rules)
    # Under Counting.SAME_DAY the day of (re)start is itself day 1.
    first = start + _ONE_DAY if cal.counting is Counting.NEXT_DAY else start
    extension = None
    if log.extension is not None:
        extension = (log.extension.on, _extension_days(log.extension, rules))
    plain = _run(cal, first - _ONE_DAY, rules.reply_days, intervals, None)
    full = _run(cal, first - _ONE_DAY, rules.reply_days, intervals, extension)
    warnings.extend(full.warnings)
    paused = _paused_days(cal, full.pauses)
    origin = "收到申请" if start == received else "收到补正后的申请"
    rule = f"条例第三十三条：自{origin}之日起{rules.reply_days}个工作日内答复"
    reply_due = cal.deadline(
        plain.due, since=first, rule=rule + _paused_text(_paused_days(cal, plain.pauses))
    )
    extended_due = None
    if extension is not None:
        on, days = extension
        text = f"经负责人同意并告知申请人，延长{days}个工作日（{on}批准）"
        extended_due = cal.deadline(
            full.due, since=first, rule=f"{rule}{_paused_text(paused)}；{text}"
        )
    later_due = _later_due(log.later, full.due) if log.later is not None else None
    return replace(
        clocks,
        reply_due=reply_due,
        extended_due=extended_due,
        later_due=later_due,
        pauses=full.pauses,
        paused_days=paused,
        warnings=tuple(warnings),
    )


def check_law_in_force(received: dt.date) -> None:
    """The 2019 条例 governs applications received from 2019-05-15; earlier ones are refused.

    The 2007 条例 (国务院令第492号) had other periods (第二十四条: 15 working days, extension at
    most 15, no 7-day 补正 rule); they are not implemented, so they are never silently replaced.
    """
    if received < LAW_2019_IN_FORCE:
        raise ClockError(
            f"收到申请之日 {received} 早于现行《政府信息公开条例》施行之日（2019年5月15日），"
            "应适用2007年条例（国务院令第492号第二十四条：15个工作日内答复，延长不得超过"
            "15个工作日）。本系统只按2019年条例计算期限，该申请请按2007年条例办理。"
        )


# ---------------------------------------------------------------- pass 1: read the events


@dataclass
class _Log:
    correction_requested: Event | None = None
    correction_due: Deadline | None = None
    correction_received: dt.date | None = None
    consultations: list[Consultation] = field(default_factory=list)
    extension: Event | None = None
    later: Event | None = None  # 第三十五条
    fee_notice_received: dt.date | None = None
    fee_payment_due: Deadline | None = None
    fee_paid: dt.date | None = None
    answered: dt.date | None = None
    withdrawn: dt.date | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def closed(self) -> dt.date | None:
        return self.answered or self.withdrawn


_CONSULT = {
    EventKind.THIRD_PARTY_CONSULTED: "征求第三方意见（条例第三十二条）",
    EventKind.ORGAN_CONSULTED: "征求其他机关意见（条例第三十四条）",
}
_ANSWER_OF = {
    EventKind.THIRD_PARTY_ANSWERED: EventKind.THIRD_PARTY_CONSULTED,
    EventKind.ORGAN_ANSWERED: EventKind.ORGAN_CONSULTED,
}


def _collect(received: dt.date, events: list[Event], cal: WorkCalendar, rules: ClockRules) -> _Log:
    log = _Log()
    for ev in events:
        if ev.on < received:
            raise ClockError(f"{_KIND_LABELS[ev.kind]}日期 {ev.on} 早于收到申请之日 {received}")
        if log.closed is not None:
            raise ClockError(f"申请已于 {log.closed} 办结，不能再登记{_KIND_LABELS[ev.kind]}")
        _apply(log, ev, cal, rules)
    return log


def _apply(log: _Log, ev: Event, cal: WorkCalendar, rules: ClockRules) -> None:
    k = ev.kind
    if k is EventKind.CORRECTION_REQUESTED:
        if log.correction_requested is not None:
            raise ClockError(
                "补正应当一次性告知（条例第三十条），"
                f"已于 {log.correction_requested.on} 告知补正，不能再次要求补正"
            )
        log.correction_requested = ev
        if ev.days is not None:
            log.correction_due = _correction_due(cal, ev)
    elif k is EventKind.CORRECTION_RECEIVED:
        if log.correction_requested is None or log.correction_received is not None:
            raise ClockError("没有待补正的告知，不能登记收到补正")
        log.correction_received = ev.on
        if log.correction_due is not None and ev.on > log.correction_due.date:
            log.warnings.append(
                f"补正于 {ev.on} 收到，已超过补正期限 {log.correction_due.date}"
                "（无正当理由的，视为放弃申请，条例第三十条）"
            )
    elif k in _CONSULT:
        _start_consultation(log, ev, cal, rules)
    elif k in _ANSWER_OF:
        _answer_consultation(log, ev)
    elif k is EventKind.EXTENSION_APPROVED:
        if log.later is not None:
            raise ClockError(f"已于 {log.later.on} 依条例第三十五条告知延迟答复的期限，不能再延期")
        if log.extension is not None:
            raise ClockError(
                f"答复期限只能延长一次（条例第三十三条），已于 {log.extension.on} 延期，不能再次延期"
            )
        _extension_days(ev, rules)
        log.extension = ev
    elif k is EventKind.LATER_DEADLINE_NOTIFIED:
        _check_later(log, ev, cal)
        log.later = ev
    elif k is EventKind.FEE_NOTICE_RECEIVED:
        if log.fee_notice_received is not None:
            raise ClockError(f"已于 {log.fee_notice_received} 送达收费通知，不能重复登记")
        log.fee_notice_received = ev.on
        log.fee_payment_due = _due(
            cal,
            ev.on,
            rules.fee_payment_days,
            f"收费通知：自收到通知次日起{rules.fee_payment_days}个工作日内缴费（国办函〔2020〕109号）",
            counting=Counting.NEXT_DAY,
        )
    elif k is EventKind.FEE_PAID:
        if log.fee_notice_received is None or log.fee_paid is not None:
            raise ClockError("没有待缴的收费通知，不能登记缴费")
        log.fee_paid = ev.on
    elif k is EventKind.ANSWERED:
        log.answered = ev.on
    elif k is EventKind.WITHDRAWN:
        log.withdrawn = ev.on


def _correction_due(cal: WorkCalendar, ev: Event) -> Deadline:
    """第三十条: the 补正期限 the notice states, counted in the unit it states."""
    assert ev.days is not None
    if ev.days < 1:
        raise ClockError(f"补正期限至少为1日，登记的是 {ev.days}")
    text = f"补正告知书载明的补正期限{ev.unit.of(ev.days)}"
    if ev.unit is Unit.CALENDAR_DAYS:
        d = cal.add_calendar_days(ev.on, ev.days)
        return replace(d, basis=f"{text}；{d.basis}")
    return _due(cal, ev.on, ev.days, text)


def _check_later(log: _Log, ev: Event, cal: WorkCalendar) -> None:
    """第三十五条: one stated date, later than the notice, on a working day."""
    if log.later is not None:
        raise ClockError(f"已于 {log.later.on} 告知延迟答复的期限，不能重复登记（条例第三十五条）")
    if ev.until is None:
        raise ClockError("请填写告知申请人的延迟答复期限（条例第三十五条）")
    if ev.until <= ev.on:
        raise ClockError(f"延迟答复期限 {ev.until} 应晚于告知之日 {ev.on}")
    if not cal.is_working_day(ev.until):
        raise ClockError(f"延迟答复期限 {ev.until} 不是工作日；期限应当截止于工作日")


def _later_due(ev: Event, statutory: dt.date) -> Deadline:
    """The stated date replaces the 第三十三条 deadline, if told in time and actually later."""
    assert ev.until is not None
    if ev.on > statutory:
        raise ClockError(
            f"答复期限已于 {statutory} 届满，{ev.on} 不能再确定延迟答复的期限（条例第三十五条）"
        )
    if ev.until <= statutory:
        raise ClockError(
            f"依条例第三十五条确定的延迟答复期限 {ev.until} 应晚于现行答复期限 {statutory}"
        )
    basis = (
        "条例第三十五条：申请公开政府信息的数量、频次明显超过合理范围，"
        f"于 {ev.on} 告知申请人延迟答复的合理期限"
    )
    return Deadline(ev.until, False, basis)


def _start_consultation(log: _Log, ev: Event, cal: WorkCalendar, rules: ClockRules) -> None:
    if any(
        c.kind is ev.kind and c.party == ev.party and c.answered is None for c in log.consultations
    ):
        raise ClockError(f"对“{ev.party or '同一方'}”的征求意见尚未答复，不能重复登记")
    who = "第三方" if ev.kind is EventKind.THIRD_PARTY_CONSULTED else "其他机关"
    article = "第三十二条" if ev.kind is EventKind.THIRD_PARTY_CONSULTED else "第三十四条"
    n = rules.consultation_days
    due = _due(cal, ev.on, n, f"条例{article}：{who}自收到征求意见书之日起{n}个工作日内提出意见")
    log.consultations.append(Consultation(ev.kind, ev.party, ev.on, due))


def _answer_consultation(log: _Log, ev: Event) -> None:
    started = _ANSWER_OF[ev.kind]
    for i, c in enumerate(log.consultations):
        if c.kind is started and c.party == ev.party and c.answered is None:
            log.consultations[i] = replace(c, answered=ev.on)
            return
    raise ClockError(
        f"没有待答复的征求意见（{ev.party or '未注明对象'}），不能登记{_KIND_LABELS[ev.kind]}"
    )


def _extension_days(ev: Event, rules: ClockRules) -> int:
    days = rules.max_extension_days if ev.days is None else ev.days
    if not 1 <= days <= rules.max_extension_days:
        raise ClockError(
            f"延长答复期限最长不得超过{rules.max_extension_days}个工作日（条例第三十三条），"
            f"申请延长 {days} 个工作日"
        )
    return days


_KIND_LABELS = {
    EventKind.CORRECTION_REQUESTED: "补正告知",
    EventKind.CORRECTION_RECEIVED: "收到补正",
    EventKind.THIRD_PARTY_CONSULTED: "征求第三方意见",
    EventKind.THIRD_PARTY_ANSWERED: "收到第三方意见",
    EventKind.ORGAN_CONSULTED: "征求其他机关意见",
    EventKind.ORGAN_ANSWERED: "收到其他机关意见",
    EventKind.EXTENSION_APPROVED: "延期答复",
    EventKind.LATER_DEADLINE_NOTIFIED: "告知延迟答复期限（第三十五条）",
    EventKind.FEE_NOTICE_RECEIVED: "收费通知送达",
    EventKind.FEE_PAID: "缴费",
    EventKind.ANSWERED: "答复",
    EventKind.WITHDRAWN: "撤回申请",
}


def _reply_start(received: dt.date, log: _Log) -> dt.date | None:
    """第三十条: after a 补正 request the reply period runs from the corrected application."""
    if log.correction_requested is None:
        return received
    return log.correction_received


def _latest(consultations: tuple[Consultation, ...], kind: EventKind) -> Deadline | None:
    windows = [c.answer_due for c in consultations if c.kind is kind]
    return windows[-1] if windows else None


# ---------------------------------------------------------------- pass 2: run the reply clock


def _pause_intervals(log: _Log, rules: ClockRules) -> list[tuple[dt.date, dt.date, str]]:
    """Merged ``(start, end]`` intervals of not-counted time, in order."""
    raw = [(c.started, c.ended, _CONSULT[c.kind]) for c in log.consultations]
    if rules.fee_wait_pauses_reply and log.fee_notice_received and log.fee_payment_due:
        end = log.fee_payment_due.date
        if log.fee_paid is not None:
            end = min(end, log.fee_paid)
        raw.append((log.fee_notice_received, end, "等待缴纳信息处理费"))
    merged: list[tuple[dt.date, dt.date, str]] = []
    for s, e, why in sorted(raw):
        if merged and s <= merged[-1][1]:
            ps, pe, pwhy = merged[-1]
            merged[-1] = (ps, max(pe, e), pwhy if why in pwhy else f"{pwhy}、{why}")
        else:
            merged.append((s, e, why))
    return merged


@dataclass(frozen=True)
class _Run:
    due: dt.date
    pauses: tuple[Pause, ...]
    warnings: tuple[str, ...]


def _run(
    cal: WorkCalendar,
    after: dt.date,
    budget: int,
    intervals: list[tuple[dt.date, dt.date, str]],
    extension: tuple[dt.date, int] | None,
) -> _Run:
    """Walk the reply clock: freeze the days left at each pause, resume after it.

    An extension adds its days to the days left, whenever it is approved before the due date.
    """
    anchor, remaining = after, budget  # the budget counts working days after ``after``
    due = cal.nth_working_day(anchor, remaining)
    pauses: list[Pause] = []
    warnings: list[str] = []
    pending = extension
    for s, e, why in intervals:
        if e <= anchor:
            continue
        s = max(s, anchor)
        if pending is not None and pending[0] < s:
            due, remaining = _extend(cal, anchor, remaining, due, pending)
            pending = None
        if s > due:
            pauses.append(Pause(why, s, e, 0, applied=False))
            warnings.append(f"{why}始于 {s}，答复期限已于 {due} 届满，不予扣除")
            continue
        remaining = cal.count_working_days(s, due)  # frozen at the start of the pause
        pauses.append(Pause(why, s, e, remaining, applied=True))
        anchor = e
        due = _resume(cal, anchor, remaining)
    if pending is not None:
        due, remaining = _extend(cal, anchor, remaining, due, pending)
    return _Run(due, tuple(pauses), tuple(warnings))


def _extend(
    cal: WorkCalendar, anchor: dt.date, remaining: int, due: dt.date, ext: tuple[dt.date, int]
) -> tuple[dt.date, int]:
    on, days = ext
    if on > due:
        raise ClockError(f"答复期限已于 {due} 届满，{on} 不能再决定延期（条例第三十三条）")
    remaining += days
    return cal.nth_working_day(anchor, remaining), remaining


# ---------------------------------------------------------------- helpers


def _resume(cal: WorkCalendar, end: dt.date, remaining: int) -> dt.date:
    """The due date once a pause ending on ``end`` lifts with ``remaining`` days frozen.

    With 0 frozen (the pause began on the due date) the reply is due the day the pause ends —
    or the next working day when that is a rest day: a period in working days ends on one.
    """
    if remaining == 0:
        return cal.working_day_on_or_after(end)
    return cal.nth_working_day(end, remaining)


def _lapsed(deadline: Deadline | None, on: dt.date) -> bool:
    """Past a confirmed date: the consequence (视为放弃) follows."""
    return deadline is not None and on > deadline.date and not deadline.provisional


def _unconfirmed(deadline: Deadline | None, on: dt.date) -> bool:
    return deadline is not None and on > deadline.date and deadline.provisional


def _lapse_text(what: str, deadline: Deadline | None, consequence: str) -> str:
    assert deadline is not None
    years = "、".join(str(y) for y in deadline.provisional_years)
    return (
        f"{what} {deadline.date} 已过，但该日期为暂定日期：须待国务院公布{years}年放假安排"
        f"并录入后确认，在此之前不{consequence}"
    )


def _paused_days(cal: WorkCalendar, pauses: tuple[Pause, ...]) -> int:
    return sum(cal.count_working_days(p.start, p.end) for p in pauses if p.applied)


def _paused_text(paused: int) -> str:
    return f"，征求意见等不计入期限的{paused}个工作日已扣除" if paused else ""


def _due(
    cal: WorkCalendar, start: dt.date, n: int, rule: str, *, counting: Counting | None = None
) -> Deadline:
    d = cal.add_working_days(start, n, counting=counting)
    return replace(d, basis=f"{rule}；{d.basis}")


def _waiting(since: dt.date | None, done: dt.date | None, on: dt.date) -> bool:
    """Something was asked of the applicant by ``on`` and not yet done on ``on``."""
    return since is not None and since <= on and (done is None or done > on)


def _days_after(after: dt.date, until: dt.date) -> Iterable[dt.date]:
    d = after + _ONE_DAY
    while d <= until:
        yield d
        d += _ONE_DAY
