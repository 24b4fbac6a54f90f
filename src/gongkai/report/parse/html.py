"""HTML reports: the pages agencies publish on their portals (often GB18030/GBK-encoded).

Block elements (h1–h6, p, div, li, …) become one Paragraph each, in document order, with
whitespace collapsed and ``<br>`` kept as a paragraph break; each data ``<table>`` becomes a
positional Table with rowspan/colspan resolved (``grid.py``). A table whose cells hold other
tables is page layout, not data: its cells are read as blocks, so the inner tables come out
as Tables of their own. Script, style, nav and head content is dropped; nothing is executed.
"""

from __future__ import annotations

import codecs
import contextlib
import re

from lxml import etree

from .blocks import Document, Paragraph, Table, TableRow
from .grid import Cell, collapse, resolve
from .limits import check_size, html_parser, reading

_SKIP = ("script", "style", "nav", "head", "noscript", "template", "iframe", "object",
         "embed", "svg", "math", "select", "textarea", "button", "map", "canvas")  # fmt: skip
_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "ul",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
    ]
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,20})""", re.I
)
_GB = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "euc-cn", "gb18030"}
_SECTIONS = ("thead", "tbody", "tfoot")


def read_html(data: bytes, source: str | None = None) -> Document:
    check_size(data)
    with reading("HTML"):
        root = _parse(data)
        doc = Document(source, "html")
        if root is not None:
            _Walker(doc).run(root)
        return doc


def decode_html(data: bytes) -> str:
    """UTF-8 when the bytes are valid UTF-8 (pages often declare a charset they do not use),
    else the ``<meta charset>``, else GB18030 (a superset of GB2312/GBK)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:8192])
    encoding = "gb18030"
    if m:
        name = m.group(1).decode("ascii").lower()
        if name not in _GB:
            with contextlib.suppress(LookupError):
                encoding = codecs.lookup(name).name
    return data.decode(encoding, errors="replace")


def _parse(data: bytes) -> etree._Element | None:
    text = decode_html(data).replace("\x00", "")
    if not text.strip():
        return None
    root = etree.fromstring(text.encode("utf-8"), html_parser())
    if root is None:
        return None
    etree.strip_elements(root, *_SKIP, with_tail=False)
    return root


_OPEN, _CLOSE, _TAIL = 0, 1, 2


class _Walker:
    """Walk the tree without recursion (hostile pages nest thousands deep)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.buf: list[str] = []
        self.line: int | None = None

    def run(self, root: etree._Element) -> None:
        stack: list[tuple[int, etree._Element]] = [(_OPEN, root)]
        while stack:
            action, el = stack.pop()
            if action != _OPEN:
                if action == _CLOSE:  # end of a block: its tail starts a new paragraph
                    self.flush()
                self.add(el.tail, el)
                continue
            tag = el.tag if isinstance(el.tag, str) else ""
            if tag == "br":
                self.flush()
                self.add(el.tail, el)
            elif tag == "table" and not _is_layout(el):
                self.flush()
                self.table(el)
                self.add(el.tail, el)
            else:
                block = tag in _BLOCK
                if block:
                    self.flush()
                stack.append((_CLOSE if block else _TAIL, el))
                stack.extend((_OPEN, child) for child in reversed(el))
                self.add(el.text if tag else None, el)
        self.flush()

    def add(self, text: str | None, el: etree._Element) -> None:
        if text:
            if not self.buf:
                self.line = el.sourceline
            self.buf.append(text)

    def flush(self) -> None:
        if self.buf:
            text = collapse("".join(self.buf))
            if text:
                self.doc.blocks.append(Paragraph(text, self.line))
            self.buf = []
            self.line = None

    def table(self, el: etree._Element) -> None:
        for caption in el.iterchildren("caption"):
            text = _cell_text(caption)
            if text:
                self.doc.blocks.append(Paragraph(text, caption.sourceline))
        trs = _rows(el)
        cells = [[_cell(td) for td in tr if td.tag in ("td", "th")] for tr in trs]
        grid = resolve(cells)
        if not any(any(row) for row in grid):
            return
        rows = [TableRow(row, tr.sourceline) for row, tr in zip(grid, trs, strict=True)]
        self.doc.blocks.append(Table(rows, positional=True))


def _is_layout(table: etree._Element) -> bool:
    """A table holding other tables lays out the page; its cells are read as blocks."""
    return next(table.iterdescendants("table"), None) is not None


def _rows(table: etree._Element) -> list[etree._Element]:
    rows: list[etree._Element] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in _SECTIONS:
            rows.extend(tr for tr in child if tr.tag == "tr")
    return rows


def _span(value: str | None) -> int:
    m = re.match(r"\s*(\d{1,6})", value or "")
    return int(m.group(1)) if m else 1


def _cell(td: etree._Element) -> Cell:
    return Cell(_cell_text(td), _span(td.get("rowspan")), _span(td.get("colspan")))


def _cell_text(el: etree._Element) -> str:
    """The cell's text; a line break or inner block becomes a space ("自然<br>人" → "自然 人")."""
    for node in el.iterdescendants():
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "br" or tag in _BLOCK:
            node.tail = " " + (node.tail or "")
            if tag != "br":
                node.text = " " + (node.text or "")
    return collapse("".join(el.itertext()))
