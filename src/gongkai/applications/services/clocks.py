"""The clocks of an application: its events handed to gongkai.law.deadlines.compute_clocks.

Everything the app records that moves a clock goes to the engine: 补正 (with the unit the
notice states), consultations of third parties (第三十二条) and of other organs (第三十四条), the
fee notice and payment, the extension and the 第三十五条 later deadline. The calendar is the
national one with the administrator's holiday plans, plus the rest days of the agency's region.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from gongkai.agencies.models import Agency
from gongkai.law.calendar import RegionalRestDays, WorkCalendar, YearPlan
from gongkai.law.deadlines import Clocks, Event, Unit, compute_clocks
from gongkai.law.deadlines import EventKind as LawKind

from ..models import Application, ApplicationEvent, EventKind, HolidayYear, RegionalRestDay

# Our events → the engine's. REGISTERED/ACCEPTED and the closing lapses move no clock.
_TO_LAW = {
    EventKind.CORRECTION_REQUESTED: LawKind.CORRECTION_REQUESTED,
    EventKind.CORRECTION_RECEIVED: LawKind.CORRECTION_RECEIVED,
    EventKind.THIRD_PARTY_CONSULTED: LawKind.THIRD_PARTY_CONSULTED,
    EventKind.THIRD_PARTY_ANSWERED: LawKind.THIRD_PARTY_ANSWERED,
    EventKind.ORGAN_CONSULTED: LawKind.ORGAN_CONSULTED,
    EventKind.ORGAN_ANSWERED: LawKind.ORGAN_ANSWERED,
    EventKind.FEE_NOTICE_RECEIVED: LawKind.FEE_NOTICE_RECEIVED,
    EventKind.FEE_PAID: LawKind.FEE_PAID,
    EventKind.EXTENSION_APPROVED: LawKind.EXTENSION_APPROVED,
    EventKind.LATER_DEADLINE_NOTIFIED: LawKind.LATER_DEADLINE_NOTIFIED,
    EventKind.ANSWERED: LawKind.ANSWERED,
    EventKind.WITHDRAWN: LawKind.WITHDRAWN,
}


class Calendars:
    """One calendar per agency, from the plans and regional rest days read once."""

    def __init__(self) -> None:
        self.plans: list[YearPlan] = [h.to_plan() for h in HolidayYear.objects.all()]
        self.regional: dict[int, list[RegionalRestDays]] = {}
        for r in RegionalRestDay.objects.select_related("agency"):
            self.regional.setdefault(r.agency_id, []).append(r.to_rest_days())
        self._by_agency: dict[int | None, WorkCalendar] = {}

    def for_agency(self, agency: Agency | None) -> WorkCalendar:
        key = agency.pk if agency is not None else None
        if key not in self._by_agency:
            self._by_agency[key] = WorkCalendar(self.plans, regional=self._regional_of(agency))
        return self._by_agency[key]

    def _regional_of(self, agency: Agency | None) -> list[RegionalRestDays]:
        """The agency's own regional days and those entered for the agencies above it."""
        if agency is None:
            return []
        ids = [*agency.ancestor_ids(), agency.pk]
        return [r for pk in ids for r in self.regional.get(pk, [])]


def work_calendar(agency: Agency | None = None) -> WorkCalendar:
    """The calendar of ``agency``'s clocks (read fresh: a new plan applies now)."""
    return Calendars().for_agency(agency)


def law_event(kind: str, on: Any, data: dict[str, Any]) -> Event | None:
    law = _TO_LAW.get(EventKind(kind))
    if law is None:
        return None
    until = data.get("until")
    return Event(
        law,
        on,
        days=data.get("days"),
        party=data.get("party", ""),
        unit=Unit(data.get("unit") or Unit.WORKING_DAYS),
        until=dt.date.fromisoformat(until) if isinstance(until, str) else until,
    )


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
    cal = calendar or work_calendar(application.agency)
    return compute_clocks(application.received, law_events(events), calendar=cal)
