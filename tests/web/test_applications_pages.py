"""The forms: field-level Chinese errors, nothing half-saved, the demo command."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management import call_command
from django.urls import reverse

from gongkai.applications.models import Application, ApplicationEvent, Decision
from gongkai.applications.services.clocks import clocks_for

from .factories.applications import application_for


def test_register_shows_chinese_field_errors(world: Any, client_as: Any) -> None:
    client = client_as("clerk_jia")
    response = client.post(reverse("applications:register"), {"agency": world.jia.pk})
    assert response.status_code == 400
    assert "这个字段是必填项" in response.content.decode()
    assert not Application.objects.exists()


def test_register_then_numbered_per_agency_and_year(world: Any, client_as: Any) -> None:
    client = client_as("clerk_jia")
    data = {
        "agency": world.jia.pk,
        "channel": "online",
        "received": "2026-11-02",
        "applicant_type": "natural_person",
        "applicant_name": "赵六",
        "applicant_contact": "13900000000",
        "request": "2025年财政决算",
    }
    for _ in range(2):
        assert client.post(reverse("applications:register"), data).status_code == 302
    numbers = sorted(a.number for a in Application.objects.all())
    assert numbers == ["依申请〔2026〕第1号", "依申请〔2026〕第2号"]
    app = Application.objects.first()
    assert app.handler == world.user("clerk_jia")
    assert app.events.get().kind == "registered"


def test_event_form_errors_are_per_field(world: Any, client_as: Any) -> None:
    app = application_for(world.jia, received=dt.date(2026, 11, 2))
    url = reverse("applications:event", args=[app.pk])
    response = client_as("clerk_jia").post(
        url, {"kind": "correction_requested", "on": "2026-11-03"}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "请写明需要补正的事项" in body and "请填写给予申请人的补正期限" in body
    assert app.events.count() == 1


def test_engine_refusal_is_shown_and_nothing_saved(world: Any, client_as: Any) -> None:
    app = application_for(world.jia, received=dt.date(2026, 9, 1))
    client = client_as("reviewer_jia")
    url = reverse("applications:event", args=[app.pk])
    client.post(url, {"kind": "accepted", "on": "2026-09-01"})
    response = client.post(
        url, {"kind": "extension_approved", "on": "2026-11-20", "reason": "太晚了", "days": 20}
    )
    assert response.status_code == 400
    assert "不能再决定延期" in response.content.decode()
    assert app.events.count() == 2


def test_decide_through_the_page(world: Any, client_as: Any) -> None:
    app = application_for(world.jia, received=dt.date(2026, 11, 2))
    client = client_as("clerk_jia")
    url = reverse("applications:decide", args=[app.pk])
    bad = client.post(url, {"outcome": "other", "on": "2026-11-10", "reasons": "x"})
    assert bad.status_code == 400 and "2021年版" in bad.content.decode()
    assert not Decision.objects.exists() and app.events.count() == 1
    ok = client.post(url, {"outcome": "partial", "on": "2026-11-10", "reasons": "部分涉及隐私"})
    assert ok.status_code == 302
    page = client.get(reverse("applications:detail", args=[app.pk])).content.decode()
    assert "已答复" in page and "第三十七条" in page and "答复告知书" in page


def test_fee_total(world: Any, client_as: Any) -> None:
    app = application_for(world.jia, received=dt.date(2026, 11, 2))
    client = client_as("clerk_jia")
    url = reverse("applications:fee", args=[app.pk])
    r = client.post(url, {"method": "per_page", "quantity": 250, "already": 0, "on": "2026-11-05"})
    assert r.status_code == 302, r.content.decode()[-3000:]
    client.post(url, {"method": "per_item", "quantity": 15, "already": 0, "on": "2026-11-05"})
    page = client.get(reverse("applications:detail", args=[app.pk])).content.decode()
    assert 'id="fee-total">5200.00<' in page, page[page.find("fee-total") - 50 :][:200]


def test_demo_is_idempotent_and_december_is_provisional(db: None) -> None:
    call_command("load_demo_applications")
    call_command("load_demo_applications")
    apps = Application.objects.filter(agency__code="demo-beibaixiang")
    assert apps.count() == 8
    december = apps.get(request__endswith="2027年镇级重点项目计划")
    assert clocks_for(december).due.provisional
    assert december.received <= dt.date(2026, 12, 1), (
        "no demo application is received in the future"
    )
    assert ApplicationEvent.objects.filter(kind="extension_approved").count() == 2
