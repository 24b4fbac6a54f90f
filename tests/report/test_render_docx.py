"""DOCX rendering: 公文 page and fonts, official tables with real merges, LibreOffice opens it."""

from __future__ import annotations

import subprocess
from collections.abc import Hashable
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table

from gongkai.report.render import render
from gongkai.report.render.layout import report_title

from .test_render_layout import AGENCY, HOSTILE, assert_official_table, full_report

VERSIONS = ["2019", "2021"]


@pytest.fixture(scope="module", params=VERSIONS)
def rendered(request: pytest.FixtureRequest) -> tuple[str, bytes]:
    return request.param, render(full_report(request.param), "docx")


def _open(data: bytes) -> Document:
    return docx.Document(BytesIO(data))


def slots(table: Table) -> list[list[tuple[Hashable, str]]]:
    """Grid slots; python-docx gives a merged cell (gridSpan or vMerge) once per slot it covers."""
    cells = table._cells  # the list keeps the element proxies alive, so identities are stable
    n_cols = len(table.columns)
    return [
        [(cells[r * n_cols + c]._tc, cells[r * n_cols + c].text) for c in range(n_cols)]
        for r in range(len(cells) // n_cols)
    ]


def test_tables_are_official(rendered: tuple[str, bytes]) -> None:
    version, data = rendered
    report = full_report(version)
    doc = _open(data)
    assert len(doc.tables) == len(report.spec.grids)
    for table, grid in zip(doc.tables, report.spec.grids, strict=True):
        assert_official_table(slots(table), grid, report)


def test_merges_are_real_word_merges(rendered: tuple[str, bytes]) -> None:
    version, data = rendered
    apply = _open(data).tables[len(full_report(version).spec.active)]
    first = apply.rows[0]._tr.tc_lst
    assert [tc.grid_span for tc in first] == [3, 7], "corner spans 3 label columns, 申请人情况 7"
    assert first[0].vMerge == "restart"
    assert apply.rows[1]._tr.tc_lst[0].vMerge == "continue"
    assert len(apply.rows) == 3 + len(full_report(version).spec.apply.rows)
    assert len(apply.columns) == 10


def test_page_fonts_and_properties(rendered: tuple[str, bytes]) -> None:
    version, data = rendered
    report = full_report(version)
    doc = _open(data)
    section = doc.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins if m is not None] == [37, 35, 28, 26]
    east_asian = {
        name: doc.styles[name].element.rPr.rFonts.get(qn("w:eastAsia"))
        for name in ("Normal", "Title", "Heading 1")
    }
    assert east_asian == {"Normal": "仿宋_GB2312", "Title": "方正小标宋简体", "Heading 1": "黑体"}
    assert doc.styles["Title"].font.size == Pt(22) and doc.styles["Title"].font.bold
    assert doc.styles["Heading 1"].font.size == Pt(16)
    assert doc.styles["Normal"].font.size == Pt(16)
    assert doc.core_properties.title == report_title(report)
    assert report.spec.name in doc.core_properties.subject


def test_paragraphs_in_order(rendered: tuple[str, bytes]) -> None:
    version, data = rendered
    report = full_report(version)
    doc = _open(data)
    texts = [(p.style.name if p.style else None, p.text) for p in doc.paragraphs if p.text]
    assert texts[0] == ("Title", f"{AGENCY}{report.year}年政府信息公开工作年度报告")
    assert texts[1:3] == [
        ("Normal", "本报告由青山镇人民政府编制。"),
        ("Normal", f"It's 第二段 {HOSTILE} 含 | 竖线。"),
    ]
    headings = [t for s, t in texts if s == "Heading 1"]
    assert headings == [s.heading for s in report.spec.sections]
    for table in doc.tables:
        for cell in table._cells:
            for para in cell.paragraphs:
                assert para.style is not None and para.style.name == "表格文字", cell.text
    assert doc.styles["表格文字"].font.size == Pt(10.5)


def test_libreoffice_converts_it(tmp_path: Path) -> None:
    """soffice is a system package (scripts/system-packages.sh): missing means failing."""
    src = tmp_path / "report.docx"
    src.write_bytes(render(full_report("2021"), "docx"))
    profile = (tmp_path / "lo-profile").as_uri()  # own profile: others may run soffice too
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "report.pdf"
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), done.stdout
