"""The deadlines shown are the engine's; a newly entered holiday year moves open deadlines."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from gongkai.applications.models import Application, EventKind, HolidayYear
from gongkai.applications.services.clocks import clocks_for
from gongkai.applications.services.workflow import record_event
from gongkai.applications.services.worklist import work_list
from gongkai.law.calendar import WorkCalendar
from gongkai.law.deadlines import Event, compute_clocks
from gongkai.law.deadlines import EventKind as LawKind

from .factories.applications import application_for

E = EventKind


def _page(client: Any, app: Application) -> str:
    return client.get(reverse("applications:detail", args=[app.pk])).content.decode()


def test_page_shows_the_engine_dates_across_a_tiaoxiu_weekend(world: Any, client_as: Any) -> None:
    # 2025 国庆: 9/28 (Sun) and 10/11 (Sat) worked; the engine's docstring example.
    clerk = world.user("clerk_jia")
    app = application_for(world.jia, received=dt.date(2025, 9, 15), by=clerk)
    record_event(app, E.ACCEPTED, dt.date(2025, 9, 15), by=clerk)
    record_event(
        app, E.THIRD_PARTY_CONSULTED, dt.date(2025, 9, 26), by=clerk, data={"party": "某公司"}
    )
    record_event(
        app, E.THIRD_PARTY_ANSWERED, dt.date(2025, 10, 9), by=clerk, data={"party": "某公司"}
    )
    engine = compute_clocks(
        dt.date(2025, 9, 15),
        [
            Event(LawKind.THIRD_PARTY_CONSULTED, dt.date(2025, 9, 26), party="某公司"),
            Event(LawKind.THIRD_PARTY_ANSWERED, dt.date(2025, 10, 9), party="某公司"),
        ],
        calendar=WorkCalendar(),
    )
    assert engine.due.date == dt.date(2025, 10, 23)
    assert clocks_for(app).due == engine.due
    assert f'<td id="reply-due">{engine.reply_due}</td>' in _page(client_as("clerk_jia"), app)


def _overdue_case(world: Any) -> Application:
    clerk = world.user("clerk_jia")
    app = application_for(world.jia, received=dt.date(2026, 10, 9), by=clerk)
    record_event(app, E.ACCEPTED, dt.date(2026, 10, 9), by=clerk)
    # 20 working days; Sat 2026-10-10 is a 调休 working day in the 2026 plan
    assert clocks_for(app).due.date == dt.date(2026, 11, 5)
    return app


@pytest.mark.parametrize(
    ("today", "group", "left"),
    [
        (dt.date(2026, 11, 4), "due_soon", 1),  # the day before
        (dt.date(2026, 11, 5), "due_soon", 0),  # the due date itself
        (dt.date(2026, 11, 6), "overdue", -1),  # the day after
        (dt.date(2026, 11, 9), "overdue", -2),  # Monday after
    ],
)
def test_work_list_at_the_boundary(world: Any, today: dt.date, group: str, left: int) -> None:
    app = _overdue_case(world)
    [item] = work_list(Application.objects.filter(pk=app.pk), today)
    assert (item.group, item.days_left) == (group, left), f"on {today}"


def test_detail_page_flags_overdue_the_day_after(world: Any, client_as: Any) -> None:
    app = _overdue_case(world)
    # a fresh login each day: a session idle overnight has timed out (GONGKAI_SESSION_IDLE_MINUTES)
    with time_machine.travel(dt.datetime(2026, 11, 5, 10), tick=False):
        assert "已逾期" not in _page(client_as("clerk_jia"), app)
    with time_machine.travel(dt.datetime(2026, 11, 6, 10), tick=False):
        assert "已逾期" in _page(client_as("clerk_jia"), app)


def test_entering_2027_holidays_recomputes_open_deadlines(world: Any, client_as: Any) -> None:
    app = application_for(world.jia, received=dt.date(2026, 12, 21))
    before = clocks_for(app).due
    assert before.provisional and "暂定" in str(before)
    assert "暂定" in _page(client_as("clerk_jia"), app)
    # A (hypothetical) plan: 1/1–1/3 off, Sat 1/9 worked, 1/18 off for the test.
    HolidayYear.objects.create(
        year=2027,
        holidays="2027-01-01~2027-01-03\n2027-01-18",
        working_weekends="2027-01-09",
        source="国办发明电〔2026〕X号（测试）",
    )
    after = clocks_for(app).due
    assert not after.provisional
    engine = compute_clocks(
        dt.date(2026, 12, 21), calendar=WorkCalendar([HolidayYear.objects.get().to_plan()])
    )
    assert after == engine.due
    page = _page(client_as("clerk_jia"), app)
    assert f"{after.date.isoformat()}" in page and "暂定" not in page


def test_reminders_go_to_each_handler(world: Any) -> None:
    clerk = world.user("clerk_jia")
    clerk.email = "jia@example.org"
    clerk.save()
    _overdue_case(world)
    call_command("send_deadline_reminders", "--date", "2026-11-09")
    [message] = mail.outbox
    assert message.to == ["jia@example.org"]
    assert "已逾期" in message.body and "依申请〔2026〕第1号" in message.body
