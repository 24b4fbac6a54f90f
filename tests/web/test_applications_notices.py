"""Notices as DOCX: read back the text and check what each must state (domain rules §4.2–4.3)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.base import ContentFile
from docx import Document

from gongkai.applications.models import EventKind, NoticeKind, NoticeTemplate
from gongkai.applications.services.clocks import clocks_for
from gongkai.applications.services.notices import DEFAULTS, docx_text, render
from gongkai.applications.services.workflow import decide, record_event

from .factories.applications import application_for

E = EventKind


def _answered(world: Any, outcome: str, on: dt.date) -> Any:
    app = application_for(world.jia, received=on - dt.timedelta(days=10), applicant_name="王五")
    decide(app, outcome, on, "理由：涉及国家秘密。", by=world.user("clerk_jia"))
    return app


def test_receipt_states_receipt_date_channel_number_and_due(world: Any) -> None:
    app = application_for(world.jia, received=dt.date(2026, 11, 2), channel="post")
    text = docx_text(render(app, NoticeKind.RECEIPT))
    assert "甲镇人民政府" in text and "2026年11月2日" in text and "邮寄" in text
    assert app.number in text and "第三十一条" in text
    assert str(clocks_for(app).due) in text
    assert "{{" not in text


def test_correction_notice_is_once_with_period_and_consequence(world: Any) -> None:
    app = application_for(world.jia, received=dt.date(2026, 11, 2))
    record_event(
        app,
        E.CORRECTION_REQUESTED,
        dt.date(2026, 11, 3),
        by=world.user("clerk_jia"),
        reason="请写明文件标题",
        data={"days": 10},
    )
    text = docx_text(render(app, NoticeKind.CORRECTION))
    assert "一次性告知" in text and "请写明文件标题" in text and "10个工作日" in text
    assert str(clocks_for(app).correction_due) in text
    assert "视为放弃申请" in text and "收到补正后的申请之日起计算" in text


def test_extension_and_third_party_letters(world: Any) -> None:
    app = application_for(world.jia, received=dt.date(2026, 11, 2))
    clerk, head = world.user("clerk_jia"), world.user("reviewer_jia")
    record_event(app, E.ACCEPTED, dt.date(2026, 11, 2), by=clerk)
    record_event(
        app, E.THIRD_PARTY_CONSULTED, dt.date(2026, 11, 4), by=clerk, data={"party": "某公司"}
    )
    record_event(
        app, E.THIRD_PARTY_ANSWERED, dt.date(2026, 11, 10), by=clerk, data={"party": "某公司"}
    )
    record_event(
        app,
        E.EXTENSION_APPROVED,
        dt.date(2026, 11, 20),
        by=head,
        reason="档案量大",
        data={"days": 20},
    )
    clocks = clocks_for(app)
    ext = docx_text(render(app, NoticeKind.EXTENSION))
    assert "负责人同意" in ext and "档案量大" in ext and str(clocks.extended_due) in ext
    third = docx_text(render(app, NoticeKind.THIRD_PARTY))
    assert third.count("某公司") >= 1 and "15个工作日" in third
    assert str(clocks.third_party_due) in third


def test_refusal_since_2024_offers_no_direct_lawsuit(world: Any) -> None:
    text = docx_text(
        render(_answered(world, "denied.state_secret", dt.date(2026, 3, 2)), NoticeKind.REPLY)
    )
    assert "应当先申请行政复议" in text
    assert "也可以自收到本答复之日起6个月内" not in text
    assert "某县人民政府申请行政复议" in text  # the township's 复议机关: the county government
    assert "第十四条" in text and "属于国家秘密" in text and "不予公开" in text


def test_refusal_before_2024_offered_the_choice(world: Any) -> None:
    text = docx_text(
        render(_answered(world, "denied.state_secret", dt.date(2023, 12, 29)), "reply")
    )
    assert "也可以自收到本答复之日起6个月内依法向人民法院提起行政诉讼" in text
    assert "应当先申请行政复议" not in text


def test_granted_since_2024_keeps_the_choice(world: Any) -> None:
    text = docx_text(render(_answered(world, "granted", dt.date(2026, 3, 2)), NoticeKind.REPLY))
    assert "也可以自收到本答复之日起6个月内" in text and "予以公开" in text


@pytest.mark.parametrize("kind", list(NoticeKind))
def test_default_templates_exist(kind: NoticeKind) -> None:
    assert "{{" in docx_text((DEFAULTS / f"{kind.value}.docx").read_bytes())


def test_an_agency_template_replaces_the_default(world: Any, tmp_path: Any, settings: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    doc = Document()
    doc.add_paragraph("甲镇专用回执 {{number}}")
    path = tmp_path / "own.docx"
    doc.save(str(path))
    NoticeTemplate.objects.create(
        agency=world.jia, kind=NoticeKind.RECEIPT, file=ContentFile(path.read_bytes(), "own.docx")
    )
    app = application_for(world.jia)
    assert docx_text(render(app, NoticeKind.RECEIPT)).strip() == f"甲镇专用回执 {app.number}"
