"""Scanned reports read by OCR: a real labelled report, rendered by gongkai and made to look
scanned (``bench/scan_images.py`` — rendered from a real report, not a real scan), gives its
labelled cells, each with its page, box and confidence; a PNG page, a PDF mixing typed and
scanned pages, and a digit painted over in the image (named with both readings)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from bench.scan_images import (
    degrade,
    image_pdf,
    labelled_reports,
    mixed_pdf,
    paint_over,
    png,
    rasterise,
    report_pdf,
)
from PIL import Image

from gongkai.report.accuracy import score
from gongkai.report.jsonio import cell_to_json, report_to_dict
from gongkai.report.model import Report
from gongkai.report.parse import read_report
from gongkai.report.pipeline import analyse

NAME = "ptb-jtj-2024"


@pytest.fixture(scope="module")
def label() -> dict:
    return dict(labelled_reports())[NAME]


@pytest.fixture(scope="module")
def text_pdf(label: dict) -> bytes:
    return report_pdf(NAME, label)


@pytest.fixture(scope="module")
def pages(text_pdf: bytes) -> list[Image.Image]:
    return rasterise(text_pdf)


@pytest.fixture(scope="module")
def from_text(text_pdf: bytes) -> Report:
    return analyse(read_report(text_pdf, NAME + ".pdf"))


@pytest.fixture(scope="module")
def scanned(pages: list[Image.Image]) -> Report:
    scan = image_pdf([degrade(p, seed) for seed, p in enumerate(pages)])
    return analyse(read_report(scan, NAME + "-scan.pdf"))


def apply_page(from_text: Report) -> int:
    page = from_text.provenance["apply.new.total"].page
    assert page is not None
    return page


def test_a_scanned_pdf_gives_the_labelled_cells(scanned: Report, label: dict) -> None:
    result = score(scanned, label)
    assert result.wrong == {} and result.exact == result.cells > 150
    assert not [f.code for f in scanned.findings if f.severity.value == "error"]


def test_the_same_cells_as_the_text_version(scanned: Report, from_text: Report) -> None:
    assert {k: cell_to_json(v) for k, v in scanned.cells.items()} == {
        k: cell_to_json(v) for k, v in from_text.cells.items()
    }


def test_each_ocr_cell_keeps_page_box_and_confidence(scanned: Report, from_text: Report) -> None:
    prov = scanned.provenance["apply.new.total"]
    assert prov.page == apply_page(from_text) and prov.raw == "58"
    assert prov.box is not None and prov.box[2] > 0 and prov.box[3] > 0
    assert prov.confidence is not None and 0 <= prov.confidence <= 100
    with_box = [k for k, p in scanned.provenance.items() if p.box is not None]
    assert len(with_box) > 150
    out = report_to_dict(scanned)["provenance"]["apply.new.total"]
    assert out["box"] == list(prov.box) and out["confidence"] == prov.confidence
    # a text PDF's cells say nothing about boxes or confidence
    assert "box" not in report_to_dict(from_text)["provenance"]["apply.new.total"]


def test_a_png_page_is_read(pages: list[Image.Image], from_text: Report, label: dict) -> None:
    page = pages[apply_page(from_text) - 1]
    report = read_report(png(degrade(page, 7)), "表三.png")
    keys = [k for k in label["cells"] if k.startswith("apply.")]
    assert {k: cell_to_json(report.cells[k]) for k in keys} == {k: label["cells"][k] for k in keys}
    assert report.provenance["apply.new.total"].page == 1


def test_a_mixed_pdf_is_read_page_by_page(
    text_pdf: bytes, pages: list[Image.Image], from_text: Report, label: dict
) -> None:
    scanned_page = apply_page(from_text)
    scan = image_pdf([degrade(p, seed) for seed, p in enumerate(pages)])
    report = analyse(read_report(mixed_pdf(text_pdf, scan, {scanned_page}), "mixed.pdf"))
    assert score(report, label).wrong == {}
    for key, prov in report.provenance.items():
        on_scan = prov.page == scanned_page
        assert (prov.confidence is not None) == on_scan, key
    assert report.sections == from_text.sections or all(
        report.sections[k] for k in ("overview", "problems")
    )


def test_a_digit_painted_over_is_named_with_both_readings(
    pages: list[Image.Image], from_text: Report
) -> None:
    page = pages[apply_page(from_text) - 1]
    clean = read_report(png(page), "表三.png")
    box = clean.provenance["apply.new.total"].box
    assert box is not None
    painted = paint_over(page, box, "53")  # the printed 58 now reads 53
    report = analyse(read_report(png(painted), "表三-改.png"))
    assert report.cells["apply.new.total"] == 53  # read as painted, not changed
    found = [f for f in report.findings if f.code == "OCR_MISREAD_SUSPECTED"]
    assert [(f.cells, f.actual, f.expected) for f in found] == [(("apply.new.total",), 53, 58)]


def test_a_blank_page_is_refused_in_chinese() -> None:
    blank = Image.fromarray(np.full((800, 600), 255, np.uint8))
    buffer = io.BytesIO()
    blank.save(buffer, "PNG")
    from gongkai.report.parse import UnreadableInput

    with pytest.raises(UnreadableInput, match="没有识别出任何文字"):
        read_report(buffer.getvalue(), "blank.png")
