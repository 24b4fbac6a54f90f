"""The DOCX reader: paragraphs, merged cells, a table split over a page, page numbers."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement

from gongkai.report.parse.blocks import Document, Paragraph, Table
from gongkai.report.parse.docx import read_docx

INPUTS = Path(__file__).parents[1] / "data" / "inputs"
CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def _doc() -> Document:
    return read_docx((INPUTS / "report_2page.docx").read_bytes(), "report_2page.docx")


def _save(doc: object) -> bytes:
    out = io.BytesIO()
    doc.save(out)  # type: ignore[attr-defined]
    return out.getvalue()


def test_block_sequence_with_pages() -> None:
    doc = _doc()
    assert doc.kind == "docx"
    shape = [
        (b.page, b.text) if isinstance(b, Paragraph) else (b.rows[0].page, f"<table {len(b.rows)}>")
        for b in doc.blocks
    ]
    assert shape == [
        (1, "临江县测试局2020年政府信息公开工作年度报告"),
        (1, "本报告根据《中华人民共和国政府信息公开条例》编制。"),
        (1, "一、总体情况"),  # the blank paragraph after it is dropped
        (1, "<table 4>"),
        (1, "二、主动公开政府信息情况"),
        (1, "<table 3>"),  # two tables, split by a page break, joined
        (2, "第二页的段落。"),
    ]


def test_merged_cells_first_slot_only() -> None:
    table = _doc().blocks[3]
    assert isinstance(table, Table) and table.positional
    assert [r.cells for r in table.rows] == [
        [CORNER, "", "申请人情况", "", ""],  # 2×2 corner; gridSpan=3 header
        ["", "", "自然人", "商业企业", "总计"],  # vMerge continuation → ""
        ["三、本年度办理结果", "（一）予以公开", "1", "0", "1"],
        ["", "（二）部分公开", "2", "0", "2"],
    ]
    assert {r.page for r in table.rows} == {1}


def test_split_table_joined_without_repeated_header() -> None:
    table = _doc().blocks[5]
    assert isinstance(table, Table)
    assert [(r.page, r.cells) for r in table.rows] == [
        (1, ["信息内容", "上一年项目数量", "本年增/减"]),
        (1, ["行政许可", "3", "-1"]),
        (2, ["行政处罚（含强制）", "5", "2"]),  # a cell's two paragraphs joined, no space
    ]


def test_tables_on_one_page_with_text_between_stay_apart() -> None:
    d = new_docx()
    for label in ("甲", "乙"):
        t = d.add_table(rows=1, cols=2)
        t.cell(0, 0).text, t.cell(0, 1).text = label, "1"
        d.add_paragraph(f"{label}表之后")
    doc = read_docx(_save(d), None)
    assert [type(b).__name__ for b in doc.blocks] == ["Table", "Paragraph", "Table", "Paragraph"]


def test_section_break_and_page_break_before_count_pages() -> None:
    d = new_docx()
    d.add_paragraph("第一页")
    d.add_section(WD_SECTION.NEW_PAGE)
    d.add_paragraph("第二页")
    d.add_paragraph("第三页").paragraph_format.page_break_before = True
    doc = read_docx(_save(d), None)
    assert [(b.page, b.text) for b in doc.blocks if isinstance(b, Paragraph)] == [
        (1, "第一页"),
        (2, "第二页"),
        (3, "第三页"),
    ]


def test_word_rendered_page_marks_win_over_explicit_breaks() -> None:
    """Word marks every page start it laid out; explicit breaks must not count twice."""
    d = new_docx()
    d.add_paragraph("第一页")
    d.add_paragraph("仍在第一页")
    p = d.add_paragraph()
    p.add_run().add_break()  # a line break, not a page break
    run = p.add_run("第二页（软分页）")
    run._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))
    doc = read_docx(_save(d), None)
    assert [(b.page, b.text) for b in doc.blocks if isinstance(b, Paragraph)] == [
        (1, "第一页"),
        (1, "仍在第一页"),
        (2, "第二页（软分页）"),
    ]
