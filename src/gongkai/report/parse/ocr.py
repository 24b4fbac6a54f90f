"""Scanned reports (图片版): images (PNG/JPEG/TIFF) and the image-only pages of PDFs, read by
OCR into the same blocks as every other reader.

Per page: straighten it, find the ruled tables (``ocr_tables``), paint the rules white; then
two Tesseract calls run side by side — the page with its tables blanked (the narrative),
and a "mosaic" of every non-empty table cell stacked one under another (so each cell is read
on its own, in one call, and every word lands in the cell it came from). The narrative's
words go through the PDF reader's line and paragraph logic; each table cell keeps its box
and confidence (``TableRow.boxes``), which become the cell's provenance.

Nothing OCR reads is trusted more than any other reader's text: the identities check every
number, and ``checks/ocr.py`` names the one digit a misread would explain.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Iterator

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFile, ImageSequence, UnidentifiedImageError

from .blocks import CellBox, Document, Table, TableRow
from .errors import UnreadableInput
from .limits import MAX_PDF_PAGES, check_size, reading
from .ocr_cells import CellKey, CellReading, read_cells
from .ocr_engine import OcrDeadline, Word, finish, start
from .ocr_tables import TableGrid, deskew, find_tables, ink, ruling_lines, to_gray
from .ocr_tables import without_lines as erase_lines
from .pdf import _Builder, _is_margin_number, _Line, _PageItems

DPI = 200  # PDF pages are rasterised at this resolution for OCR (and for the web's crops)
MAX_PIXELS = 40_000_000  # per page: an A4 page at 200 dpi is 3.9 million


def read_image(data: bytes, source: str | None = None) -> Document:
    """A scanned report as one image per page (a multi-page TIFF is several pages)."""
    check_size(data)
    deadline = OcrDeadline()
    with reading("图片"):
        pages = [ocr_page(gray, n, deadline) for n, gray in enumerate(frames(data), start=1)]
    doc = _Builder(Document(source, "image"), pages).build()
    if not doc.blocks:
        raise UnreadableInput("图片中没有识别出任何文字（图片可能过于模糊、为空白页或不是报告）")
    return doc


def frames(data: bytes) -> Iterator[np.ndarray]:
    """The image's pages in grey, one at a time (a 200-page TIFF is never all in memory)."""
    # weasyprint, once imported, tells PIL to load truncated images (grey where data is
    # missing): a cut-off scan must be refused, not read half
    truncated, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    with warnings.catch_warnings():  # PIL warns of corrupt EXIF and the like; we refuse or read
        warnings.simplefilter("ignore")
        try:
            image = Image.open(io.BytesIO(data))
            number = 0
            for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                if number > MAX_PDF_PAGES:
                    raise UnreadableInput(f"图片超过 {MAX_PDF_PAGES} 页，不像是一份年度报告")
                if frame.width * frame.height > MAX_PIXELS:
                    raise UnreadableInput(
                        f"图片过大（{frame.width}×{frame.height} 像素），请以 200–300 dpi 扫描后再上传"
                    )
                yield np.array(frame.convert("L"))
        except (UnidentifiedImageError, Image.DecompressionBombError):
            raise UnreadableInput("图片文件已损坏或格式不受支持（支持 PNG、JPEG、TIFF）") from None
        except (OSError, SyntaxError, ValueError, EOFError):
            raise UnreadableInput("图片文件已损坏或不完整，无法读取") from None
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = truncated
    if number == 0:
        raise UnreadableInput("图片文件中没有任何页面")


def ocr_pdf_pages(data: bytes, numbers: list[int]) -> dict[int, _PageItems]:
    """The scanned pages (1-based ``numbers``) of a PDF, rasterised and read by OCR."""
    deadline = OcrDeadline()
    out: dict[int, _PageItems] = {}
    with reading("PDF"):
        pdf = pdfium.PdfDocument(data)
        try:
            for number in numbers:
                out[number] = ocr_page(render_pdf_page(pdf, number), number, deadline)
        finally:
            pdf.close()
    return out


