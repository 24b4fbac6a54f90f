"""网络申请: registered with channel 网络在线 on the day the system confirms it (第三十一条),
number and code shown once and e-mailed, the code stored only hashed; field errors in Chinese;
the honeypot, the rate limits and the attachment rules each refuse without registering."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications.models import Application, Channel, EventKind
from gongkai.applications.services.clocks import clocks_for
from gongkai.portal.models import OnlineRequest, RateEvent

pytestmark = pytest.mark.django_db

PERSON = {
    "applicant_kind": "person",
    "name": "王小明",
    "id_type": "居民身份证",
    "id_number": "11010519491231002X",
    "phone": "13900001111",
    "email": "wang@example.org",
    "description": "2025年本镇道路维修工程的招标文件",
    "delivery": "电子",
}
ORGANISATION = {
    "applicant_kind": "organisation",
    "org_type": "research",
    "org_name": "某大学法学院",
    "credit_code": "91350100M000100Y43",
    "contact_person": "李老师",
    "phone": "0591-87654321",
    "email": "li@example.edu.cn",
    "description": "2025年政府信息公开工作年度报告的原始统计表",
    "purpose": "学术研究",
    "delivery": "邮寄",
    "address": "福州市大学路1号",
    "postal_code": "350001",
}


def _apply(client: Any, world: Any, data: dict[str, Any], **extra: Any) -> Any:
    return client.post(reverse("portal:apply", kwargs={"pk": world.jia.pk}), data, **extra)


@time_machine.travel(dt.datetime(2025, 9, 26, 10, 0, tzinfo=dt.UTC), tick=False)
def test_an_online_application_is_registered_received_today(client: Any, world: Any) -> None:
    response = _apply(client, world, PERSON)
    assert response.status_code == 302 and response["Location"] == reverse("portal:applied")
    app = Application.objects.get()
    assert app.agency == world.jia and app.channel == Channel.ONLINE
    assert app.received == dt.date(2025, 9, 26)  # the day the system confirmed receipt
    assert app.applicant_name == "王小明" and app.applicant_id_number == "11010519491231002X"
    assert "wang@example.org" in app.applicant_contact and app.delivery == "电子"
    assert list(app.events.values_list("kind", flat=True)) == [EventKind.REGISTERED]
    # 20 working days from Fri 2025-09-26 across 国庆 (docs/deadlines.md): Thu 2025-10-30
    assert clocks_for(app).due.date == dt.date(2025, 10, 30)

    page = client.get(reverse("portal:applied")).content.decode()
    number = re.search(r'id="tracking-number">([^<]+)<', page).group(1)
    code = re.search(r'id="access-code">([^<]+)<', page).group(1)
    online = OnlineRequest.objects.get()
    assert online.tracking_number == number
    assert code not in online.code_hash and online.code_hash.startswith(("md5$", "pbkdf2"))
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["wang@example.org"]
    assert number in mail.outbox[0].body and code in mail.outbox[0].body
    # shown once: a reload goes to the tracking form
    assert client.get(reverse("portal:applied"))["Location"] == reverse("portal:track")


def test_an_organisation_applies_as_its_part_three_column(client: Any, world: Any) -> None:
    assert _apply(client, world, ORGANISATION).status_code == 302
    app = Application.objects.get()
    assert app.applicant_type == "research" and app.applicant_name == "某大学法学院"
    assert app.applicant_id_number == "91350100M000100Y43"
    assert "用途：学术研究" in app.request and "福州市大学路1号" in app.applicant_contact


@pytest.mark.parametrize(
    ("data", "field_error"),
    [
        ({}, "请选择申请人是自然人还是法人或者其他组织"),
        ({}, "请描述申请公开的政府信息"),
        ({}, "请填写电子邮箱，用于接收查询号和查询码"),
        ({**PERSON, "name": ""}, "请填写姓名"),
        ({**PERSON, "id_number": "110105194912310021"}, "居民身份证号码不正确"),
        ({**PERSON, "phone": "电话"}, "联系电话只能包含数字"),
        ({**PERSON, "email": "not-an-address"}, "电子邮箱格式不正确"),
        ({**PERSON, "delivery": "邮寄"}, "选择邮寄的，请填写通信地址"),
        ({**ORGANISATION, "credit_code": "91350100M000100Y44"}, "统一社会信用代码不正确"),
        ({**ORGANISATION, "org_type": ""}, "请选择组织类别"),
        ({**ORGANISATION, "postal_code": "3500"}, "邮政编码应为 6 位数字"),
    ],
)
def test_field_errors_are_chinese(client: Any, world: Any, data: Any, field_error: str) -> None:
    response = _apply(client, world, data)
    assert response.status_code == 400
    assert field_error in response.content.decode()
    assert not Application.objects.exists()


def test_the_honeypot_registers_nothing(client: Any, world: Any) -> None:
    response = _apply(client, world, {**PERSON, "website": "http://spam.example"})
    assert response.status_code == 400
    assert "提交未能受理" in response.content.decode()
    assert not Application.objects.exists() and not RateEvent.objects.exists()
    assert not mail.outbox


def test_the_honeypot_is_hidden_from_screen_readers_and_the_tab_order(
    client: Any, world: Any
) -> None:
    html = client.get(reverse("portal:apply", kwargs={"pk": world.jia.pk})).content.decode()
    block = re.search(r'<div class="hp" aria-hidden="true">(.*?)</div>\s*</div>', html, re.S)
    assert block is not None
    assert 'name="website"' in block.group(1) and 'tabindex="-1"' in block.group(1)


def test_rate_limit_per_ip(client: Any, world: Any, settings: Any) -> None:
    settings.GONGKAI_PORTAL_APPLICATIONS_PER_IP = 2
    for i in range(2):
        data = {**PERSON, "email": f"p{i}@example.org", "phone": f"1390000000{i}"}
        assert _apply(client, world, data).status_code == 302
    response = _apply(client, world, {**PERSON, "email": "p9@example.org", "phone": "13900000009"})
    assert response.status_code == 429
    assert "同一网络地址每日最多提交 2 件网络申请" in response.content.decode()
    assert Application.objects.count() == 2
    other = _apply(client, world, {**PERSON, "email": "p8@example.org"}, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302


def test_rate_limit_per_email_and_per_phone(client: Any, world: Any, settings: Any) -> None:
    settings.GONGKAI_PORTAL_APPLICATIONS_PER_CONTACT = 1
    assert _apply(client, world, PERSON, REMOTE_ADDR="198.51.100.1").status_code == 302
    same_email = _apply(
        client, world, {**PERSON, "phone": "13700000000"}, REMOTE_ADDR="198.51.100.2"
    )
    assert same_email.status_code == 429
    assert "同一电子邮箱每日最多提交 1 件" in same_email.content.decode()
    same_phone = _apply(
        client, world, {**PERSON, "email": "x@example.org"}, REMOTE_ADDR="198.51.100.3"
    )
    assert same_phone.status_code == 429
    assert "同一联系电话每日最多提交 1 件" in same_phone.content.decode()
    assert Application.objects.count() == 1


def test_the_rate_ledger_holds_no_address(client: Any, world: Any) -> None:
    _apply(client, world, PERSON)
    keys = " ".join(RateEvent.objects.values_list("key", flat=True))
    assert RateEvent.objects.count() == 3
    assert "127.0.0.1" not in keys and "wang@example.org" not in keys and "13900001111" not in keys


def test_a_day_later_the_limit_is_free_again(client: Any, world: Any, settings: Any) -> None:
    settings.GONGKAI_PORTAL_APPLICATIONS_PER_IP = 1
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)):
        assert _apply(client, world, PERSON).status_code == 302
        assert _apply(client, world, {**PERSON, "email": "b@example.org"}).status_code == 429
    with time_machine.travel(dt.datetime(2026, 3, 3, 9, 1, tzinfo=dt.UTC)):
        assert _apply(client, world, {**PERSON, "email": "b@example.org"}).status_code == 302


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("run.exe", b"MZ\x90\x00", "附件只能是 PDF、Word（.docx）、JPG 或 PNG 文件"),
        ("fake.pdf", b"<html>not a pdf</html>", "附件内容不是 .pdf 文件"),
    ],
)
def test_attachment_types(client: Any, world: Any, name: str, content: bytes, error: str) -> None:
    upload = SimpleUploadedFile(name, content)
    response = _apply(client, world, {**PERSON, "attachment": upload})
    assert response.status_code == 400 and error in response.content.decode()
    assert not Application.objects.exists()


def test_attachment_size_and_a_good_pdf(client: Any, world: Any, settings: Any) -> None:
    settings.GONGKAI_PORTAL_MAX_ATTACHMENT_MB = 1
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.7\n" + b"0" * (1024 * 1024))
    response = _apply(client, world, {**PERSON, "attachment": big})
    assert response.status_code == 400 and "附件不能超过 1 MB" in response.content.decode()
    good = SimpleUploadedFile("id.pdf", b"%PDF-1.7\n%%EOF\n")
    assert _apply(client, world, {**PERSON, "attachment": good}).status_code == 302
    assert Application.objects.get().attachment.read().startswith(b"%PDF-")
