"""PDF reports, read with pdfplumber (pypdfium2 only opens the file and counts pages).

Per page, in top-to-bottom order:

* ruled tables (``page.find_tables()``): a positional Table; the ``None`` slots pdfplumber
  gives for merged cells become "", a cell's wrapped lines are re-joined. A table that ends
  one page and whose continuation (same column count) starts the next comes out as one
  Table, without the continuation's repeated header rows;
* the text outside the tables, as lines of words, re-joined into paragraphs: a line that
  runs to the right margin continues on the next line unless that one is indented or looks
  like a heading (一、… （一）…); a paragraph may continue over a page break. Page-number
  lines in the top or bottom margin are dropped;
* unruled tables (Word exported without borders): two or more consecutive lines whose words
  are separated by wide gaps become a non-positional Table, split at the gaps.

A page with images (a scan) or many curves (text saved as outlines) but no text layer is read
by OCR (``ocr.py``), page by page, so a PDF mixing typed and scanned pages reads whole.

Every block has its 1-based ``page``; paragraphs have ``line``, the 1-based number of their
first line among the page's text lines outside tables.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
import pypdfium2 as pdfium

from .blocks import Document, Paragraph, Table, TableRow
from .errors import UnreadableInput
from .grid import is_cjk, join_wrapped
from .limits import MAX_PDF_PAGES, Deadline, check_size, reading

_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[章部分])"
)
_PAGE_NUMBER = re.compile(
    r"^[-—–－\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?[-—–－\s]*$"
)
_CID = re.compile(r"\(cid:\d+\)")
_WIDE_GAP = 2.0  # × font size: a gap this wide between words separates table cells
_OUTLINED_TEXT = 50  # curves on a page without characters: text saved as outlines, for OCR


@dataclass
class _Line:
    words: list[dict[str, Any]]
    page: int
    number: int = 0

    @property
    def x0(self) -> float:
        return float(self.words[0]["x0"])

    @property
    def x1(self) -> float:
        return float(self.words[-1]["x1"])

    @property
    def top(self) -> float:
        return min(float(w["top"]) for w in self.words)

    @property
    def size(self) -> float:
        return max(float(w["bottom"]) - float(w["top"]) for w in self.words) or 10.0

    def cells(self) -> list[str]:
        """The line split at wide gaps (one cell per group of close words)."""
        groups: list[list[dict[str, Any]]] = [[self.words[0]]]
        for prev, word in zip(self.words, self.words[1:], strict=False):
            if float(word["x0"]) - float(prev["x1"]) >= _WIDE_GAP * self.size:
                groups.append([])
            groups[-1].append(word)
        return [_join_words(g) for g in groups]

    @property
    def text(self) -> str:
        return _join_words(self.words)


@dataclass
class _PageItems:
    number: int
    items: list[tuple[float, _Line | Table]] = field(default_factory=list)


def read_pdf(data: bytes, source: str | None = None) -> Document:
    check_size(data)
    deadline = Deadline("PDF")
    with reading("PDF"):
        _check_document(data)
        pages = []
        # pages with no text layer but a picture of one (a scan, or text turned into curves)
        scanned: list[int] = []
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                deadline.check()
                pages.append(_read_page(page, number))
                if not page.chars and (page.images or len(page.curves) > _OUTLINED_TEXT):
                    scanned.append(number)
                page.close()
        if scanned:
            from .ocr import ocr_pdf_pages  # OpenCV and Tesseract only for scanned pages

            for number, items in ocr_pdf_pages(data, scanned).items():
                pages[number - 1] = items
        _check_text(pages)
        return _Builder(Document(source, "pdf"), pages).build()


def _check_document(data: bytes) -> None:
    """Encrypted, corrupt or oversized files, found cheaply with PDFium before pdfminer."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise UnreadableInput("该 PDF 已加密（设置了打开密码），请去掉密码后再上传") from None
        raise UnreadableInput("PDF 文件已损坏或不完整，无法打开") from None
    try:
        n = len(pdf)
    finally:
        pdf.close()
    if n == 0:
        raise UnreadableInput("该 PDF 没有任何页面")
    if n > MAX_PDF_PAGES:
        raise UnreadableInput(
            f"该 PDF 有 {n} 页，超过 {MAX_PDF_PAGES} 页的上限，不像是一份政府信息公开年度报告"
        )


def _check_text(pages: list[_PageItems]) -> None:
    texts: list[str] = []
    for page in pages:
        for _, item in page.items:
            if isinstance(item, Table):
                texts.extend(c for row in item.rows for c in row.cells)
            else:
                texts.append(item.text)
    text = "".join(texts)
    if not text.strip():
        raise UnreadableInput(
            "该 PDF 没有文字层，扫描图像中也没有识别出文字（可能是空白页或图片过于模糊）"
        )
    garbage = sum(len(m) for m in _CID.findall(text))
    if garbage > 0.3 * len(text):
        raise UnreadableInput(
            "该 PDF 的字体缺少字符映射，文字只能提取为 (cid:…) 乱码，请提供 Word 原件或先进行 OCR 识别"
        )


