"""The stored closing date (``Application.closed_on``): set with the closing event in the same
transaction, never by an event that does not close, and refilled from the events exactly as
``record_event`` keeps it (the migration that added the column runs ``fill_closed_on``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from gongkai.applications.models import Application, ApplicationEvent, EventKind
from gongkai.applications.services.closing import fill_closed_on
from gongkai.applications.services.workflow import decide, record_event
from gongkai.applications.services.worklist import open_applications

from .factories.applications import application_for

pytestmark = pytest.mark.django_db
D = dt.date


def _stored(app: Application) -> dt.date | None:
    return Application.objects.values_list("closed_on", flat=True).get(pk=app.pk)


def test_each_closing_event_stores_its_date_and_others_do_not(world: Any) -> None:
    clerk = world.user("clerk_jia")
    answered = application_for(world.jia, received=D(2025, 3, 3))
    withdrawn = application_for(world.jia, received=D(2025, 3, 3))
    unpaid = application_for(world.jia, received=D(2025, 3, 3))
    still_open = application_for(world.jia, received=D(2025, 3, 3))
    for app in (answered, unpaid, still_open):
        record_event(app, EventKind.ACCEPTED, D(2025, 3, 4), by=clerk)
    assert _stored(still_open) is None
    decide(answered, "granted", D(2025, 3, 10), "予以公开", by=clerk)
    record_event(withdrawn, EventKind.WITHDRAWN, D(2025, 3, 5), by=clerk)
    record_event(unpaid, EventKind.FEE_NOTICE_RECEIVED, D(2025, 3, 10), by=clerk)
    assert _stored(unpaid) is None
    record_event(unpaid, EventKind.FEE_UNPAID, D(2025, 4, 9), by=clerk)
    assert [_stored(a) for a in (answered, withdrawn, unpaid, still_open)] == [
        D(2025, 3, 10),
        D(2025, 3, 5),
        D(2025, 4, 9),
        None,
    ]
    assert answered.closed_on == D(2025, 3, 10)  # the caller's object is kept too
    mine = Application.objects.filter(agency=world.jia)
    assert list(open_applications(mine)) == [still_open]


def test_a_refused_closing_event_stores_no_date(world: Any) -> None:
    clerk = world.user("clerk_jia")
    app = application_for(world.jia, received=D(2025, 3, 3))
    record_event(app, EventKind.ACCEPTED, D(2025, 3, 4), by=clerk)
    record_event(app, EventKind.FEE_NOTICE_RECEIVED, D(2025, 3, 10), by=clerk)
    with pytest.raises(Exception, match="缴费期限"):
        record_event(app, EventKind.FEE_UNPAID, D(2025, 4, 8), by=clerk)  # the period still runs
    assert _stored(app) is None


def test_fill_reproduces_what_record_event_kept(world: Any) -> None:
    clerk = world.user("clerk_jia")
    closed = application_for(world.jia, received=D(2025, 3, 3))
    decide(closed, "granted", D(2025, 3, 12), "予以公开", by=clerk)
    other_agency = application_for(world.yi, received=D(2025, 3, 3))
    record_event(other_agency, EventKind.WITHDRAWN, D(2025, 3, 6), by=world.user("clerk_yi"))
    left_open = application_for(world.jia, received=D(2025, 3, 3))
    kept = dict(Application.objects.values_list("pk", "closed_on"))
    Application.objects.update(closed_on=D(1999, 1, 1))  # as if lost or never filled
    assert fill_closed_on(Application.objects.all(), ApplicationEvent.objects.all()) == 2
    assert dict(Application.objects.values_list("pk", "closed_on")) == kept
    assert kept[left_open.pk] is None and kept[closed.pk] == D(2025, 3, 12)
    assert kept[other_agency.pk] == D(2025, 3, 6)


def test_the_migration_fills_the_column_from_the_events(world: Any) -> None:
    from importlib import import_module

    from django.apps import apps

    migration = import_module("gongkai.applications.migrations.0004_application_closed_on")
    app = application_for(world.jia, received=D(2025, 3, 3))
    record_event(app, EventKind.WITHDRAWN, D(2025, 3, 9), by=world.user("clerk_jia"))
    Application.objects.update(closed_on=None)  # as the column stood when it was added
    migration.fill(apps, None)
    assert _stored(app) == D(2025, 3, 9)
