"""The report as a workbook (XLSX 版).

Sheets: the three official tables in their printed shape (merged headers, borders), then
"数据" — one row per canonical key with its value and unit, the machine-readable form — and
"报告" — format, agency, year, title and the narrative of every part — so that everything in
the report can be read back from the workbook.
"""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO
from typing import Any

from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from ..formats import SECTION_KEYS, SECTIONS, CellSpec, Unit
from ..model import Report, Value
from .layout import AMOUNT_UNIT, Cell, CellKind, Table, column_header, report_title, tables_for
from .workbook import text_workbook

__all__ = ["DATA_SHEET", "REPORT_HEADER", "REPORT_SHEET", "TABLE_SHEETS", "render_xlsx"]

TABLE_SHEETS = {"active": "表二 主动公开", "apply": "表三 依申请公开", "remedy": "表四 复议诉讼"}
DATA_SHEET = "数据"
DATA_HEADER = ("键", "表", "行", "列", "数值", "单位")
REPORT_SHEET = "报告"
REPORT_HEADER = ("键", "标题", "正文")
UNIT_NAMES = {Unit.COUNT: "计数", Unit.AMOUNT: AMOUNT_UNIT}
_FONT = "仿宋_GB2312"
_MAX_CELL_TEXT = 32767  # Excel's limit on one cell's text


def render_xlsx(report: Report) -> bytes:
    buf = BytesIO()
    book = text_workbook(buf)
    styles = _Styles(book)
    for table_kind, sheet_name in TABLE_SHEETS.items():
        sheet = book.add_worksheet(sheet_name)
        _table_sheet(sheet, styles, report, tables_for(report.format, table_kind))
    _data_sheet(book.add_worksheet(DATA_SHEET), styles, report)
    _report_sheet(book.add_worksheet(REPORT_SHEET), styles, report)
    book.set_properties(
        {"title": report_title(report), "subject": report.spec.name, "author": report.agency or ""}
    )
    book.close()
    return buf.getvalue()


class _Styles:
    def __init__(self, book: Workbook) -> None:
        base: dict[str, Any] = {"font_name": _FONT, "font_size": 10.5, "valign": "vcenter"}
        boxed = {**base, "border": 1, "align": "center", "text_wrap": True}
        self.header = book.add_format({**boxed, "bold": True})
        self.label = book.add_format(boxed)
        self.number = book.add_format(boxed)
        self.plain = book.add_format(base)
        self.bold = book.add_format({**base, "bold": True})
        self.text = book.add_format({**base, "text_wrap": True, "valign": "top"})


def _write_value(sheet: Worksheet, row: int, col: int, value: Value, fmt: Format) -> None:
    """Counts and amounts as numbers; an amount a double cannot hold exactly as text."""
    if value is None:
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, Decimal) and Decimal(repr(float(value))) != value:
        sheet.write_string(row, col, str(value), fmt)
    else:
        sheet.write_number(row, col, float(value) if isinstance(value, Decimal) else value, fmt)


# ---------------------------------------------------------------- official tables


def _table_sheet(
    sheet: Worksheet, styles: _Styles, report: Report, tables: tuple[Table, ...]
) -> None:
    top = 0
    widest = max(tables, key=lambda t: t.n_cols)
    unit_mm = 156 / sum(widest.widths)
    for col, weight in enumerate(widest.widths):
        sheet.set_column(col, col, weight * unit_mm / 2.2)  # ~2.2 mm per character width
    for table in tables:
        for cell in table.cells:
            _table_cell(sheet, styles, report, cell, top)
        top += table.n_rows + 1  # one blank row between the 第二十条 blocks


def _table_cell(sheet: Worksheet, styles: _Styles, report: Report, cell: Cell, top: int) -> None:
    row, col = top + cell.row, cell.col
    if cell.kind is CellKind.DATA:
        assert cell.key is not None
        _write_value(sheet, row, col, report.cells.get(cell.key), styles.number)
        return
    fmt = styles.label if cell.kind is CellKind.LABEL else styles.header
    if cell.rowspan > 1 or cell.colspan > 1:
        sheet.merge_range(row, col, top + cell.last_row, cell.last_col, cell.text, fmt)
    else:
        sheet.write_string(row, col, cell.text, fmt)


# ---------------------------------------------------------------- 数据 and 报告


def _where(spec: CellSpec) -> tuple[str, str]:
    """The 表 and 行 columns of the data sheet for one cell."""
    grid, row = spec.grid, spec.row
    table = TABLE_SHEETS[grid.table].split()[0]
    if grid.table == "active":
        table = f"{table} {grid.title}"
    label = f"{row.group} {row.label}" if row.group else row.label
    return table, label


def _data_sheet(sheet: Worksheet, styles: _Styles, report: Report) -> None:
    for col, (text, width) in enumerate(zip(DATA_HEADER, (40, 24, 40, 24, 12, 8), strict=True)):
        sheet.write_string(0, col, text, styles.bold)
        sheet.set_column(col, col, width)
    for i, (key, spec) in enumerate(report.spec.cells.items(), start=1):
        table, row = _where(spec)
        sheet.write_string(i, 0, key, styles.plain)
        sheet.write_string(i, 1, table, styles.plain)
        sheet.write_string(i, 2, row, styles.plain)
        sheet.write_string(i, 3, column_header(spec.column), styles.plain)
        _write_value(sheet, i, 4, report.cells.get(key), styles.plain)
        sheet.write_string(i, 5, UNIT_NAMES[spec.unit], styles.plain)
    sheet.freeze_panes(1, 0)


def _report_sheet(sheet: Worksheet, styles: _Styles, report: Report) -> None:
    """One table: key | 标题 | 正文 — the facts (format, agency, year, title), then each part."""
    sheet.set_column(0, 0, 14)
    sheet.set_column(1, 1, 36)
    sheet.set_column(2, 2, 100)
    for col, text in enumerate(REPORT_HEADER):
        sheet.write_string(0, col, text, styles.bold)
    facts: list[tuple[str, str, str | int | None]] = [
        ("format", "格式", report.format),
        ("agency", "机关", report.agency),
        ("year", "年度", report.year),
        ("title", "标题", report_title(report)),
    ]
    for row, (key, name, value) in enumerate(facts, start=1):
        sheet.write_string(row, 0, key, styles.plain)
        sheet.write_string(row, 1, name, styles.plain)
        if isinstance(value, int):
            sheet.write_number(row, 2, value, styles.plain)
        elif value:
            sheet.write_string(row, 2, value, styles.text)
    row = len(facts)
    headings = {s.key: s.heading for s in SECTIONS}
    for key in SECTION_KEYS:
        text = report.sections.get(key) or ""
        # Text longer than a cell holds continues on the next rows under the same key.
        chunks = [text[i : i + _MAX_CELL_TEXT] for i in range(0, len(text), _MAX_CELL_TEXT)]
        for chunk in chunks or [""]:
            row += 1
            sheet.write_string(row, 0, key, styles.plain)
            sheet.write_string(row, 1, headings.get(key, ""), styles.plain)
            if chunk:
                sheet.write_string(row, 2, chunk, styles.text)
