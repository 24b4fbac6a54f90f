"""The spot of a scan a cell was read from, as a small PNG for the clerk to compare.

The page is rasterised and straightened exactly as the OCR reader did (same scale, same
``deskew``), so the box kept in the cell's provenance falls on the same pixels. The crop is
re-encoded by us (never the uploaded bytes) and bounded in size.
"""

from __future__ import annotations

from itertools import islice

import cv2
import pypdfium2 as pdfium

from .detect import detect_kind
from .errors import UnreadableInput
from .limits import reading
from .ocr import frames, render_pdf_page
from .ocr_tables import deskew

MARGIN = 48  # pixels of the page around the cell, so the row and column can be seen
MAX_SIDE = 1600


def cell_crop(data: bytes, page: int, box: tuple[int, int, int, int]) -> bytes:
    """PNG of ``box`` (x, y, w, h) on 1-based ``page`` of a scanned PDF or image file."""
    kind = detect_kind(data)
    with reading("扫描件"):
        if kind == "pdf":
            pdf = pdfium.PdfDocument(data)
            try:
                if not 1 <= page <= len(pdf):
                    raise UnreadableInput("扫描件中没有这一页")
                gray = render_pdf_page(pdf, page)
            finally:
                pdf.close()
        elif kind == "image":
            found = next(islice(frames(data), page - 1, None), None) if page >= 1 else None
            if found is None:
                raise UnreadableInput("扫描件中没有这一页")
            gray = found
        else:
            raise UnreadableInput("原始文件不是扫描件（PDF 或图片）")
        gray = deskew(gray)
    x, y, w, h = box
    height, width = gray.shape
    x0, y0 = max(x - MARGIN, 0), max(y - MARGIN, 0)
    x1, y1 = min(x + w + MARGIN, width, x0 + MAX_SIDE), min(y + h + MARGIN, height, y0 + MAX_SIDE)
    if x1 <= x0 or y1 <= y0:
        raise UnreadableInput("单元格位置不在这一页上")
    ok, png = cv2.imencode(".png", gray[y0:y1, x0:x1])
    if not ok:  # pragma: no cover - a non-empty grey array always encodes
        raise UnreadableInput("无法生成截图")
    return png.tobytes()
