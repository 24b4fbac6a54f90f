"""Uploading reports: stored with the original file, parsed, checked, listed; bad files refused
with a Chinese message and nothing saved; a re-upload replaces the year's report with history."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.reports.models import AnnualReport, ReportCell, ReportFinding, Status

from .factories.reports import seed_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path


def _upload(client: Any, agency: Any, *files: tuple[str, bytes], year: str = "") -> Any:
    data = {
        "agency": agency.pk,
        "year": year,
        "files": [SimpleUploadedFile(n, b, "text/plain") for n, b in files],
    }
    return client.post(reverse("reports:upload"), data)


def test_upload_seed_stores_file_parses_checks_and_guesses_the_year(
    world: Any, client_as: Any
) -> None:
    name, data = seed_bytes("004_")
    response = _upload(client_as("clerk_jia"), world.jia, (name, data))
    assert response.status_code == 200
    obj = AnnualReport.objects.get(agency=world.jia)
    assert obj.year == 2020 and obj.format == "2019"
    assert obj.status == Status.ERRORS and obj.error_count == 1
    assert obj.original_name == name and obj.original_size == len(data)
    assert obj.original_sha256 == hashlib.sha256(data).hexdigest()
    assert obj.original.read() == data
    assert obj.created_by == world.user("clerk_jia")
    codes = list(ReportFinding.objects.filter(report=obj).values_list("code", flat=True))
    assert codes == ["NARRATIVE_INCONSISTENT"]
    # one derived numeric row per declared cell, None kept as NULL
    assert ReportCell.objects.filter(report=obj).count() == 198
    assert "已导入" in response.content.decode()


def test_many_files_at_once_each_on_its_own(world: Any, client_as: Any) -> None:
    good = seed_bytes("001_")
    bad = ("扫描件.txt", "这不是一份年度报告。".encode())
    response = _upload(client_as("clerk_jia"), world.jia, bad, good)
    body = response.content.decode()
    assert response.status_code == 200
    assert "扫描件.txt" in body and "没有识别出年度报告的表格或正文" in body
    assert AnnualReport.objects.filter(agency=world.jia, year=2020).count() == 1


def test_unreadable_file_is_a_message_not_a_500_and_saves_nothing(
    world: Any, client_as: Any
) -> None:
    response = _upload(
        client_as("clerk_jia"), world.jia, ("x.pdf", b"%PDF-1.4 garbage"), year="2020"
    )
    assert response.status_code == 200
    assert "无法读取该文件" in response.content.decode()
    assert not AnnualReport.objects.exists() and not ReportCell.objects.exists()


def test_size_limit_from_settings(world: Any, client_as: Any, settings: Any) -> None:
    settings.GONGKAI_MAX_UPLOAD_MB = 1
    settings.GONGKAI_MAX_UPLOAD_BYTES = 100
    name, data = seed_bytes("001_")
    response = _upload(client_as("clerk_jia"), world.jia, (name, data))
    assert "超过 1 MB 的上限" in response.content.decode()
    assert not AnnualReport.objects.exists()


def test_agency_must_be_one_the_user_edits(world: Any, client_as: Any) -> None:
    name, data = seed_bytes("001_")
    response = _upload(client_as("clerk_jia"), world.yi, (name, data))
    assert response.status_code == 200
    assert response.context["form"].errors["agency"]
    assert not AnnualReport.objects.exists()


def test_reupload_replaces_and_keeps_history(world: Any, client_as: Any) -> None:
    client = client_as("clerk_jia")
    _upload(client, world.jia, seed_bytes("004_"))
    _upload(client, world.jia, seed_bytes("001_"))
    obj = AnnualReport.objects.get(agency=world.jia, year=2020)
    assert obj.status == Status.CLEAN and obj.error_count == 0
    assert obj.original_name.startswith("001_")
    records = list(obj.history.order_by("history_date"))
    assert [r.history_change_reason.split("：")[0] for r in records] == ["上传", "重新上传"]
    assert records[0].status == Status.ERRORS
    assert ReportCell.objects.filter(report=obj).count() == 198


def test_list_shows_only_visible_reports(world: Any, client_as: Any) -> None:
    _upload(client_as("clerk_jia"), world.jia, seed_bytes("004_"))
    body = client_as("clerk_yi").get(reverse("reports:list")).content.decode()
    assert "甲镇人民政府" not in body
    body = client_as("county_supervisor").get(reverse("reports:list")).content.decode()
    assert "甲镇人民政府" in body and "有错误" in body
