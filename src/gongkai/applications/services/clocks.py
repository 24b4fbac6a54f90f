"""The clocks of an application: its events handed to gongkai.law.deadlines.compute_clocks."""

from __future__ import annotations

from collections.abc import Iterable

from gongkai.law.calendar import WorkCalendar
from gongkai.law.deadlines import Clocks, Event, compute_clocks
from gongkai.law.deadlines import EventKind as LawKind

from ..models import Application, ApplicationEvent, EventKind, HolidayYear

# Our events → the engine's. REGISTERED/ACCEPTED/ABANDONED move no clock.
_TO_LAW = {
    EventKind.CORRECTION_REQUESTED: LawKind.CORRECTION_REQUESTED,
    EventKind.CORRECTION_RECEIVED: LawKind.CORRECTION_RECEIVED,
    EventKind.THIRD_PARTY_CONSULTED: LawKind.THIRD_PARTY_CONSULTED,
    EventKind.THIRD_PARTY_ANSWERED: LawKind.THIRD_PARTY_ANSWERED,
    EventKind.EXTENSION_APPROVED: LawKind.EXTENSION_APPROVED,
    EventKind.ANSWERED: LawKind.ANSWERED,
    EventKind.WITHDRAWN: LawKind.WITHDRAWN,
}


def work_calendar() -> WorkCalendar:
    """The calendar with every administrator-entered year (read fresh: a new plan applies now)."""
    return WorkCalendar(plans=[h.to_plan() for h in HolidayYear.objects.all()])


def law_event(kind: str, on: object, data: dict) -> Event | None:
    law = _TO_LAW.get(EventKind(kind))
    if law is None:
        return None
    return Event(law, on, days=data.get("days"), party=data.get("party", ""))  # type: ignore[arg-type]


def law_events(events: Iterable[ApplicationEvent]) -> list[Event]:
    out = [law_event(e.kind, e.on, e.data or {}) for e in events]
    return [e for e in out if e is not None]


def clocks_for(
    application: Application,
    events: Iterable[ApplicationEvent] | None = None,
    calendar: WorkCalendar | None = None,
) -> Clocks:
    if events is None:
        events = application.events.all()
    return compute_clocks(
        application.received, law_events(events), calendar=calendar or work_calendar()
    )
