"""XLSX rendering: official tables with merged ranges, the 数据 and 报告 sheets read back."""

from __future__ import annotations

from collections.abc import Hashable
from decimal import Decimal
from io import BytesIO

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.report.formats import SECTION_KEYS, SECTIONS, Grid
from gongkai.report.render import render
from gongkai.report.render.layout import report_title

from .test_render_layout import AMOUNT, NARRATIVE, assert_official_table, full_report

VERSIONS = ["2019", "2021"]
SHEETS = ["表二 主动公开", "表三 依申请公开", "表四 复议诉讼", "数据", "报告"]


@pytest.fixture(scope="module", params=VERSIONS)
def book(request: pytest.FixtureRequest) -> tuple[str, openpyxl.Workbook]:
    data = render(full_report(request.param), "xlsx")
    return request.param, openpyxl.load_workbook(BytesIO(data))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    return str(value)


def _value(value: object) -> object:
    return Decimal(repr(value)) if isinstance(value, float) else value


def slots(
    sheet: Worksheet, top: int, grid: Grid, n_rows: int, n_cols: int
) -> list[list[tuple[Hashable, str]]]:
    """The sheet region at 0-based row ``top`` as grid slots, merged ranges resolved."""
    anchor: dict[tuple[int, int], tuple[int, int]] = {}
    for rng in sheet.merged_cells.ranges:
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                anchor[(r, c)] = (rng.min_row, rng.min_col)
    out: list[list[tuple[Hashable, str]]] = []
    for r in range(top + 1, top + n_rows + 1):
        row: list[tuple[Hashable, str]] = []
        for c in range(1, n_cols + 1):
            a = anchor.get((r, c), (r, c))
            row.append((a, _text(sheet.cell(*a).value)))
        out.append(row)
    return out


def test_sheets(book: tuple[str, openpyxl.Workbook]) -> None:
    assert book[1].sheetnames == SHEETS


def test_official_tables(book: tuple[str, openpyxl.Workbook]) -> None:
    version, wb = book
    report = full_report(version)
    spec = report.spec
    top = 0
    for grid in spec.active:  # the 第二十条 blocks one under the other, a blank row between
        n_rows, n_cols = 2 + len(grid.rows), 1 + len(grid.columns)
        assert_official_table(slots(wb[SHEETS[0]], top, grid, n_rows, n_cols), grid, report)
        top += n_rows + 1
    apply = slots(wb[SHEETS[1]], 0, spec.apply, 3 + len(spec.apply.rows), 10)
    assert_official_table(apply, spec.apply, report)
    assert_official_table(slots(wb[SHEETS[2]], 0, spec.remedy, 4, 15), spec.remedy, report)
    assert "A1:C3" in {str(r) for r in wb[SHEETS[1]].merged_cells.ranges}, "part 三 corner"


def test_data_sheet_has_every_key(book: tuple[str, openpyxl.Workbook]) -> None:
    version, wb = book
    report = full_report(version)
    rows = list(wb["数据"].iter_rows(values_only=True))
    assert rows[0] == ("键", "表", "行", "列", "数值", "单位")
    got = {r[0]: r for r in rows[1:]}
    assert list(got) == list(report.spec.cells), "keys missing, repeated or out of order"
    for key, spec in report.spec.cells.items():
        _, table, row, column, value, unit = got[key]
        assert _value(value) == report.cells[key], f"cell {key}: {value!r}"
        assert spec.row.label in row and column.startswith(spec.column.label), f"cell {key}"
        assert unit == ("万元" if spec.unit == "amount" else "计数"), f"cell {key}"
        assert table.startswith(("表二", "表三", "表四"))
    amount = next(k for k, c in report.spec.cells.items() if c.unit == "amount")
    assert isinstance(got[amount][4], float) and _value(got[amount][4]) == AMOUNT


def test_report_sheet_gives_everything_back(book: tuple[str, openpyxl.Workbook]) -> None:
    version, wb = book
    report = full_report(version)
    rows = list(wb["报告"].iter_rows(values_only=True))
    assert rows[0] == ("键", "标题", "正文")
    facts = {r[0]: r[2] for r in rows[1:5]}
    assert facts == {
        "format": version,
        "agency": report.agency,
        "year": report.year,
        "title": report_title(report),
    }
    body = rows[5:]
    assert [r[0] for r in body] == list(SECTION_KEYS)
    headings = {s.key: s.heading for s in SECTIONS}
    for key, heading, text in body:
        assert (heading or "") == headings.get(key, ""), key
        assert (text or None) == NARRATIVE[key], f"section {key}"
