"""The shape every reader produces: a document as a sequence of paragraphs and tables.

Readers (plain text, Markdown, HTML, DOCX, PDF, XLSX) only turn their input into this shape;
``interpret.py`` turns it into a ``Report``. So the messy-report logic (labels, shifted
cells, units, identities) is written once, whatever the file kind.

A table row is a list of cell texts in grid order. A cell merged over several grid slots
(rowspan/colspan) appears once, in its first slot; the other slots hold "" — so positions
stay meaningful where the source keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Paragraph:
    text: str
    line: int | None = None
    page: int | None = None


@dataclass(frozen=True)
class CellBox:
    """Where an OCR reader read a cell: its box in page pixels (at ``ocr.DPI`` for a PDF
    page, the image's own pixels for an image) and the engine's confidence (0–100)."""

    x: int
    y: int
    w: int
    h: int
    confidence: float


@dataclass
class TableRow:
    cells: list[str]
    line: int | None = None
    page: int | None = None
    boxes: list[CellBox | None] | None = None  # OCR readers only: one per cell


@dataclass
class Table:
    rows: list[TableRow] = field(default_factory=list)
    # True where the reader knows cell positions are exact (HTML/DOCX/XLSX grids);
    # and for ruled PDF tables; False for text flattened from PDFs and tables rebuilt from
    # word gaps, where empty cells may be lost or added.
    positional: bool = False


Block = Paragraph | Table


@dataclass
class Document:
    source: str | None
    kind: str  # "text" | "markdown" | "html" | "docx" | "pdf" | "xlsx"
    blocks: list[Block] = field(default_factory=list)
