"""PDF rendering (weasyprint): embedded CJK fonts, readable text and tables. One render only:
subsetting Noto CJK takes seconds."""

from __future__ import annotations

import re
import subprocess
from io import BytesIO
from pathlib import Path

import pdfplumber
import pytest

from gongkai.report.parse import read_report
from gongkai.report.render import render
from gongkai.report.render.layout import report_title

from .test_render_layout import expected_text, full_report


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(render(full_report("2021"), "pdf"))
    return path


def test_is_a4_pdf(pdf: Path) -> None:
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    with pdfplumber.open(BytesIO(data)) as doc:
        page = doc.pages[0]
        assert (round(page.width), round(page.height)) == (595, 842)  # A4 in points


def test_cjk_fonts_embedded(pdf: Path) -> None:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in out.stdout.splitlines()[2:]]
    cjk = [r for r in rows if "CJK" in r[0] or "WenQuanYi" in r[0]]
    assert cjk, out.stdout
    assert all(r[-5] == "yes" for r in cjk), f"CJK font not embedded:\n{out.stdout}"


def test_text_and_tables_read_back(pdf: Path) -> None:
    report = full_report("2021")
    with pdfplumber.open(pdf) as doc:
        text = "".join(p.extract_text() or "" for p in doc.pages)
        tables = [t for p in doc.pages for t in p.extract_tables()]
    flat = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", report_title(report)) in flat
    for section in report.spec.sections:
        assert section.heading in flat, section.heading
    rules = next(row for t in tables for row in t if row and row[0] == "规章")
    keys = [f"active.rules.{c.key}" for c in report.spec.active[0].columns]
    assert rows_clean(rules[1:]) == [expected_text(report.cells[k]) for k in keys]
    fees = next(row for t in tables for row in t if row and row[0] == "行政事业性收费")
    assert rows_clean(fees[1:]) == ["76.3"]


def rows_clean(cells: list[str | None]) -> list[str]:
    return [re.sub(r"\s+", "", c or "") for c in cells]


def test_every_cell_reads_back(pdf: Path) -> None:
    report = full_report("2021")
    back = read_report(pdf.read_bytes(), "report.pdf")
    wrong = {k: (v, back.cells.get(k)) for k, v in report.cells.items() if back.cells.get(k) != v}
    assert not wrong, f"cells read back differently from the PDF (want, got): {wrong}"
