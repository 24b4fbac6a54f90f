"""The 第二十六条 deadline as WorkCalendar gives it, the monthly hand-over and 季报 XLSX."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from gongkai.disclosures.models import Item
from gongkai.law.calendar import WorkCalendar

from .factories.disclosures import item_for, published_item

pytestmark = pytest.mark.django_db


def test_deadline_shown_is_workcalendar(world: Any, client_as: Any) -> None:
    item = item_for(world.jia, formed_on=dt.date(2026, 9, 25))  # across the National Day holiday
    expected = WorkCalendar().add_working_days(dt.date(2026, 9, 25), 20)
    page = client_as("clerk_jia").get(reverse("disclosures:detail", kwargs={"pk": item.pk}))
    assert f"{expected.date:%Y-%m-%d}{expected.note}" in page.content.decode()
    late = item_for(world.jia, title="跨年信息", formed_on=dt.date(2026, 12, 20))
    deadline = WorkCalendar().add_working_days(late.formed_on, 20)
    page = client_as("clerk_jia").get(reverse("disclosures:detail", kwargs={"pk": late.pk}))
    assert f"{deadline.date:%Y-%m-%d}{deadline.note}" in page.content.decode()


def test_overdue_listed_on_the_day_after_the_deadline(world: Any, client_as: Any) -> None:
    item = item_for(world.jia, title="逾期测试", formed_on=dt.date(2026, 3, 2))
    due = WorkCalendar().add_working_days(item.formed_on, 20).date
    url = reverse("disclosures:list", kwargs={"pk": world.jia.pk})
    for day, overdue in (
        (due - dt.timedelta(days=1), False),
        (due, False),
        (due + dt.timedelta(days=1), True),
    ):
        with time_machine.travel(dt.datetime.combine(day, dt.time(12)), tick=False):
            body = client_as("clerk_jia").get(url).content.decode()
        section = body.split("全部信息")[0]
        assert ("逾期测试" in section) is overdue, f"on {day} (due {due})"


def _sheet(data: bytes) -> list[tuple[Any, ...]]:
    return list(openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))


def test_monthly_export_lists_items_published_in_the_month(world: Any, client_as: Any) -> None:
    clerk, reviewer = world.user("clerk_jia"), world.user("reviewer_jia")
    published_item(
        world.jia,
        clerk,
        reviewer,
        title="三月的",
        doc_number="甲政〔2026〕1号",
        channels=["website", "board"],
    )
    published_item(world.jia, clerk, reviewer, title="四月的", published_on=dt.date(2026, 4, 1))
    item_for(world.jia, title="草稿")
    url = reverse("disclosures:monthly_xlsx", kwargs={"pk": world.jia.pk})
    response = client_as("county_supervisor").get(url, {"month": "2026-03"})
    rows = _sheet(response.content)
    assert rows[1][:3] == ("序号", "标题", "文号")
    assert rows[2][:3] == (1, "三月的", "甲政〔2026〕1号")
    assert rows[2][6:8] == ("2026-03-10", "政府网站、公开栏")
    assert len(rows) == 3


def test_quarterly_statistics_page_and_xlsx(world: Any, client_as: Any) -> None:
    clerk, reviewer = world.user("clerk_jia"), world.user("reviewer_jia")
    published_item(world.jia, clerk, reviewer, title="一", channels=["website", "new_media"])
    published_item(world.jia, clerk, reviewer, title="二", published_on=dt.date(2026, 5, 6))
    period = {"first": "2026-01-01", "last": "2026-03-31"}
    page = client_as("clerk_jia").get(
        reverse("disclosures:stats", kwargs={"pk": world.jia.pk}), period
    )
    assert '<strong id="total">1</strong>' in page.content.decode()
    response = client_as("clerk_jia").get(
        reverse("disclosures:stats_xlsx", kwargs={"pk": world.jia.pk}), period
    )
    rows = _sheet(response.content)
    assert rows[1] == ("公开总数", 1)
    assert ("机构职能", 1) in rows and ("政务新媒体", 1) in rows and ("政府公报", 0) in rows
    bad = client_as("clerk_jia").get(
        reverse("disclosures:stats", kwargs={"pk": world.jia.pk}),
        {"first": "2026-04-01", "last": "2026-01-01"},
    )
    assert bad.status_code == 400 and "截止日期不能早于起始日期" in bad.content.decode()


def test_demo_command_is_idempotent() -> None:
    call_command("load_demo_disclosures")
    call_command("load_demo_disclosures")
    items = Item.objects.filter(agency__code="demo-beibaixiang")
    assert items.count() == 10 and {i.status for i in items} == {"published"}
    assert len({i.category_id for i in items}) >= 8
    from gongkai.disclosures.services import part_two
    from gongkai.remedies.services import part_four

    agency = items[0].agency
    assert part_two(agency, 2026)["active.licensing.decisions"] == 78
    assert part_four(agency, 2026)["remedy.reconsideration.upheld"] == 1
