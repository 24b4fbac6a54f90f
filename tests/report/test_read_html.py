"""The HTML reader: block order, merged cells, encodings, layout tables (tests/data/inputs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.report.parse.blocks import Document, Paragraph, Table
from gongkai.report.parse.html import read_html

INPUTS = Path(__file__).parents[1] / "data" / "inputs"
CORPUS = Path(__file__).parents[1] / "data" / "corpus"
CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def _read(name: str) -> Document:
    return read_html((INPUTS / name).read_bytes(), name)


def _shape(doc: Document) -> list[str]:
    return [b.text if isinstance(b, Paragraph) else f"<table {len(b.rows)}>" for b in doc.blocks]


@pytest.mark.parametrize("name", ["report.html", "report_gb18030.html"])
def test_block_sequence(name: str) -> None:
    doc = _read(name)
    assert doc.kind == "html"
    assert _shape(doc) == [
        "临江县测试局2020年政府信息公开工作年度报告",
        "本报告根据《中华人民共和国政府信息公开条例》编制。",  # full-width indent stripped
        "一、总体情况",
        "第一行 文字",  # &nbsp;&nbsp; collapsed
        "第二行加粗文字",  # <br> breaks the paragraph, inline <b> does not
        "列表一",
        "列表二",
        "二、主动公开政府信息情况",
        "<table 3>",
        "三、收到和处理政府信息公开申请情况",
        "<table 7>",
        "布局表格中的段落",  # a table holding a table is layout: read as blocks
        "<table 1>",
        "尾部",
    ]


def test_script_style_nav_head_and_comments_are_dropped() -> None:
    text = " ".join(_shape(_read("report.html")))
    for unwanted in ("不应出现", "color", "document.write", "首页"):
        assert unwanted not in text


def test_part_three_grid_resolves_rowspan_and_colspan() -> None:
    table = _read("report.html").blocks[10]
    assert isinstance(table, Table) and table.positional
    grid = [r.cells for r in table.rows]
    assert grid[0] == [CORNER, "", "", "申请人情况", *[""] * 6]
    assert grid[1] == ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"]
    assert grid[2] == [
        "",
        "",
        "",
        "",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "",
    ]
    assert grid[3] == [
        "一、本年新收政府信息公开申请数量",
        "",
        "",
        "4",
        "0",
        "0",
        "0",
        "0",
        "1",
        "5",
    ]
    assert grid[4][:4] == ["三、本年度办理结果", "（一）予以公开", "", "2"]
    assert grid[5][:4] == ["", "（三）不予公开", "1.属于国家秘密", "0"]
    assert grid[6][:4] == ["", "", "2.其他法律行政法规 禁止公开", "1"]  # <br> in a cell → space
    assert all(len(row) == 10 for row in grid)


def test_nbsp_inside_cells_and_source_lines() -> None:
    doc = _read("report.html")
    table = doc.blocks[8]
    assert isinstance(table, Table)
    assert table.rows[2].cells == ["规 章", "0", "0", "16"]
    assert [r.line for r in table.rows] == [14, 15, 16]
    assert doc.blocks[0].line == 7


def test_gb18030_page_matches_utf8_page() -> None:
    utf8, gb = _read("report.html"), _read("report_gb18030.html")
    assert gb.blocks == utf8.blocks


def test_meta_charset_big5_is_honoured() -> None:
    page = '<html><head><meta charset="big5"></head><body><p>政府資訊公開</p></body></html>'
    doc = read_html(page.encode("big5"), None)
    assert _shape(doc) == ["政府資訊公開"]


def test_utf8_wins_over_a_wrong_meta_charset() -> None:
    page = '<html><head><meta charset="gb2312"></head><body><p>年度报告</p></body></html>'
    assert _shape(read_html(page.encode("utf-8"), None)) == ["年度报告"]


def test_hostile_spans_are_clamped() -> None:
    page = (
        "<table><tr><td colspan='100000' rowspan='99999'>a</td><td>b</td></tr>"
        "<tr><td rowspan='0'>c</td></tr><tr><td colspan='x'>d</td></tr></table>"
    )
    table = read_html(page.encode(), None).blocks[0]
    assert isinstance(table, Table)
    assert len(table.rows) == 3
    assert all(len(r.cells) == 256 for r in table.rows)
    assert table.rows[0].cells[0] == "a"


def test_deep_nesting_is_walked_without_recursion() -> None:
    page = "<span>" * 200 + "深处" + "</span>" * 200  # beyond libxml2's 256 it is dropped
    assert _shape(read_html(page.encode(), None)) == ["深处"]
    read_html(("<div>" * 50_000).encode(), None)  # bounded: no RecursionError, no hang


@pytest.mark.parametrize("name", ["2019_gbk_nbsp.html", "2021_site.html"])
def test_corpus_pages_have_the_official_tables(name: str) -> None:
    doc = read_html((CORPUS / name).read_bytes(), name)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    apply = next(t for t in tables if t.rows[0].cells[0] == CORNER)
    labels = [r.cells[0] or r.cells[1] or r.cells[2] for r in apply.rows]
    assert "四、结转下年度继续办理" in labels
    assert all(len(r.cells) == len(apply.rows[0].cells) for r in apply.rows)
