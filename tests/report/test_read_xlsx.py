"""The XLSX reader: gongkai's own workbook and an agency's spreadsheet."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.report.parse.blocks import Document, Paragraph, Table
from gongkai.report.parse.xlsx import cell_text, read_xlsx

INPUTS = Path(__file__).parents[1] / "data" / "inputs"
CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def _read(name: str) -> Document:
    return read_xlsx((INPUTS / name).read_bytes(), name)


def _shape(doc: Document) -> list[object]:
    return [b.text if isinstance(b, Paragraph) else [r.cells for r in b.rows] for b in doc.blocks]


def test_gongkai_workbook_reads_as_the_report() -> None:
    doc = _read("gongkai.xlsx")
    assert doc.kind == "xlsx"
    assert all(b.positional for b in doc.blocks if isinstance(b, Table))
    assert _shape(doc) == [
        "临江县测试局2020年政府信息公开工作年度报告",
        "本报告根据《中华人民共和国政府信息公开条例》编制。",
        "一、总体情况",
        "第一段。",
        "第二段。",
        "二、主动公开政府信息情况",
        [
            ["第二十条第（一）项", "", "", ""],
            ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
            ["规章", "0", "1", "16"],  # 1.0 → "1"
        ],
        [  # a blank row splits the sheet into blocks; trailing empty columns trimmed
            ["第二十条第（九）项", "", ""],
            ["信息内容", "采购项目数量", "采购总金额"],
            ["政府集中采购", "2", "319.02"],
        ],
        "三、收到和处理政府信息公开申请情况",
        [
            [CORNER, "", "", "申请人情况", "", ""],
            ["", "", "", "自然人", "法人或其他组织", ""],
            ["", "", "", "", "商业企业", "总计"],
            ["一、本年新收政府信息公开申请数量", "", "", "4", "1", "5"],
        ],
        "四、政府信息公开行政复议、行政诉讼情况",
        "无。",
        [["行政复议", ""], ["结果维持", "总计"], ["0", "0"]],
    ]


def test_agency_spreadsheet_used_range() -> None:
    doc = _read("agency.xlsx")
    assert _shape(doc) == [
        "某某局2020年政府信息公开工作年度报告",
        [
            ["第二十条第（五）项", "", ""],
            ["信息内容", "上一年项目数量", "本年增/减"],
            ["行政许可", "12", "-3.5"],
            ["自然人", "", ""],  # Alt+Enter inside a label joined
        ],
    ]
    table = doc.blocks[1]
    assert isinstance(table, Table)
    assert [r.line for r in table.rows] == [3, 4, 5, 6]


@pytest.mark.parametrize(
    ("value", "text"),
    [(3, "3"), (3.0, "3"), (-2.0, "-2"), (76.3, "76.3"), (None, ""), (" 规\u3000章 ", "规 章")],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text
