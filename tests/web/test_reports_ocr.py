"""A scanned report uploaded in the web app: read by OCR in the background job, its cells kept
with page, box and confidence; the page shows the scan's crop beside a disputed cell, and
one click confirms or corrects it through the audited correction service.

The scan is a page of a real labelled report rendered by gongkai (``bench/scan_images.py``),
with one digit painted over — rendered from a real report, not a real scan."""

from __future__ import annotations

import io
from typing import Any

import pytest
from bench.scan_images import labelled_reports, paint_over, png, rasterise, report_pdf
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from gongkai.report.parse import read_report
from gongkai.reports.models import AnnualReport, Correction
from gongkai.reports.services import report_of

pytestmark = pytest.mark.django_db
NAME = "ptb-jtj-2024"
CELL = "apply.new.total"


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(scope="module")
def scan() -> bytes:
    """Part 三's page with the printed 58 of 本年新收 总计 painted over as 53."""
    text_pdf = report_pdf(NAME, dict(labelled_reports())[NAME])
    page_number = read_report(text_pdf, "x.pdf").provenance[CELL].page
    assert page_number is not None
    page = rasterise(text_pdf)[page_number - 1]
    box = read_report(png(page), "x.png").provenance[CELL].box
    assert box is not None
    return png(paint_over(page, box, "53"))


@pytest.fixture
def uploaded(world: Any, client_as: Any, scan: bytes) -> AnnualReport:
    client = client_as("clerk_jia")
    files = [SimpleUploadedFile("扫描件.png", scan, "image/png")]
    response = client.post(
        reverse("reports:upload"), {"agency": world.jia.pk, "year": "2024", "files": files}
    )
    assert response.status_code == 200
    return AnnualReport.objects.get(agency=world.jia, year=2024)


def test_an_uploaded_scan_is_read_with_provenance_and_the_misread_named(
    uploaded: AnnualReport,
) -> None:
    report = report_of(uploaded)
    assert report.cells[CELL] == 53  # as read: never changed behind the clerk's back
    assert report.cells["apply.new.natural_person"] == 58
    prov = report.provenance[CELL]
    assert prov.page == 1 and prov.box is not None and prov.confidence is not None
    codes = {f.code for f in report.findings}
    assert {"OCR_MISREAD_SUSPECTED", "APPLY_ROW_SUM"} <= codes


def test_the_page_shows_the_crop_and_both_readings(uploaded: AnnualReport, client_as: Any) -> None:
    body = (
        client_as("clerk_jia").get(reverse("reports:detail", args=[uploaded.pk])).content.decode()
    )
    assert 'id="scan-checks"' in body
    crop_url = reverse("reports:scan_crop", args=[uploaded.pk]) + f"?cell={CELL}"
    assert crop_url in body
    assert "确认为 53" in body and "改为 58" in body
    # a supervisor sees the crop but gets no buttons
    body = client_as("county_supervisor").get(reverse("reports:detail", args=[uploaded.pk]))
    assert crop_url in body.content.decode() and "改为 58" not in body.content.decode()


def test_the_crop_is_a_sandboxed_png_of_that_spot(uploaded: AnnualReport, client_as: Any) -> None:
    url = reverse("reports:scan_crop", args=[uploaded.pk])
    response = client_as("clerk_jia").get(url, {"cell": CELL})
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")
    image = Image.open(io.BytesIO(response.content))
    box = report_of(uploaded).provenance[CELL].box
    assert box is not None and box[2] < image.width < box[2] + 200
    # not a cell of the scan, or not the clerk's agency: nothing to see
    assert client_as("clerk_jia").get(url, {"cell": "nonsense"}).status_code == 404
    assert client_as("clerk_yi").get(url, {"cell": CELL}).status_code == 404


def test_one_click_corrects_the_misread_and_is_audited(
    uploaded: AnnualReport, client_as: Any
) -> None:
    client = client_as("clerk_jia")
    data = {"key": CELL, "value": "58", "reason": "对照扫描件：OCR 误识，按原件改为 58"}
    response = client.post(reverse("reports:correct_cell", args=[uploaded.pk]), data)
    assert response.status_code == 302
    report = report_of(AnnualReport.objects.get(pk=uploaded.pk))
    assert report.cells[CELL] == 58
    assert not {"OCR_MISREAD_SUSPECTED", "APPLY_ROW_SUM"} & {f.code for f in report.findings}
    correction = Correction.objects.get(report=uploaded, key=CELL)
    assert (correction.old, correction.new) == ("53", "58") and "扫描件" in correction.reason
    body = client.get(reverse("reports:detail", args=[uploaded.pk])).content.decode()
    assert f'data-cell="{CELL}"' not in body
