"""The PDF reader: paragraphs rebuilt from lines, ruled tables, pages, unreadable PDFs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from gongkai.report.parse.blocks import Document, Paragraph, Table
from gongkai.report.parse.errors import UnreadableInput
from gongkai.report.parse.pdf import read_pdf

INPUTS = Path(__file__).parents[1] / "data" / "inputs"
sys.path.insert(0, str(INPUTS))
from make_inputs import LONG, cid_pdf, many_pages_pdf  # noqa: E402


@pytest.fixture(scope="module")
def doc() -> Document:
    return read_pdf((INPUTS / "report_2page.pdf").read_bytes(), "report_2page.pdf")


def test_paragraphs_and_tables_in_order_with_pages(doc: Document) -> None:
    shape = [
        (b.page, b.text) if isinstance(b, Paragraph) else (b.rows[0].page, len(b.rows))
        for b in doc.blocks
    ]
    assert shape == [
        (1, "临江县测试局2020年政府信息公开工作年度报告"),
        (1, "本报告根据《中华人民共和国政府信息公开条例》编制。"),
        (1, "一、总体情况"),
        (1, LONG),  # four wrapped lines joined back, no spaces between CJK characters
        (1, "第二段很短。"),
        (1, "二、主动公开政府信息情况"),
        (1, 4),
        (1, "三、收到和处理政府信息公开申请情况"),
        (1, 31),  # header + 30 rows: the continuation on page 2 joined, repeated header dropped
        (2, "表后的段落。"),  # the page-number footers are gone
    ]


def test_line_numbers_count_text_lines_on_the_page(doc: Document) -> None:
    lines = [(b.page, b.line) for b in doc.blocks if isinstance(b, Paragraph)]
    assert lines[:5] == [(1, 1), (1, 2), (1, 3), (1, 4), (1, 8)]
    assert lines[-1] == (2, 1)


def test_ruled_table_merged_cell_and_split(doc: Document) -> None:
    active = doc.blocks[6]
    assert isinstance(active, Table) and active.positional
    assert [r.cells for r in active.rows] == [
        ["第二十条第（一）项", "", "", ""],  # colspan=4: pdfplumber's None slots → ""
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ["规章", "0", "0", "16"],
        ["规范性文件", "1", "1", "1"],
    ]
    apply = doc.blocks[8]
    assert isinstance(apply, Table)
    assert apply.rows[0].cells == ["事项", "自然人", "法人或其他组织", "总计"]
    assert [r.cells[0] for r in apply.rows[1:]] == [f"{i}.属于第{i}类事项" for i in range(1, 31)]
    pages = [r.page for r in apply.rows]
    assert pages[0] == 1 and pages[-1] == 2 and pages == sorted(pages)


def test_unruled_table_falls_back_to_word_gaps() -> None:
    from weasyprint import HTML

    rows = "".join(
        f"<tr><td>行政许可{i}</td><td>{i}</td><td>0</td><td>{i * 2}</td></tr>" for i in range(3)
    )
    html = (
        "<html><body style='font-family: Noto Sans CJK SC'><p>前文</p>"
        f"<table style='border-spacing: 60px 2px'>{rows}</table></body></html>"
    )
    doc = read_pdf(HTML(string=html).write_pdf(), None)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and not tables[0].positional
    assert [r.cells for r in tables[0].rows] == [
        ["行政许可0", "0", "0", "0"],
        ["行政许可1", "1", "0", "2"],
        ["行政许可2", "2", "0", "4"],
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ((INPUTS / "scanned.pdf").read_bytes(), "没有文字层"),
        ((INPUTS / "encrypted.pdf").read_bytes(), "加密"),
        (cid_pdf(), "cid"),
        (many_pages_pdf(201), "201 页"),
        ((INPUTS / "report_2page.pdf").read_bytes()[:5000], "损坏"),
    ],
    ids=["scanned", "encrypted", "cid-garbage", "too-many-pages", "truncated"],
)
def test_unreadable_pdfs(data: bytes, message: str) -> None:
    with pytest.raises(UnreadableInput, match=message):
        read_pdf(data, None)
