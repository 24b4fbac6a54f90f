"""Finding things (issue 10, item 5): search, filters and pagination on every list; closed
applications with their decision and signed reply reachable; bad parameters are a 400 in
Chinese, never a 500; nothing is found outside the user's scope or by personal data."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from gongkai.applications.models import AccessLog
from gongkai.applications.services.workflow import decide
from gongkai.disclosures.models import Item
from gongkai.disclosures.services import overdue_cutoff
from gongkai.law.calendar import WorkCalendar
from gongkai.remedies.models import Case
from gongkai.report.sample import sample_report
from gongkai.reports.models import AnnualReport
from gongkai.reports.services import fill
from gongkai.site.listing import PER_PAGE

from .factories.agencies import AgencyFactory
from .factories.applications import application_for
from .factories.disclosures import item_for

pytestmark = pytest.mark.django_db


def _closed_with_reply(world: Any, settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path
    app = application_for(world.jia, received=dt.date(2026, 11, 2), request="公交线路调整方案")
    reply = ContentFile(b"%PDF-1.4 signed", name="reply.pdf")
    decide(
        app, "granted", dt.date(2026, 11, 3), "予以公开", by=world.user("clerk_jia"), reply=reply
    )
    return app


def test_closed_applications_are_listed_with_their_decision(
    world: Any, client_as: Any, settings: Any, tmp_path: Any
) -> None:
    closed = _closed_with_reply(world, settings, tmp_path)
    open_ = application_for(world.jia, request="某路段施工许可")
    client = client_as("clerk_jia")
    assert reverse("applications:all") in client.get(reverse("applications:list")).content.decode()
    page = client.get(reverse("applications:all"), {"state": "closed"})
    assert page.status_code == 200
    listed = [(a.pk, closed) for a, closed, _ in page.context["page"].object_list]
    assert listed == [(closed.pk, True)]
    text = page.content.decode()
    assert "已办结" in text and "予以公开" in text and "张**" in text and "张三丰" not in text
    opened = client.get(reverse("applications:all"), {"state": "open"}).context["page"]
    assert [(a.pk, c) for a, c, _ in opened.object_list] == [(open_.pk, False)]


def test_search_reads_number_and_request_never_personal_data(world: Any, client_as: Any) -> None:
    app = application_for(world.jia, request="公交线路调整方案")
    client = client_as("clerk_jia")

    def found(q: str) -> list[int]:
        page = client.get(reverse("applications:all"), {"q": q}).context["page"]
        return [a.pk for a, _, _ in page.object_list]

    assert found("公交线路") == [app.pk]
    assert found(f"{app.year}-{app.serial}") == [app.pk]
    assert found(app.number) == [app.pk]
    assert found("张三丰") == [] and found("13812345678") == []


def test_the_signed_reply_is_reachable_for_the_agency_staff_only(
    world: Any, client_as: Any, settings: Any, tmp_path: Any
) -> None:
    app = _closed_with_reply(world, settings, tmp_path)
    url = reverse("applications:reply", args=[app.pk])
    detail = client_as("clerk_jia").get(reverse("applications:detail", args=[app.pk]))
    assert url in detail.content.decode()
    response = client_as("clerk_jia").get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 signed"
    assert AccessLog.objects.filter(application=app, what="下载答复书").count() == 1
    supervisor = client_as("county_supervisor")
    assert url not in supervisor.get(reverse("applications:detail", args=[app.pk])).content.decode()
    assert supervisor.get(url).status_code == 403
    assert client_as("clerk_yi").get(url).status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "0"},
        {"page": "999"},
        {"state": "half"},
        {"year": "二〇二六"},
        {"received_from": "2026-13-45"},
        {"outcome": "<script>"},
        {"q": "x" * 500},
    ],
)
def test_bad_parameters_are_a_400_in_chinese(world: Any, client_as: Any, params: Any) -> None:
    response = client_as("clerk_jia").get(reverse("applications:all"), params)
    assert response.status_code == 400
    assert "有误" in response.content.decode() or "页" in response.content.decode()


def test_disclosure_items_are_searched_filtered_and_paged(world: Any, client_as: Any) -> None:
    category = item_for(world.jia, title="种子").category
    Item.objects.bulk_create(
        Item(agency=world.jia, title=f"关于第{i}批项目的公示", doc_number=f"甲政〔2026〕{i}号",
             formed_on=dt.date(2025 + i % 2, 3, 2), category=category, article_item="1",
             channels=["website"])
        for i in range(PER_PAGE + 10)
    )  # fmt: skip
    client = client_as("clerk_jia")
    url = reverse("disclosures:list", args=[world.jia.pk])
    first = client.get(url).context["page"]
    assert len(first.object_list) == PER_PAGE and first.paginator.count == PER_PAGE + 11
    second = client.get(url, {"page": "2"}).context["page"]
    assert len(second.object_list) == 11
    assert [i.doc_number for i, _, _ in client.get(url, {"q": "〔2026〕7号"}).context["page"]] == [
        "甲政〔2026〕7号"
    ]
    in_2025 = client.get(url, {"year": "2025"}).context["page"].paginator.count
    assert in_2025 == (PER_PAGE + 10) // 2
    assert client.get(url, {"status": "nonsense"}).status_code == 400
    assert client.get(url, {"category": "999999"}).status_code == 400


def test_the_report_library_has_no_500_row_cutoff(world: Any, client_as: Any) -> None:
    report = sample_report(1, fmt="2021", year=2021)
    more = [AgencyFactory(name=f"丙{i}镇人民政府", parent=world.county) for i in range(3)]
    agencies = [world.jia, world.yi, *more]
    AnnualReport.objects.bulk_create(
        fill(AnnualReport(agency=a, year=y), report) for a in agencies for y in range(1991, 2095)
    )
    client = client_as("county_supervisor")
    page = client.get(reverse("reports:list")).context["page"]
    assert page.paginator.count == 520 and page.paginator.num_pages == -(-520 // PER_PAGE)
    last = client.get(reverse("reports:list"), {"page": str(page.paginator.num_pages)})
    assert len(last.context["page"].object_list) == 520 % PER_PAGE
    by_year = client.get(reverse("reports:list"), {"q": "乙镇", "year": "2000"}).context["page"]
    assert [(r.agency.name, r.year) for r, _ in by_year.object_list] == [("乙镇人民政府", 2000)]
    assert client_as("clerk_yi").get(reverse("reports:list")).context["page"].paginator.count == 104
    assert client.get(reverse("reports:list"), {"status": "x"}).status_code == 400
    assert client.get(reverse("reports:list"), {"year": "1400"}).status_code == 400


def test_remedies_and_registers_are_filtered(world: Any, client_as: Any) -> None:
    for i in range(3):
        Case.objects.create(agency=world.jia, kind="reconsideration", number=f"复〔2026〕{i}号",
                            filed_on=dt.date(2026, 5, 1 + i))  # fmt: skip
    client = client_as("clerk_jia")
    url = reverse("remedies:list", args=[world.jia.pk])
    page = client.get(url, {"q": "〔2026〕1号"}).context["page"]
    assert [c.number for c in page.object_list] == ["复〔2026〕1号"]
    assert client.get(url, {"result": "pending"}).context["page"].paginator.count == 3
    assert client.get(url, {"filed_from": "2026-05-02"}).context["page"].paginator.count == 2
    assert client.get(url, {"kind": "nope"}).status_code == 400
    registers = reverse("disclosures:registers", args=[world.jia.pk])
    assert client.get(registers).status_code == 200
    assert client.get(registers, {"subject": "nope"}).status_code == 400


@pytest.mark.parametrize(
    "today", [dt.date(2026, 1, 5), dt.date(2026, 2, 27), dt.date(2026, 10, 9), dt.date(2026, 12, 1)]
)
def test_the_overdue_cutoff_agrees_with_every_items_deadline(today: dt.date) -> None:
    """One date answers “overdue?” for every item (around 春节 and 国庆 too)."""
    calendar = WorkCalendar()
    cutoff = overdue_cutoff(today, calendar)
    for back in range(1, 90):
        formed = today - dt.timedelta(days=back)
        late = calendar.add_working_days(formed, 20).date < today
        assert late == (formed <= cutoff), formed


def test_overdue_items_are_counted_and_the_longest_shown(world: Any, client_as: Any) -> None:
    category = item_for(world.jia, title="种子", formed_on=dt.date.today()).category
    Item.objects.bulk_create(
        Item(agency=world.jia, title=f"逾期{i}", formed_on=dt.date(2025, 1, 2) + dt.timedelta(days=i),
             category=category, article_item="1", channels=["website"])
        for i in range(30)
    )  # fmt: skip
    page = client_as("clerk_jia").get(reverse("disclosures:list", args=[world.jia.pk]))
    assert page.context["overdue_count"] == 30
    assert [i.title for i, _, _ in page.context["overdue"]] == [f"逾期{i}" for i in range(20)]
    assert "逾期未公开 30 条" in page.content.decode()
