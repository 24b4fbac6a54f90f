"""Excel (.xlsx) reports: workbooks gongkai writes, and agencies' own spreadsheets.

A gongkai workbook has a sheet "报告" (rows: key, heading, text — the title, the format,
agency and year, then each part's heading and narrative), the official-shape sheets
"表二 主动公开", "表三 依申请公开", "表四 复议诉讼", and a sheet "数据" (one row per cell
key). It is read as the report it renders: the title, then each part's heading and text in
order, with the part's table sheet placed after part 二/三/四's text. "数据" is not read: the
official-shape tables carry the same numbers in the shape the interpreter knows.

Any other workbook: each sheet's used range, split at blank rows, becomes Tables (a block
whose rows each hold a single cell becomes Paragraphs).

Merged ranges keep their value in the first slot; Excel stores nothing in the other slots, so
they read as "" (read-only mode: the sheet XML is streamed, never loaded whole). Numbers:
ints stay ints; an integral float loses its ".0"; other floats use ``repr``.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
from collections.abc import Iterable, Iterator
from typing import Any

from openpyxl import load_workbook

from ..formats import SECTION_KEYS, SECTIONS
from .blocks import Block, Document, Paragraph, Table, TableRow
from .errors import UnreadableInput
from .grid import MAX_COLUMNS, collapse, join_wrapped
from .limits import Deadline, open_zip, reading

REPORT_SHEET = "报告"
DATA_SHEET = "数据"
# Which part's narrative each official-shape sheet follows, by the sheet name's prefix.
TABLE_SHEETS = {"proactive": "表二", "applications": "表三", "remedies": "表四"}
MAX_SHEET_ROWS = 20000
_META_KEYS = {"title", "format", "agency", "year", "key", "键"}


def read_xlsx(data: bytes, source: str | None = None) -> Document:
    open_zip(data, "Excel（XLSX）").close()
    deadline = Deadline("Excel（XLSX）")
    with reading("Excel（XLSX）"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheets = {ws.title: _grid(ws, deadline) for ws in wb.worksheets}
        finally:
            wb.close()
    doc = Document(source, "xlsx")
    if REPORT_SHEET in sheets:
        doc.blocks = _gongkai_blocks(sheets)
    else:
        doc.blocks = [b for grid in sheets.values() for b in _blocks(grid)]
    return doc


def _grid(ws: Any, deadline: Deadline) -> list[tuple[int, list[str]]]:
    """(1-based row number, cell texts) for each row of the used range."""
    ws.reset_dimensions()  # a file's declared dimensions may be absurd; stream what is there
    rows: list[tuple[int, list[str]]] = []
    for n, values in enumerate(ws.iter_rows(values_only=True), start=1):
        if n > MAX_SHEET_ROWS:
            raise UnreadableInput(
                f"工作表“{ws.title}”超过 {MAX_SHEET_ROWS} 行，不像是一份年度报告，拒绝读取"
            )
        if n % 500 == 0:
            deadline.check()
        cells = [cell_text(v) for v in list(values)[:MAX_COLUMNS]]
        rows.append((n, cells))
    while rows and not any(rows[-1][1]):
        rows.pop()
    width = max((i + 1 for _, cells in rows for i, c in enumerate(cells) if c), default=0)
    return [(n, (cells + [""] * width)[:width]) for n, cells in rows]


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    lines = (collapse(line) for line in str(value).split("\n"))
    return "\n".join(line for line in lines if line)  # Alt+Enter breaks kept for now


def _regions(grid: list[tuple[int, list[str]]]) -> Iterator[list[tuple[int, list[str]]]]:
    """Runs of rows between blank rows."""
    run: list[tuple[int, list[str]]] = []
    for row in grid:
        if any(row[1]):
            run.append(row)
        elif run:
            yield run
            run = []
    if run:
        yield run


def _blocks(grid: list[tuple[int, list[str]]]) -> list[Block]:
    out: list[Block] = []
    for region in _regions(grid):
        if all(sum(1 for c in cells if c) == 1 for _, cells in region):
            texts = [next(c for c in cells if c) for _, cells in region]
            out.extend(
                p
                for (n, _), t in zip(region, texts, strict=True)
                for p in _paragraphs(t.split("\n"), n)
            )
        else:
            width = max(i + 1 for _, cells in region for i, c in enumerate(cells) if c)
            rows = [
                TableRow([join_wrapped(c.split("\n")) for c in cells[:width]], n)
                for n, cells in region
            ]
            out.append(Table(rows, positional=True))
    return out


def _gongkai_blocks(sheets: dict[str, list[tuple[int, list[str]]]]) -> list[Block]:
    headings = {s.key: s.heading for s in SECTIONS}
    placed: set[str] = {REPORT_SHEET, DATA_SHEET}
    out: list[Block] = []
    for n, cells in sheets[REPORT_SHEET]:
        key, heading, text = ([*cells, "", "", ""])[:3]
        if key == "title":
            out.extend(_paragraphs([text or heading], n))
        if key in _META_KEYS or (key not in SECTION_KEYS and not heading):
            continue
        if key in headings or heading:
            out.append(Paragraph(heading or headings[key], n))
        out.extend(_paragraphs(text.split("\n"), n))
        for name in _table_sheets(sheets, TABLE_SHEETS.get(key)):
            placed.add(name)
            out.extend(_blocks(sheets[name]))
    for name, grid in sheets.items():  # table sheets no part of "报告" led to
        if name not in placed:
            out.extend(_blocks(grid))
    return out


def _table_sheets(sheets: dict[str, Any], prefix: str | None) -> list[str]:
    return [name for name in sheets if prefix and name.startswith(prefix)]


def _paragraphs(texts: Iterable[str], line: int) -> list[Block]:
    return [Paragraph(t, line) for t in (collapse(x) for x in texts) if t]
