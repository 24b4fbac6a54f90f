"""The clerk's work list (待办): every clock of every open application, derived on read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from gongkai.law.calendar import Deadline, WorkCalendar
from gongkai.law.deadlines import ClockError, Clocks
from gongkai.law.deadlines import EventKind as LawKind

from ..lifecycle import State, state_of
from ..models import Application, ApplicationEvent
from .clocks import Calendars, clocks_for

DUE_SOON_DAYS = 5  # working days


@dataclass(frozen=True)
class Item:
    application: Application
    state: State
    clock: str  # which clock this line is about
    due: Deadline | None
    days_left: int | None
    group: str  # "overdue" | "due_soon" | "waiting" | "running"


GROUPS = {
    "overdue": "已逾期",
    "due_soon": f"{DUE_SOON_DAYS}个工作日内到期",
    "waiting": "等待申请人或第三方",
    "running": "办理中",
}


def open_applications(qs: QuerySet[Application]) -> QuerySet[Application]:
    return (
        qs.filter(closed_on__isnull=True)  # services.closing
        .select_related("agency")
        .prefetch_related(
            Prefetch("events", queryset=ApplicationEvent.objects.order_by("on", "pk"))
        )
    )


def work_list(
    qs: QuerySet[Application], today: dt.date, calendar: WorkCalendar | None = None
) -> list[Item]:
    """Every open application's nearest clock; each agency's own calendar unless one is given."""
    calendars = Calendars()
    items = [
        _item(app, today, calendar or calendars.for_agency(app.agency))
        for app in open_applications(qs)
    ]
    order = list(GROUPS)
    return sorted(items, key=lambda i: (order.index(i.group), i.due.date if i.due else dt.date.max))


def _item(app: Application, today: dt.date, cal: WorkCalendar) -> Item:
    events = list(app.events.all())
    state = state_of(e.kind for e in events)
    try:
        clocks = clocks_for(app, events, cal)
    except ClockError:  # stored events the engine now refuses: show, never hide
        return Item(app, state, "办理期限无法计算", None, None, "overdue")
    return _classify(app, state, clocks, today, cal)


def _classify(
    app: Application, state: State, clocks: Clocks, today: dt.date, cal: WorkCalendar
) -> Item:
    if state == State.REGISTERED and clocks.correction_requested is None:
        # Two clocks run: the 7-day 补正 notice and the reply; show the nearer one.
        notice = clocks.correction_notice_due
        if today <= notice.date:
            left = cal.count_working_days(today, notice.date)
            group = "due_soon" if left <= DUE_SOON_DAYS else "running"
            return Item(app, state, "补正告知期限（第三十条）", notice, left, group)
    if state == State.AWAITING_CORRECTION:
        due = clocks.correction_due
        return Item(app, state, "申请人补正期限", due, None, "waiting")
    if state == State.AWAITING_FEE:
        return Item(app, state, "申请人缴费期限", clocks.fee_payment_due, None, "waiting")
    if state == State.CONSULTING:
        label, window = _open_window(clocks)
        return Item(app, state, label, window, None, "waiting")
    due = clocks.due
    left = clocks.days_left(today)
    label = _due_label(clocks)
    if clocks.is_overdue(today):
        return Item(app, state, label, due, left, "overdue")
    group = "due_soon" if left is not None and left <= DUE_SOON_DAYS else "running"
    return Item(app, state, label, due, left, group)


def _due_label(clocks: Clocks) -> str:
    if clocks.later_due:
        return "延迟答复期限（第三十五条）"
    return "延期后答复期限" if clocks.extended_due else "答复期限（第三十三条）"


def _open_window(clocks: Clocks) -> tuple[str, Deadline | None]:
    """The answer window of the latest consultation still waiting for an answer."""
    waiting = [c for c in clocks.consultations if c.answered is None] or list(clocks.consultations)
    if not waiting:
        return "征求意见答复期限", None
    c = waiting[-1]
    if c.kind is LawKind.THIRD_PARTY_CONSULTED:
        return "第三方答复期限（第三十二条）", c.answer_due
    return "其他机关答复期限（第三十四条）", c.answer_due
