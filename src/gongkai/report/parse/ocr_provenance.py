"""Give each cell read by OCR its box and confidence in ``provenance``.

The table reader records where a value came from as (page, line, raw text); an OCR reader
numbers its table rows so (page, line) names one row (``ocr._number_lines``). The cell is
then the row's cell with the same text: a row's values are placed in column order, so the
cells of one row are matched left to right, each OCR cell used once.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Report
from .blocks import CellBox, Document, Table, TableRow


def ocr_rows(doc: Document) -> dict[tuple[int, int], TableRow]:
    return {
        (row.page, row.line): row
        for block in doc.blocks
        if isinstance(block, Table)
        for row in block.rows
        if row.boxes is not None and row.page is not None and row.line is not None
    }


def attach_boxes(report: Report, doc: Document) -> None:
    rows = ocr_rows(doc)
    if not rows:
        return
    used: set[tuple[int, int, int]] = set()
    for key in report.spec.cells:  # declared order: a row's columns left to right
        prov = report.provenance.get(key)
        if prov is None or prov.page is None or prov.line is None:
            continue
        row = rows.get((prov.page, prov.line))
        if row is None or row.boxes is None:
            continue
        box = _first_unused(row, row.boxes, prov.raw, used)
        if box is not None:
            report.provenance[key] = replace(
                prov, box=(box.x, box.y, box.w, box.h), confidence=box.confidence
            )


def _first_unused(
    row: TableRow, boxes: list[CellBox | None], raw: str, used: set[tuple[int, int, int]]
) -> CellBox | None:
    """The leftmost cell of ``row`` holding ``raw`` not yet given to another key."""
    for i, (text, box) in enumerate(zip(row.cells, boxes, strict=True)):
        slot = (row.page or 0, row.line or 0, i)
        if box is None or text.strip() != raw.strip() or slot in used:
            continue
        used.add(slot)
        return box
    return None
