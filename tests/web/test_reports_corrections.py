"""Corrections in place: validated, audited (who, when, old → new, reason), checks re-run."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from gongkai.reports.models import AnnualReport, Correction, ReportCell, Status
from gongkai.reports.services import CorrectionRefused, Upload, import_upload, parse_cell_value

from .factories.reports import report_for, seed_bytes

pytestmark = pytest.mark.django_db
NEW = "apply.new.natural_person"


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def seed004(world: Any) -> AnnualReport:
    name, data = seed_bytes("004_")
    return import_upload(world.jia, Upload(name, data), by=world.user("clerk_jia"))


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        (NEW, "12", 12),
        (NEW, " 1,200 ", 1200),
        (NEW, "", None),
        ("active.licensing.change", "-3", -3),  # 本年增/减 is signed
        ("active.procurement.amount", "76.30", __import__("decimal").Decimal("76.30")),
    ],
)
def test_parse_cell_value_accepts(key: str, raw: str, expected: Any) -> None:
    assert parse_cell_value("2019", key, raw) == expected


@pytest.mark.parametrize(
    ("key", "raw", "message"),
    [
        (NEW, "-1", "不能为负数"),
        (NEW, "1.5", "整数"),
        (NEW, "十二", "不是数字"),
        (NEW, "1e40", "合理范围"),
        ("apply.nope.total", "1", "没有这个单元格"),
    ],
)
def test_parse_cell_value_refuses(key: str, raw: str, message: str) -> None:
    with pytest.raises(CorrectionRefused, match=message):
        parse_cell_value("2019", key, raw)


def test_cell_correction_is_audited_and_rechecked(world: Any, client_as: Any) -> None:
    obj = report_for(world.jia)
    assert obj.status == Status.CLEAN
    old = obj.data["cells"][NEW]
    url = reverse("reports:correct_cell", args=[obj.pk])
    response = client_as("clerk_jia").post(url, {"key": NEW, "value": old + 5, "reason": "笔误"})
    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.data["cells"][NEW] == old + 5
    assert ReportCell.objects.get(report=obj, key=NEW).value == old + 5
    # the identities no longer hold: the row total and the column balance
    assert obj.status == Status.ERRORS
    codes = {f["code"] for f in obj.data["findings"]}
    assert {"APPLY_ROW_SUM", "APPLY_BALANCE"} <= codes
    c = Correction.objects.get(report=obj)
    assert (c.key, c.old, c.new, c.reason) == (NEW, str(old), str(old + 5), "笔误")
    assert c.by == world.user("clerk_jia")
    record = obj.history.latest("history_date")
    assert record.history_user == world.user("clerk_jia") and "笔误" in record.history_change_reason
    page = client_as("clerk_jia").get(reverse("reports:history", args=[obj.pk])).content.decode()
    assert "笔误" in page and f"{old + 5}" in page


def test_invalid_value_is_shown_on_the_form(world: Any, client_as: Any) -> None:
    obj = report_for(world.jia)
    url = reverse("reports:correct_cell", args=[obj.pk])
    response = client_as("clerk_jia").post(url, {"key": NEW, "value": "-2", "reason": "x"})
    assert response.status_code == 400
    assert "数量不能为负数" in response.content.decode()
    assert not Correction.objects.exists()


def test_narrative_correction_removes_the_contradiction(
    world: Any, client_as: Any, seed004: AnnualReport
) -> None:
    assert seed004.status == Status.ERRORS
    text = seed004.data["sections"]["overview"]
    fixed = re.sub(r"全年主动公开信息\s*14\s*条", "全年主动公开信息16条", text)
    assert fixed != text
    url = reverse("reports:correct_section", args=[seed004.pk])
    response = client_as("reviewer_jia").post(
        url, {"key": "overview", "text": fixed, "reason": "与表格核对"}
    )
    assert response.status_code == 302
    seed004.refresh_from_db()
    assert seed004.status == Status.CLEAN and seed004.error_count == 0
    c = Correction.objects.get(report=seed004)
    assert c.kind == Correction.Kind.SECTION and "14" in c.old and "信息16条" in c.new


def test_supervisor_may_read_but_not_correct(world: Any, client_as: Any) -> None:
    obj = report_for(world.jia)
    client = client_as("county_supervisor")
    assert client.get(reverse("reports:detail", args=[obj.pk])).status_code == 200
    url = reverse("reports:correct_cell", args=[obj.pk])
    response = client.post(url, {"key": NEW, "value": "1", "reason": "x"})
    assert response.status_code == 403
    assert not Correction.objects.exists()
