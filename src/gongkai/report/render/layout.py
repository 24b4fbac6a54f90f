"""The official layout of the report, derived once from the format declaration (报告版式).

Every renderer (HTML/PDF, Markdown, DOCX, XLSX) draws the same document: the title, the
preamble, then the six parts, each with its narrative paragraphs and, in parts 二、三、四, the
official tables. This module turns ``formats.py`` into that structure — a table is a grid of
cells anchored at (row, column) with a rowspan/colspan, the way the 国办 formats print them —
so no renderer spells an official label or decides a merge on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from ..formats import (
    APPLICANTS,
    FORMATS,
    ORGANISATIONS,
    OUTCOME_TOTAL_ROW,
    REMEDY_GROUPS_HEADER,
    SECTIONS,
    Column,
    Grid,
    ReportFormat,
    Row,
    Unit,
)
from ..jsonio import cell_to_json
from ..model import Report, Value

__all__ = [
    "AMOUNT_UNIT",
    "Cell",
    "CellKind",
    "Part",
    "Table",
    "cell_id",
    "column_header",
    "parts",
    "report_title",
    "section_id",
    "tables_for",
    "value_text",
]

AMOUNT_UNIT = "万元"  # formats.Unit.AMOUNT: amounts are stored and printed in 万元
_REPORT_NAME = FORMATS["2021"].name.partition("格式")[0]  # "政府信息公开工作年度报告"

# Which part of the report prints which table (formats.Grid.table).
_PART_TABLE = {"proactive": "active", "applications": "apply", "remedies": "remedy"}


class CellKind(StrEnum):
    TITLE = "title"  # part 二 block title, e.g. 第二十条第（一）项
    HEADER = "header"  # column headers and the corner cell
    LABEL = "label"  # row labels
    DATA = "data"  # a value: has a canonical key


@dataclass(frozen=True)
class Cell:
    """One printed cell, anchored at its top-left grid slot."""

    row: int
    col: int
    text: str
    kind: CellKind
    rowspan: int = 1
    colspan: int = 1
    key: str | None = None  # canonical cell key, for DATA cells
    unit: Unit = Unit.COUNT

    @property
    def last_row(self) -> int:
        return self.row + self.rowspan - 1

    @property
    def last_col(self) -> int:
        return self.col + self.colspan - 1


@dataclass(frozen=True)
class Table:
    """One official table: ``header_rows`` header rows, then data rows."""

    id: str
    grid: Grid
    n_rows: int
    n_cols: int
    header_rows: int
    label_cols: int
    widths: tuple[int, ...]  # relative column widths
    cells: tuple[Cell, ...]  # sorted by (row, col)

    def rows(self) -> list[list[Cell]]:
        """The cells anchored in each row (what an HTML ``<tr>`` holds)."""
        out: list[list[Cell]] = [[] for _ in range(self.n_rows)]
        for cell in self.cells:
            out[cell.row].append(cell)
        return out

    def slots(self) -> list[list[Cell | None]]:
        """Every grid slot: the anchored cell at its top-left slot, None in merged slots."""
        out: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            out[cell.row][cell.col] = cell
        return out


@dataclass(frozen=True)
class Part:
    """The preamble (no heading) or one of the six parts."""

    key: str
    heading: str | None
    paragraphs: tuple[str, ...]
    tables: tuple[Table, ...]

    @property
    def id(self) -> str:
        return section_id(self.key)


# ---------------------------------------------------------------- text


def report_title(report: Report) -> str:
    """The report's own title, or "<机关><年度>年政府信息公开工作年度报告"."""
    if report.title and report.title.strip():
        return report.title.strip()
    year = f"{report.year}年" if report.year is not None else ""
    return f"{report.agency or ''}{year}{_REPORT_NAME}"


def value_text(value: Value) -> str:
    """Counts as integers, amounts as plain decimals ("76.3"), unknown as empty."""
    if value is None:
        return ""
    return str(cell_to_json(value))


