"""Reading a page's table cells by OCR, each on its own, in one engine call.

Every non-empty cell's text is cropped and the crops stacked in one column with wide gaps
(a "mosaic"): one Tesseract call reads them all, and each word lands in the cell it came
from by its height in the mosaic — no guessing which column a word belongs to.

Every cell that may hold a number (no Chinese, short), and every unsure one- or two-character
reading, gets a second look, twice the size, with the digit-only English model (chi_sim alone
read a clean "9" as "4" at 89 % confidence). Where the two looks agree the cell is surer;
where they differ, the surer reading is kept with a halved confidence, so the web page shows
the clerk the scan. Confidence and box stay with every cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import cv2
import numpy as np

from .grid import is_cjk, join_wrapped
from .ocr_engine import OcrDeadline, Word, finish, start
from .ocr_tables import TableGrid, has_ink

_PAD = 8  # white around each cell's text in the mosaic
_GAP = 28  # between cells in the mosaic: more than a line gap, so lines never merge
_DOUBT = 85.0
_SURE = 70.0
_GUESS = 30.0  # a reading this unsure is a guess, whatever it says
_LOOKALIKES = str.maketrans(
    {"O": "0", "o": "0", "〇": "0", "○": "0", "D": "0", "l": "1", "I": "1", "|": "1", "丨": "1"}
)
_NUMERIC = re.compile(r"^[+\-−]?\d[\d,]*(?:\.\d+)?$")

CellKey = tuple[int, int]  # (table index, cell index) on the page


@dataclass(frozen=True)
class CellReading:
    text: str
    confidence: float
    box: tuple[int, int, int, int]  # the text's box on the page (x, y, w, h)


@dataclass(frozen=True)
class _Crop:
    key: CellKey
    box: tuple[int, int, int, int]
    image: np.ndarray


def read_cells(
    clean: np.ndarray, tables: list[TableGrid], deadline: OcrDeadline
) -> dict[CellKey, CellReading]:
    crops = _crops(clean, tables)
    if not crops:
        return {}
    readings = _read(crops, deadline, digits=False)
    doubtful = [c for c in crops if _doubtful(readings.get(c.key))]
    if doubtful:
        # twice the size: Tesseract misses lone small glyphs it reads when larger
        larger = [replace(c, image=_enlarged(c.image)) for c in doubtful]
        second = _read(larger, deadline, digits=True)
        for crop in doubtful:
            both = _combined(readings.get(crop.key), second.get(crop.key))
            if both is not None:
                readings[crop.key] = both
    return readings


def _enlarged(image: np.ndarray) -> np.ndarray:
    return cv2.resize(image, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)


def _doubtful(reading: CellReading | None) -> bool:
    """Nothing read where there is ink, anything that may be a number (no Chinese, short),
    or one or two unsure characters (digits OCR took for Chinese: "由", "区")."""
    if reading is None:
        return True
    text = reading.text.replace(" ", "")
    if len(text) <= 12 and not any(is_cjk(c) for c in text):
        return True
    return len(text) <= 2 and reading.confidence < _DOUBT


def _combined(old: CellReading | None, new: CellReading | None) -> CellReading | None:
    """The two looks at one cell together. Where both read a number and they differ, the
    surer one is kept with a low confidence, so the clerk is shown the cell."""
    if new is None or not _NUMERIC.match(new.text):
        return old
    if old is None:  # ink, but the first look read nothing (a lone "1")
        return new if new.confidence >= _GUESS else None
    if any(is_cjk(c) for c in old.text):  # a whitelist forces even "总计" into digits
        return new if new.confidence >= _SURE or old.confidence < _GUESS else old
    if new.text == old.text:
        return replace(old, confidence=max(old.confidence, new.confidence))
    surer = new if new.confidence > old.confidence else old
    return replace(surer, confidence=round(min(old.confidence, new.confidence) / 2, 1))


def _crops(clean: np.ndarray, tables: list[TableGrid]) -> list[_Crop]:
    out = []
    for ti, table in enumerate(tables):
        for ci, cell in enumerate(table.cells):
            box = has_ink(clean, cell)
            if box is None:
                continue
            x, y, w, h = box
            image = clean[
                max(y - _PAD, cell.y) : y + h + _PAD, max(x - _PAD, cell.x) : x + w + _PAD
            ]
            out.append(_Crop((ti, ci), box, image))
    return out


def _read(crops: list[_Crop], deadline: OcrDeadline, digits: bool) -> dict[CellKey, CellReading]:
    width = max(c.image.shape[1] for c in crops) + 2 * _GAP
    height = sum(c.image.shape[0] + _GAP for c in crops) + _GAP
    mosaic = np.full((height, width), 255, np.uint8)
    spans: list[tuple[int, int, _Crop]] = []
    top = _GAP
    for crop in crops:
        h, w = crop.image.shape
        mosaic[top : top + h, _GAP : _GAP + w] = crop.image
        spans.append((top - _GAP // 2, top + h + _GAP // 2, crop))
        top += h + _GAP
    words: dict[CellKey, list[Word]] = {}
    for word in finish(start(mosaic, 6, digits), deadline):
        middle = (word.top + word.bottom) / 2
        for span_top, span_bottom, crop in spans:
            if span_top <= middle < span_bottom:
                words.setdefault(crop.key, []).append(word)
                break
    boxes = {c.key: c.box for c in crops}
    return {
        key: CellReading(cell_text(ws), round(min(w.confidence for w in ws), 1), boxes[key])
        for key, ws in words.items()
    }


def cell_text(words: list[Word]) -> str:
    """A cell's words, line by line; a cell that reads as a number loses the spaces and
    letter look-alikes ("1 2" → "12", "O" → "0") OCR puts in digits."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    ordered = sorted(lines.values(), key=lambda ws: min(w.top for w in ws))
    text = join_wrapped(["".join(w.text for w in sorted(ws, key=lambda w: w.x0)) for ws in ordered])
    digits = text.replace(" ", "").translate(_LOOKALIKES)
    if _NUMERIC.match(digits) and (any(c.isdigit() for c in text) or len(digits) == 1):
        return digits
    return text