def render_pdf_page(pdf: pdfium.PdfDocument, number: int) -> np.ndarray:
    """Page ``number`` (1-based) in grey at the OCR scale."""
    page = pdf[number - 1]
    try:
        width, height = page.get_size()
        bitmap = page.render(scale=pdf_page_scale(width, height), grayscale=True)
        return np.array(bitmap.to_pil().convert("L"))
    finally:
        page.close()


def pdf_page_scale(width_pt: float, height_pt: float) -> float:
    """Pixels per PDF point when a page is rasterised for OCR: ``DPI``, less for a page so
    large it would pass ``MAX_PIXELS``. The web's crops use the same scale."""
    scale = DPI / 72
    pixels = width_pt * height_pt * scale * scale
    return scale if pixels <= MAX_PIXELS else scale * math.sqrt(MAX_PIXELS / pixels)


def ocr_page(gray: np.ndarray, number: int, deadline: OcrDeadline) -> _PageItems:
    """One page image → its lines of text and its tables, in top-to-bottom order."""
    gray = deskew(to_gray(gray))
    lines = ruling_lines(ink(gray))
    tables = find_tables(lines)
    # Only the tables' own rules are erased: outside tables, the long vertical strokes of
    # large characters would go with them.
    clean = gray.copy()
    narrative = gray.copy()
    for t in tables:
        box = (slice(t.y, t.y + t.h), slice(t.x, t.x + t.w))
        clean[box] = erase_lines(gray[box], lines[box])
        narrative[box] = 255
    text_job = start(narrative, 3)  # runs on one core while the cells are read on the other
    try:
        cells = read_cells(clean, tables, deadline)
    finally:
        words = finish(text_job, deadline)
    height = float(gray.shape[0])
    page = _PageItems(number)
    for line in _text_lines(words, number):
        if not _is_margin_number(line, height):
            page.items.append((line.top, line))
    for table, rows in _tables(tables, cells, number):
        page.items.append((float(table.y), Table(rows, positional=True)))
    page.items.sort(key=lambda item: item[0])
    _number_lines(page)
    return page


def _text_lines(words: list[Word], page: int) -> list[_Line]:
    """Tesseract's own lines, in the PDF reader's shape; a line Tesseract split off that sits
    within another's height (a lone "、" or "日") is put back into it."""
    groups: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        groups.setdefault(word.line, []).append(word)
    lines: list[list[Word]] = []
    for group in sorted(groups.values(), key=lambda g: _middle(g)):
        if lines:
            last = lines[-1]
            top, bottom = min(w.top for w in last), max(w.bottom for w in last)
            if top <= _middle(group) <= bottom:
                last.extend(group)
                continue
        lines.append(list(group))
    return [_Line([w.as_pdf_word() for w in sorted(ws, key=lambda w: w.x0)], page) for ws in lines]


def _middle(words: list[Word]) -> float:
    return (min(w.top for w in words) + max(w.bottom for w in words)) / 2


def _number_lines(page: _PageItems) -> None:
    """Lines and table rows numbered together, top to bottom: (page, line) names one row,
    which is how a cell's provenance finds its OCR box again."""
    n = 0
    for _, item in page.items:
        if isinstance(item, Table):
            for row in item.rows:
                n += 1
                row.line = n
        else:
            n += 1
            item.number = n


def _tables(
    tables: list[TableGrid], cells: dict[CellKey, CellReading], page: int
) -> list[tuple[TableGrid, list[TableRow]]]:
    """Each table as rows of cell texts in grid order, merged cells in their first slot."""
    out = []
    for ti, table in enumerate(tables):
        grid = [[""] * table.cols for _ in range(table.rows)]
        boxes: list[list[CellBox | None]] = [[None] * table.cols for _ in range(table.rows)]
        for ci, cell in enumerate(table.cells):
            reading = cells.get((ti, ci))
            if reading is None:
                continue
            grid[cell.row][cell.col] = reading.text
            boxes[cell.row][cell.col] = CellBox(*reading.box, reading.confidence)
        rows = [
            TableRow(texts, page=page, boxes=row_boxes)
            for texts, row_boxes in zip(grid, boxes, strict=True)
            if any(texts)
        ]
        if rows:
            out.append((table, rows))
    return out