def paragraphs(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(line.strip() for line in text.split("\n") if line.strip())


def column_header(column: Column) -> str:
    """The column label, with the unit of an amount column: "采购总金额（单位：万元）"."""
    if column.unit is Unit.AMOUNT and AMOUNT_UNIT not in column.label:
        return f"{column.label}（单位：{AMOUNT_UNIT}）"
    return column.label


def section_id(key: str) -> str:
    return f"section-{key}"


def cell_id(key: str) -> str:
    # Row keys use "_" and "." only, so mapping "." to "-" keeps ids unique.
    return "cell-" + key.replace(".", "-")


# ---------------------------------------------------------------- the document


def parts(report: Report) -> tuple[Part, ...]:
    """The preamble and the six parts, in order, with their tables."""
    out = [Part("preamble", None, paragraphs(report.sections.get("preamble")), ())]
    for section in SECTIONS:
        table = _PART_TABLE.get(section.key)
        tables = tables_for(report.format, table) if table else ()
        out.append(
            Part(section.key, section.heading, paragraphs(report.sections.get(section.key)), tables)
        )
    return tuple(out)


@cache
def tables_for(version: str, table: str) -> tuple[Table, ...]:
    """The official tables of one part ("active", "apply" or "remedy") of a format."""
    spec: ReportFormat = FORMATS[version]
    if table == "active":
        return tuple(_active_table(g, i) for i, g in enumerate(spec.active, start=1))
    if table == "apply":
        return (_apply_table(spec.apply),)
    if table == "remedy":
        return (_remedy_table(spec.remedy),)
    raise ValueError(f"未知的表：{table!r}")


def _table(
    id_: str, grid: Grid, header_rows: int, label_cols: int, widths: list[int], cells: list[Cell]
) -> Table:
    cells.sort(key=lambda c: (c.row, c.col))
    n_rows = max(c.last_row for c in cells) + 1
    n_cols = max(c.last_col for c in cells) + 1
    assert len(widths) == n_cols, (id_, widths, n_cols)
    return Table(id_, grid, n_rows, n_cols, header_rows, label_cols, tuple(widths), tuple(cells))


def _data(grid: Grid, row_index: int, row: Row, first_col: int) -> list[Cell]:
    return [
        Cell(row_index, first_col + j, "", CellKind.DATA, key=grid.key(row, col), unit=col.unit)
        for j, col in enumerate(grid.columns)
    ]


# ---------------------------------------------------------------- part 二


def _active_table(grid: Grid, index: int) -> Table:
    """第二十条 block: title row merged across, "信息内容" + columns, one row per item."""
    width = 1 + len(grid.columns)
    cells = [
        Cell(0, 0, grid.title, CellKind.TITLE, colspan=width),
        Cell(1, 0, grid.corner, CellKind.HEADER),
    ]
    cells += [
        Cell(1, 1 + j, column_header(col), CellKind.HEADER) for j, col in enumerate(grid.columns)
    ]
    for i, row in enumerate(grid.rows, start=2):
        cells.append(Cell(i, 0, row.label, CellKind.LABEL))
        cells += _data(grid, i, row, 1)
    widths = [3] + [2] * len(grid.columns)
    return _table(f"table-active-{index}", grid, 2, 1, widths, cells)


# ---------------------------------------------------------------- part 三


def _apply_table(grid: Grid) -> Table:
    """收到和处理政府信息公开申请情况: 3 header rows, a label area 3 columns wide.

    The declared columns are 自然人, the organisation columns, then 总计 (formats.APPLY_COLUMNS);
    the header groups them as 申请人情况 → {自然人, 法人或其他组织 → {…}, 总计}.
    """
    labels, columns = 3, grid.columns
    person, *orgs, total = columns
    last = labels + len(columns) - 1
    cells = [
        Cell(0, 0, grid.corner, CellKind.HEADER, rowspan=3, colspan=labels),
        Cell(0, labels, APPLICANTS, CellKind.HEADER, colspan=len(columns)),
        Cell(1, labels, person.label, CellKind.HEADER, rowspan=2),
        Cell(1, labels + 1, ORGANISATIONS, CellKind.HEADER, colspan=len(orgs)),
        Cell(1, last, total.label, CellKind.HEADER, rowspan=2),
    ]
    cells += [Cell(2, labels + 1 + j, col.label, CellKind.HEADER) for j, col in enumerate(orgs)]
    cells += _apply_labels(grid.rows, first_row=3, labels=labels)
    for i, row in enumerate(grid.rows, start=3):
        cells += _data(grid, i, row, labels)
    widths = [2, 3, 8] + [2] * len(columns)
    return _table("table-apply", grid, 3, labels, widths, cells)


def _apply_labels(rows: tuple[Row, ...], first_row: int, labels: int) -> list[Cell]:
    """Row labels of part 三.

    Rows without a group span the label area; the outcome rows (group = the group of
    （七）总计, i.e. 三、本年度办理结果) share one label in column 1 spanning them all; an
    outcome row of its own spans columns 2–3; a sub-item group such as （三）不予公开 has its
    label in column 2 spanning its items, each item in column 3.
    """
    outcome = next(r.group for r in rows if r.key == OUTCOME_TOTAL_ROW)
    cells: list[Cell] = []
    i = 0
    while i < len(rows):
        row, at = rows[i], first_row + i
        if row.group is None:
            cells.append(Cell(at, 0, row.label, CellKind.LABEL, colspan=labels))
            i += 1
            continue
        if row.group != outcome:
            run = _run_length(rows, i)
            cells.append(Cell(at, 1, row.group, CellKind.LABEL, rowspan=run))
            cells += [Cell(at + k, 2, rows[i + k].label, CellKind.LABEL) for k in range(run)]
            i += run
            continue
        cells.append(Cell(at, 1, row.label, CellKind.LABEL, colspan=labels - 1))
        i += 1
    grouped = [first_row + i for i, r in enumerate(rows) if r.group is not None]
    if grouped and outcome is not None:
        span = grouped[-1] - grouped[0] + 1
        cells.append(Cell(grouped[0], 0, outcome, CellKind.LABEL, rowspan=span))
    return cells


def _run_length(rows: tuple[Row, ...], start: int) -> int:
    n = 1
    while start + n < len(rows) and rows[start + n].group == rows[start].group:
        n += 1
    return n


# ---------------------------------------------------------------- part 四


def _remedy_table(grid: Grid) -> Table:
    """行政复议 / 行政诉讼 header over the three groups of outcome columns, one data row.

    A header group with a single row of the same name (行政复议) prints its outcome columns
    directly under it (rowspan 2); a group of several rows (行政诉讼) prints the row labels
    (未经复议直接起诉, 复议后起诉) then the outcome columns.
    """
    n = len(grid.columns)
    cells: list[Cell] = []
    col = 0
    for prefix, header in REMEDY_GROUPS_HEADER.items():
        members = [r for r in grid.rows if r.key == prefix or r.key.startswith(prefix + "_")]
        cells.append(Cell(0, col, header, CellKind.HEADER, colspan=n * len(members)))
        for row in members:
            if len(members) == 1 and row.label == header:
                cells += [
                    Cell(1, col + j, c.label, CellKind.HEADER, rowspan=2)
                    for j, c in enumerate(grid.columns)
                ]
            else:
                cells.append(Cell(1, col, row.label, CellKind.HEADER, colspan=n))
                cells += [
                    Cell(2, col + j, c.label, CellKind.HEADER) for j, c in enumerate(grid.columns)
                ]
            cells += _data(grid, 3, row, col)
            col += n
    return _table("table-remedy", grid, 3, 0, [1] * col, cells)
