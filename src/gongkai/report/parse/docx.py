"""Word (.docx) reports, read with python-docx at the XML level.

* Paragraphs of the body (and of content controls) in order, one Paragraph each; empty ones
  are dropped.
* Tables on a positional grid: a horizontal merge (``w:gridSpan``) keeps its text in its first
  slot and "" in the others; a vertical merge (``w:vMerge`` continue) gives "" below the
  first row; ``w:gridBefore``/``w:gridAfter`` leave "" slots. A cell's paragraphs are joined
  (no space between CJK characters), nested tables flattened into the cell's text.
* A table split in two — two tables with the same grid columns and nothing but blank
  paragraphs between, where a page break falls between them or the second repeats the
  first's header rows — comes out as one Table (the repeated header rows dropped). Other
  consecutive tables stay consecutive Tables.
* Pages: Word records where it last laid out each page (``w:lastRenderedPageBreak``); when a
  file has those, they give the page numbers. Otherwise (files written by software, not by
  Word) explicit breaks count: ``w:br w:type="page"``, ``w:pageBreakBefore`` and section
  breaks other than "continuous". Page numbers are therefore estimates for the latter.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from .blocks import Document, Paragraph, Table, TableRow
from .grid import MAX_COLUMNS, collapse, join_wrapped
from .limits import Deadline, open_zip, reading

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_TR, _TC, _R, _BR = qn("w:tr"), qn("w:tc"), qn("w:r"), qn("w:br")
_RENDERED = qn("w:lastRenderedPageBreak")
_TYPE, _VAL = qn("w:type"), qn("w:val")
MAX_TABLE_ROWS = 5000


def read_docx(data: bytes, source: str | None = None) -> Document:
    open_zip(data, "Word（DOCX）").close()
    deadline = Deadline("Word（DOCX）")
    with reading("Word（DOCX）"):
        body = open_docx(io.BytesIO(data)).element.body
        reader = _Reader(Document(source, "docx"), deadline)
        reader.rendered = next(body.iter(_RENDERED), None) is not None
        reader.walk(body)
        if reader.page == 1 and not reader.rendered:
            _forget_pages(reader.doc)
        return reader.doc


def _forget_pages(doc: Document) -> None:
    """A file with no page marks and no page breaks says nothing about its pages: a
    provenance of "page 1" for everything would be a guess, so leave the page unknown."""
    for block in doc.blocks:
        if isinstance(block, Table):
            for row in block.rows:
                row.page = None
        else:
            block.page = None


@dataclass
class _Reader:
    doc: Document
    deadline: Deadline
    rendered: bool = False  # the file carries Word's own page layout marks
    page: int = 1
    # a page boundary (or only blank paragraphs) since the last table, for joining split tables
    since_table: list[str] = field(default_factory=list)

    def walk(self, parent: etree._Element) -> None:
        for child in parent.iterchildren(_P, _TBL, _SDT):
            if child.tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self.walk(content)
            elif child.tag == _P:
                self.paragraph(child)
            else:
                self.deadline.check()
                self.table(child)

    def paragraph(self, p: etree._Element) -> None:
        before, after = self._breaks(p)
        self.page += before
        text = collapse(DocxParagraph(p, None).text)  # type: ignore[arg-type]
        if text:
            self.doc.blocks.append(Paragraph(text, page=self.page))
            self.since_table.append("text")
        if before or after:
            self.since_table.append("page")
        self.page += after

    def _breaks(self, p: etree._Element) -> tuple[int, int]:
        """Page breaks before the paragraph's first text, and after it."""
        before = after = 0
        seen_text = False
        if not self.rendered and _on(p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}")):
            before += 1
        for el in p.iter(_RENDERED, _BR, qn("w:t"), qn("w:sectPr")):
            if el.tag == qn("w:t"):
                seen_text = seen_text or bool(el.text and el.text.strip())
                continue
            if el.tag == _RENDERED:
                hit = self.rendered
            elif el.tag == _BR:
                hit = not self.rendered and el.get(_TYPE) == "page"
            else:  # a section break ends this paragraph's page unless "continuous"
                kind = el.find(qn("w:type"))
                hit = not self.rendered and (kind is None or kind.get(_VAL) != "continuous")
                if hit:
                    after += 1
                continue
            if hit:
                if seen_text:
                    after += 1
                else:
                    before += 1
        return before, after

    def table(self, tbl: etree._Element) -> None:
        rows = _grid(tbl, self)
        if not any(any(r.cells) for r in rows):
            return
        last = self.doc.blocks[-1] if self.doc.blocks else None
        if isinstance(last, Table) and _continues(last, rows, "page" in self.since_table,
                                                  "text" in self.since_table):  # fmt: skip
            last.rows.extend(rows[_repeated_header(last, rows) :])
        else:
            self.doc.blocks.append(Table(rows, positional=True))
        self.since_table = []


def _on(el: etree._Element | None) -> bool:
    return el is not None and el.get(_VAL, "true") not in ("0", "false", "off")


def _grid(tbl: etree._Element, reader: _Reader) -> list[TableRow]:
    rows: list[TableRow] = []
    for tr in tbl.iterchildren(_TR):
        if len(rows) >= MAX_TABLE_ROWS:
            break
        before, after = reader._breaks(tr) if reader.rendered else (0, 0)
        reader.page += before
        cells: list[str] = [""] * _int(tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}"))
        for tc in tr.iterchildren(_TC):
            span = max(1, _int(tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")))
            vmerge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            continued = vmerge is not None and vmerge.get(_VAL, "continue") == "continue"
            cells.append("" if continued else _cell_text(tc))
            cells.extend([""] * (span - 1))
            if len(cells) >= MAX_COLUMNS:
                break
        cells.extend([""] * _int(tr.find(f"{qn('w:trPr')}/{qn('w:gridAfter')}")))
        rows.append(TableRow(cells[:MAX_COLUMNS], page=reader.page))
        reader.page += after
    width = max((len(r.cells) for r in rows), default=0)
    for r in rows:
        r.cells.extend([""] * (width - len(r.cells)))
    return rows


def _int(el: etree._Element | None) -> int:
    try:
        return int(el.get(_VAL, "0")) if el is not None else 0
    except ValueError:
        return 0


def _cell_text(tc: etree._Element) -> str:
    return join_wrapped([DocxParagraph(p, None).text for p in tc.iter(_P)])  # type: ignore[arg-type]


def _continues(last: Table, rows: list[TableRow], page_break: bool, text_between: bool) -> bool:
    """Is ``rows`` the rest of ``last``, split over a page (see the module docstring)?"""
    if text_between or not last.rows or len(last.rows[0].cells) != len(rows[0].cells):
        return False
    return page_break or _repeated_header(last, rows) > 0


def _repeated_header(last: Table, rows: list[TableRow]) -> int:
    """How many leading rows of ``rows`` repeat the first rows of ``last`` (a header)."""
    n = 0
    while n < min(len(rows) - 1, len(last.rows), 3) and rows[n].cells == last.rows[n].cells:
        n += 1
    return n
