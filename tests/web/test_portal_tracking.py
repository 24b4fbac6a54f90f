"""Tracking with number + code (no account): state, due date, notices as .docx; 补正 online
restarts the reply period; wrong codes are counted; no personal data on a public page; every
staff view of the applicant's data stays logged."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from gongkai.applications.models import AccessLog, EventKind
from gongkai.applications.services.clocks import clocks_for
from gongkai.applications.services.notices import docx_text
from gongkai.applications.services.workflow import decide, record_event

from .factories.disclosures import published_item
from .factories.portal import online_application

pytestmark = pytest.mark.django_db

RECEIVED = dt.datetime(2025, 9, 26, 10, 0, tzinfo=dt.UTC)  # Fri 2025-09-26 in Beijing


def _login(client: Any, filed: Any, code: str | None = None) -> Any:
    data = {"number": filed.online.tracking_number, "code": code or filed.code}
    return client.post(reverse("portal:track"), data)


def test_number_and_code_open_the_status_page(client: Any, world: Any) -> None:
    with time_machine.travel(RECEIVED, tick=False):
        filed = online_application(world.jia)
    response = _login(client, filed)
    assert response["Location"] == reverse("portal:tracked", kwargs={"pk": filed.online.pk})
    html = client.get(response["Location"]).content.decode()
    assert "已登记" in html and "2025-10-30" in html  # 20 working days across 国庆
    assert "登记回执（受理通知）" in html


def test_the_code_may_be_typed_loosely(client: Any, world: Any) -> None:
    filed = online_application(world.jia)
    loose = filed.code.replace("-", " ").lower()
    number = filed.online.tracking_number.replace("-", "").lower()
    response = client.post(reverse("portal:track"), {"number": number, "code": loose})
    assert response.status_code == 302


def test_a_wrong_code_or_number_says_the_same_and_is_counted(
    client: Any, world: Any, settings: Any
) -> None:
    settings.GONGKAI_PORTAL_TRACKING_FAILURES_PER_IP = 2
    filed = online_application(world.jia)
    wrong = _login(client, filed, code="AAAA-BBBB-CCCC")
    assert wrong.status_code == 400 and "查询号或查询码不正确" in wrong.content.decode()
    unknown = client.post(reverse("portal:track"), {"number": "GK-2222-3333", "code": filed.code})
    assert "查询号或查询码不正确" in unknown.content.decode()
    blocked = _login(client, filed)  # even the right pair: the IP is over its limit
    assert blocked.status_code == 429 and "查询失败次数过多" in blocked.content.decode()


def test_without_the_code_nothing_is_shown(client: Any, world: Any) -> None:
    filed = online_application(world.jia)
    pk = filed.online.pk
    for name in ("portal:tracked", "portal:notice"):
        response = client.get(reverse(name, kwargs={"pk": pk}))
        assert response.status_code == 302 and response["Location"] == reverse("portal:track")


def test_correction_online_restarts_the_clock(client: Any, world: Any) -> None:
    clerk = world.user("clerk_jia")
    with time_machine.travel(RECEIVED, tick=False):
        filed = online_application(world.jia)
    app = filed.application
    record_event(
        app,
        EventKind.CORRECTION_REQUESTED,
        dt.date(2025, 9, 29),
        by=clerk,
        reason="请写明道路名称和工程年度",
        data={"days": 15, "unit": "working_days"},
    )
    with time_machine.travel(dt.datetime(2025, 10, 9, 2, 0, tzinfo=dt.UTC), tick=False):
        _login(client, filed)
        page = client.get(reverse("portal:tracked", kwargs={"pk": filed.online.pk}))
        html = page.content.decode()
        assert "需补正" in html and "请写明道路名称和工程年度" in html and "在线补正" in html
        url = reverse("portal:correct", kwargs={"pk": filed.online.pk})
        empty = client.post(url, {"text": ""})
        assert empty.status_code == 400 and "请填写补正内容" in empty.content.decode()
        assert client.post(url, {"text": "人民路，2025年度"}).status_code == 302
        html = client.get(
            reverse("portal:tracked", kwargs={"pk": filed.online.pk})
        ).content.decode()
    event = app.events.get(kind=EventKind.CORRECTION_RECEIVED)
    assert (
        event.on == dt.date(2025, 10, 9) and event.by is None and event.reason == "人民路，2025年度"
    )
    # 20 working days from Thu 2025-10-09 (Sat 10-11 is a 调休 working day): Wed 2025-11-05
    assert "已补正" in html and "2025-11-05" in html and "申请人在线提交补正" in html
    assert "在线补正</h2>" not in html  # nothing more to correct


def test_the_applicant_may_record_only_a_correction(world: Any) -> None:
    filed = online_application(world.jia)
    with pytest.raises(PermissionDenied):
        record_event(
            filed.application, EventKind.ACCEPTED, dt.date.today(), by=None, applicant=True
        )


def test_the_reply_notice_downloads_as_docx(client: Any, world: Any) -> None:
    filed = online_application(world.jia)
    clerk = world.user("clerk_jia")
    record_event(filed.application, EventKind.ACCEPTED, dt.date.today(), by=clerk)
    decide(filed.application, "granted", dt.date.today(), "予以公开，见附件。", by=clerk)
    _login(client, filed)
    html = client.get(reverse("portal:tracked", kwargs={"pk": filed.online.pk})).content.decode()
    assert "已答复" in html and "答复告知书（Word）" in html
    url = reverse("portal:notice", kwargs={"pk": filed.online.pk})
    response = client.get(url, {"kind": "reply"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    text = docx_text(response.content)
    assert "甲镇人民政府" in text and "予以公开，见附件。" in text
    assert client.get(url, {"kind": "third_party"}).status_code == 404
    assert client.get(url, {"kind": "nonsense"}).status_code == 404
    assert client.get(url, {"kind": "extension"}).status_code == 409  # none was approved


def test_personal_data_is_on_no_public_page(client: Any, world: Any) -> None:
    filed = online_application(world.jia)
    published_item(world.jia, world.user("clerk_jia"), world.user("reviewer_jia"))
    pages = [
        reverse("portal:index"),
        reverse("portal:reports"),
        reverse("portal:agency", kwargs={"pk": world.jia.pk}),
        reverse("portal:catalogue", kwargs={"pk": world.jia.pk}),
        reverse("portal:agency_reports", kwargs={"pk": world.jia.pk}),
        reverse("portal:sitemap_pages"),
        reverse("portal:sitemap_agencies"),
        reverse("portal:sitemap_items"),
    ]
    secrets = ("王小明", "11010519491231002X", "13900001111", "wang@example.org", filed.code)
    for url in pages:
        html = client.get(url).content.decode()
        for secret in secrets:
            assert secret not in html, (url, secret)
    # the applicant's own page shows no identity number, phone or e-mail either
    _login(client, filed)
    own = client.get(reverse("portal:tracked", kwargs={"pk": filed.online.pk})).content.decode()
    for secret in secrets:
        assert secret not in own


def test_staff_views_of_the_applicant_data_are_logged(client_as: Any, world: Any) -> None:
    filed = online_application(world.jia)
    client = client_as("clerk_jia")
    before = AccessLog.objects.filter(application=filed.application).count()
    response = client.get(reverse("applications:personal", kwargs={"pk": filed.application.pk}))
    assert response.status_code == 200 and "王小明" in response.content.decode()
    assert AccessLog.objects.filter(application=filed.application).count() == before + 1


def _row(html: str, number: str) -> str:
    row = html[html.index(number) :]
    return row[: row.index("</tr>")]


def test_it_arrives_in_the_clerks_work_list_with_its_due_dates(client_as: Any, world: Any) -> None:
    client = client_as("clerk_jia")
    with time_machine.travel(RECEIVED, tick=False):
        filed = online_application(world.jia)
        number = filed.application.number
        row = _row(client.get(reverse("applications:list")).content.decode(), number)
        # first the 7 working days to ask for a 补正 (第三十条), from the day of receipt
        assert "补正告知期限" in row and "2025-10-13" in row and "王**" in row
        record_event(
            filed.application, EventKind.ACCEPTED, dt.date(2025, 9, 26), by=world.user("clerk_jia")
        )
        row = _row(client.get(reverse("applications:list")).content.decode(), number)
    assert "2025-10-30" in row  # then the reply, 20 working days (第三十三条)


def test_a_due_date_in_an_unannounced_year_is_marked_provisional(client: Any, world: Any) -> None:
    with time_machine.travel(dt.datetime(2026, 12, 21, 2, 0, tzinfo=dt.UTC), tick=False):
        filed = online_application(world.jia)
        _login(client, filed)
        html = client.get(
            reverse("portal:tracked", kwargs={"pk": filed.online.pk})
        ).content.decode()
    due = clocks_for(filed.application).due
    assert due is not None and due.date.year == 2027 and due.provisional
    assert "暂定，待国务院公布 2027 年放假安排后重算" in html
