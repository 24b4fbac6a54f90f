"""Registering an application and recording its events — each in one transaction.

Every transition is checked against the table (lifecycle.TRANSITIONS) and the law engine
(a ClockError, e.g. a second extension, becomes a ValidationError with its Chinese message)
before anything is written: nothing is half-saved.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max

from gongkai.agencies.models import Agency
from gongkai.law.calendar import Deadline
from gongkai.law.deadlines import ClockError, Clocks, check_law_in_force

from ..lifecycle import APPLICANT_MAY, State, TransitionError, next_state, roles_for, state_of
from ..models import Application, ApplicationEvent, Decision, EventKind
from ..models.decision import check_outcome_for_date
from ..models.event import CLOSING
from ..permissions import roles_in
from .clocks import clocks_for, law_event

User = Any


def register(agency: Agency, fields: dict[str, Any], *, by: User) -> Application:
    """登记: the application, its tracking number and the REGISTERED event."""
    for attempt in range(3):
        try:
            with transaction.atomic():
                return _register(agency, fields, by)
        except IntegrityError:  # two clerks took the same serial at once: take the next
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _register(agency: Agency, fields: dict[str, Any], by: User) -> Application:
    received: dt.date = fields["received"]
    try:
        check_law_in_force(received)  # 2007 条例 before 2019-05-15: refused, never miscounted
    except ClockError as exc:
        raise ValidationError({"received": str(exc)}) from None
    last = Application.objects.filter(agency=agency, year=received.year).aggregate(m=Max("serial"))[
        "m"
    ]
    app = Application(agency=agency, year=received.year, serial=(last or 0) + 1, **fields)
    if app.handler is None and by is not None and by.is_authenticated:
        app.handler = by
    app.save()
    ApplicationEvent.objects.create(
        application=app, kind=EventKind.REGISTERED, on=received, by=_user(by), reason="登记"
    )
    return app


def current_state(application: Application) -> State:
    return state_of(application.events.values_list("kind", flat=True))


@transaction.atomic
def record_event(
    application: Application,
    kind: EventKind,
    on: dt.date,
    *,
    by: User,
    reason: str = "",
    data: dict[str, Any] | None = None,
    applicant: bool = False,
) -> ApplicationEvent:
    """Record one transition; PermissionDenied for the wrong role, ValidationError otherwise.

    ``applicant=True``: the applicant's own act through the portal (``by`` is None), allowed
    only for the kinds in lifecycle.APPLICANT_MAY (补正 online)."""
    given, application = application, Application.objects.select_for_update().get(pk=application.pk)
    data = {k: v for k, v in (data or {}).items() if v not in (None, "")}
    events = list(application.events.all())
    state = state_of(e.kind for e in events)
    try:
        next_state(state, kind)
    except TransitionError as exc:
        raise ValidationError(str(exc)) from None
    if applicant:
        if kind not in APPLICANT_MAY:
            raise PermissionDenied(f"申请人不能在线办理“{EventKind(kind).label}”")
    elif not roles_for(state, kind) & roles_in(by, application.agency):
        raise PermissionDenied(f"“{kind.label}”须由{_role_names(roles_for(state, kind))}办理")
    if events and on < events[-1].on:
        raise ValidationError({"on": f"日期不能早于上一办理事项的日期 {events[-1].on}"})
    new = ApplicationEvent(
        application=application, kind=kind, on=on, by=_user(by), reason=reason, data=data
    )
    if law_event(kind, on, data) is not None or kind in LAPSES:
        try:
            clocks = clocks_for(application, [*events, new])
        except ClockError as exc:
            raise ValidationError(str(exc)) from None
        if kind in LAPSES:
            check_lapsed(clocks, EventKind(kind), on)
    new.save()
    if kind in CLOSING:  # the stored closing date (services.closing), in the same transaction
        Application.objects.filter(pk=application.pk).update(closed_on=on)
        given.closed_on = application.closed_on = on
    return new


# The applicant's periods whose lapse closes the application (视为放弃申请).
LAPSES = {
    EventKind.ABANDONED: ("correction_due", "补正期限", "条例第三十条"),
    EventKind.FEE_UNPAID: ("fee_payment_due", "缴费期限", "国办函〔2020〕109号"),
}


def check_lapsed(clocks: Clocks, kind: EventKind, on: dt.date) -> None:
    """视为放弃申请 only after a confirmed period has run out: never on a provisional date."""
    attr, what, basis = LAPSES[kind]
    deadline: Deadline | None = getattr(clocks, attr)
    if deadline is None:
        return
    if on <= deadline.date:
        raise ValidationError(
            {"on": f"{what}至 {deadline.date} 届满，{on} 尚不能认定视为放弃申请（{basis}）"}
        )
    if deadline.provisional:
        years = "、".join(str(y) for y in deadline.provisional_years)
        raise ValidationError(
            {
                "on": f"{what} {deadline.date} 为暂定日期，须待国务院公布{years}年放假安排并录入后"
                "确认，之前不能认定视为放弃申请"
            }
        )


@transaction.atomic
def decide(
    application: Application,
    outcome: str,
    on: dt.date,
    reasons: str,
    *,
    by: User,
    reply: Any = None,
) -> Decision:
    """作出答复: the decision and the ANSWERED event, together or not at all."""
    check_outcome_for_date(outcome, on)
    record_event(
        application, EventKind.ANSWERED, on, by=by, reason=reasons, data={"outcome": outcome}
    )
    decision = Decision(application=application, outcome=outcome, on=on, reasons=reasons)
    if reply:
        decision.reply = reply
    decision.save()
    return decision


def _user(by: User) -> Any:
    return by if by is not None and getattr(by, "is_authenticated", False) else None


def _role_names(roles: frozenset) -> str:
    return "或".join(sorted(r.label for r in roles))
