"""The report page: official layout with findings marked, finding list, downloads, exports."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from django.urls import reverse
from lxml import html as lxml_html
from openpyxl import load_workbook

from gongkai.report.parse import read_report
from gongkai.reports.services import Upload, import_upload

from .factories.reports import report_for, seed_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path


def test_findings_marked_on_cells_and_narrative(world: Any, client_as: Any) -> None:
    obj = report_for(world.jia)
    client = client_as("clerk_jia")
    client.post(
        reverse("reports:correct_cell", args=[obj.pk]),
        {"key": "apply.granted.commercial", "value": "99", "reason": "测试"},
    )
    response = client.get(reverse("reports:detail", args=[obj.pk]))
    assert response.status_code == 200
    assert "Content-Security-Policy" in response.headers
    doc = lxml_html.fromstring(response.content)
    marked = doc.xpath('//td[@data-key="apply.granted.commercial"]')[0]
    assert "finding-error" in marked.get("class")
    links = doc.xpath('//section[@id="findings"]//a[@href="#cell-apply-granted-commercial"]')
    assert links, "a finding links to the cell's anchor"
    assert doc.xpath('//td[@id="cell-apply-granted-commercial"]')


def test_narrative_quote_is_marked(world: Any, client_as: Any) -> None:
    name, data = seed_bytes("004_")
    obj = import_upload(world.jia, Upload(name, data), by=None)
    doc = lxml_html.fromstring(
        client_as("clerk_jia").get(reverse("reports:detail", args=[obj.pk])).content
    )
    marks = [
        m.text_content() for m in doc.xpath("//article//mark[contains(@class, 'finding-error')]")
    ]
    assert any("14" in m for m in marks), marks
    assert "正文前后矛盾" in doc.xpath('//section[@id="findings"]')[0].text_content()


@pytest.mark.parametrize("kind", ["html", "md", "docx", "xlsx", "pdf"])
def test_export_every_kind_round_trips(world: Any, client_as: Any, kind: str) -> None:
    obj = report_for(world.jia)
    response = client_as("county_supervisor").get(
        reverse("reports:export", args=[obj.pk]), {"kind": kind}
    )
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment")
    body = response.content
    if kind == "xlsx":
        assert load_workbook(BytesIO(body)).sheetnames
    if kind in {"html", "docx", "pdf"}:  # foi-lessons 9: our own renders read back
        back = read_report(body, f"x.{kind}")
        assert back.cells == {k: v for k, v in back.cells.items()}
        assert back.cells["apply.new.total"] == obj.data["cells"]["apply.new.total"]


def test_unknown_export_kind_is_404(world: Any, client_as: Any) -> None:
    obj = report_for(world.jia)
    url = reverse("reports:export", args=[obj.pk])
    assert client_as("clerk_jia").get(url, {"kind": "exe"}).status_code == 404


def test_original_is_always_a_download(world: Any, client_as: Any) -> None:
    obj = report_for(world.jia)
    response = client_as("clerk_jia").get(reverse("reports:original", args=[obj.pk]))
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["Content-Type"] == "application/octet-stream"
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"{")