def _read_page(page: Any, number: int) -> _PageItems:
    out = _PageItems(number)
    found = page.find_tables()
    boxes = [t.bbox for t in found]
    for t in found:
        rows = [[join_wrapped((c or "").split("\n")) for c in row] for row in t.extract()]
        if any(any(r) for r in rows):
            out.items.append(
                (float(t.bbox[1]), Table([TableRow(r, page=number) for r in rows], True))
            )

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x = (float(obj["x0"]) + float(obj["x1"])) / 2
        y = (float(obj["top"]) + float(obj["bottom"])) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    text_page = page.filter(outside) if boxes else page
    words = text_page.extract_words(keep_blank_chars=False, use_text_flow=False)
    height = float(page.height)
    lines = [ln for ln in _lines(words, number) if not _is_margin_number(ln, height)]
    for i, line in enumerate(lines, start=1):
        line.number = i
        out.items.append((line.top, line))
    out.items.sort(key=lambda item: item[0])
    return out


def _lines(words: list[dict[str, Any]], page: int) -> list[_Line]:
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: (float(w["top"]), float(w["x0"]))):
        if lines:
            last = lines[-1]
            if abs(float(word["top"]) - last.top) <= 0.5 * last.size:
                last.words.append(word)
                continue
        lines.append(_Line([word], page))
    for line in lines:
        line.words.sort(key=lambda w: float(w["x0"]))
    return lines


def _is_margin_number(line: _Line, height: float) -> bool:
    in_margin = line.top < 0.08 * height or line.top > 0.9 * height
    return in_margin and bool(_PAGE_NUMBER.match(line.text))


def _join_words(words: list[dict[str, Any]]) -> str:
    out = ""
    for prev, word in zip([None, *words], words, strict=False):
        text = str(word["text"])
        if prev is not None:
            gap = float(word["x0"]) - float(prev["x1"])
            size = float(word["bottom"]) - float(word["top"]) or 10.0
            cjk = is_cjk(out[-1]) and is_cjk(text[0])
            if gap > 0.15 * size and not (cjk and gap < size):
                out += " "
        out += text
    return out


_TERMINAL = tuple("。！？；…")


class _Builder:
    """Turn each page's lines and tables into blocks (the second pass: margins are known)."""

    def __init__(self, doc: Document, pages: list[_PageItems]) -> None:
        self.doc = doc
        self.pages = pages
        lines = [item for p in pages for _, item in p.items if isinstance(item, _Line)]
        # The left margin is the smallest common line start: with many one-line paragraphs
        # the indented first-line start can be the most common one.
        starts = Counter(round(ln.x0) for ln in lines)
        common = [x for x, n in starts.items() if n >= 2] or list(starts)
        self.left = float(min(common)) if common else 0.0
        # The right margin is where most long lines end (the mode), not the widest line: a
        # title in a larger size or a line of digits may run past it.
        ends = Counter(round(ln.x1) for ln in lines if len(ln.text) >= 10)
        self.right = float(ends.most_common(1)[0][0]) if ends else 0.0
        self.open: _Line | None = None  # the last line of the paragraph being built
        self.first: _Line | None = None  # its first line
        self.parts: list[str] = []

    def build(self) -> Document:
        for page in self.pages:
            items = [item for _, item in page.items]
            i = 0
            while i < len(items):
                item = items[i]
                if isinstance(item, Table):
                    self.flush()
                    self.table(item)
                    i += 1
                    continue
                run = self._gapped_run(items, i)
                if run >= 2:
                    self.flush()
                    lines = [x for x in items[i : i + run] if isinstance(x, _Line)]
                    rows = [TableRow(ln.cells(), ln.number, ln.page) for ln in lines]
                    self.doc.blocks.append(Table(rows, positional=False))
                    i += run
                    continue
                self.line(item)
                i += 1
        self.flush()
        return self.doc

    def _gapped_run(self, items: list[_Line | Table], start: int) -> int:
        n = 0
        for item in items[start:]:
            if isinstance(item, Table) or len(item.cells()) < 3:
                break
            n += 1
        return n

    def line(self, line: _Line) -> None:
        if self.open is not None and self._continues(self.open, line):
            self.parts.append(line.text)
            self.open = line
            return
        self.flush()
        self.parts = [line.text]
        self.first = line
        self.open = line

    def _continues(self, prev: _Line, line: _Line) -> bool:
        size = prev.size
        # CJK line breaking (no "，" at a line start) can end a full line up to two
        # characters early.
        full = prev.x1 >= self.right - 2.2 * size
        # A line cut short by an unbreakable run ("（电话：" / "0560-88668131）。") ends
        # mid-sentence past the middle of the page.
        unfinished = not prev.text.endswith(_TERMINAL) and prev.x1 >= self.left + 0.5 * (
            self.right - self.left
        )
        indented = line.x0 > self.left + 0.8 * size
        if not (full or unfinished) or indented or _HEADING.match(line.text):
            return False
        if prev.page != line.page:
            return True
        return line.top - prev.top <= 2.2 * size

    def flush(self) -> None:
        if self.open is not None and self.first is not None:
            text = join_wrapped(self.parts)
            if text:
                self.doc.blocks.append(Paragraph(text, self.first.number, self.first.page))
        self.open = None
        self.parts = []

    def table(self, table: Table) -> None:
        last = self.doc.blocks[-1] if self.doc.blocks else None
        if (
            isinstance(last, Table)
            and last.positional
            and last.rows
            and last.rows[-1].page != table.rows[0].page
            and len(last.rows[0].cells) == len(table.rows[0].cells)
        ):
            skip = 0
            while (
                skip < min(3, len(table.rows) - 1)
                and table.rows[skip].cells == last.rows[skip].cells
            ):
                skip += 1
            last.rows.extend(table.rows[skip:])
            return
        self.doc.blocks.append(table)
