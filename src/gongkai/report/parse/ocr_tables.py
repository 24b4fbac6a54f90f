"""Tables in a page image, from their ruling lines (OpenCV): the grid of cells, merged cells
included, before any text is read.

The annual report's tables are fully ruled (the 2021 template prints every border), so the
lines give the structure exactly, and OCR only has to read each cell on its own: no guessing
columns from word gaps. Steps: straighten the page by the angle of its long horizontal
lines (a scan is rarely square); keep the long horizontal and vertical strokes (morphological
opening); a group of crossing strokes is a table; each enclosed white region inside it is a
cell. Cell edges are clustered into grid lines, so a cell spanning two rows or columns gets
its first slot and "" in the others, as the other readers give merged cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

_MIN_TABLE_WIDTH = 0.25  # of the page width
_MIN_CELL_SIDE = 8  # pixels at 200 dpi: anything smaller is a gap between double rules
_MAX_SKEW = 5.0  # degrees; more than this is not a skewed scan but a rotated page


@dataclass
class Cell:
    x: int
    y: int
    w: int
    h: int
    row: int = 0
    col: int = 0


@dataclass
class TableGrid:
    """One ruled table: its box on the page and its cells in reading order."""

    x: int
    y: int
    w: int
    h: int
    cells: list[Cell] = field(default_factory=list)
    rows: int = 0
    cols: int = 0


def to_gray(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def ink(gray: np.ndarray) -> np.ndarray:
    """Dark strokes as 255 on 0, robust to uneven scan lighting."""
    return cv2.adaptiveThreshold(
        gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15
    )


def deskew(gray: np.ndarray) -> np.ndarray:
    """The page turned so its table rules are level (text-only pages are left as they are:
    Tesseract copes with a slight skew in text, not the line finding in tables)."""
    binary = ink(gray)
    width = gray.shape[1]
    strokes = cv2.morphologyEx(
        binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(width // 40, 20), 1))
    )
    count, labels, stats, _ = cv2.connectedComponentsWithStats(strokes, connectivity=8)
    angles = []
    for i in range(1, count):
        if stats[i][2] < width // 4:
            continue
        ys, xs = np.nonzero(labels[stats[i][1] : stats[i][1] + stats[i][3]] == i)
        slope = np.polyfit(xs.astype(float), ys.astype(float), 1)[0]
        angle = float(np.degrees(np.arctan(slope)))
        if abs(angle) <= _MAX_SKEW:
            angles.append(angle)
    if not angles:
        return gray
    angle = float(np.median(angles))
    if abs(angle) < 0.05:
        return gray
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(
        gray,
        matrix,
        (w, h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=255,
    )


def ruling_lines(binary: np.ndarray) -> np.ndarray:
    """The long horizontal and vertical strokes only (table rules), as a mask."""
    h, w = binary.shape
    horizontal = cv2.morphologyEx(
        binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(w // 25, 20), 1))
    )
    vertical = cv2.morphologyEx(
        binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(h // 60, 15)))
    )
    lines = cv2.bitwise_or(horizontal, vertical)
    # close the small breaks a blurred scan leaves where rules cross
    return cv2.dilate(lines, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))


def find_tables(lines: np.ndarray) -> list[TableGrid]:
    """Each connected group of rules wide enough to be a table, with its cells."""
    page_w = lines.shape[1]
    count, _, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
    tables: list[TableGrid] = []
    for i in range(1, count):
        x, y, w, h, _area = (int(v) for v in stats[i])
        if w < _MIN_TABLE_WIDTH * page_w or h < 2 * _MIN_CELL_SIDE:
            continue
        table = TableGrid(x, y, w, h)
        table.cells = _cells(lines[y : y + h, x : x + w], x, y)
        if table.cells:
            _grid(table)
            tables.append(table)
    tables.sort(key=lambda t: t.y)
    return tables


def _cells(region: np.ndarray, dx: int, dy: int) -> list[Cell]:
    """The white regions enclosed by the rules (not touching the table's outer edge)."""
    space = cv2.bitwise_not(region)
    count, _, stats, _ = cv2.connectedComponentsWithStats(space, connectivity=4)
    h, w = region.shape
    cells = []
    for i in range(1, count):
        x, y, cw, ch, _area = (int(v) for v in stats[i])
        touches_edge = x == 0 or y == 0 or x + cw >= w or y + ch >= h
        if touches_edge or cw < _MIN_CELL_SIDE or ch < _MIN_CELL_SIDE:
            continue
        cells.append(Cell(x + dx, y + dy, cw, ch))
    return cells


def _cluster(values: list[int], tolerance: int) -> list[int]:
    """Sorted representatives of values closer than ``tolerance`` to each other."""
    out: list[int] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _index(starts: list[int], value: int, tolerance: int) -> int:
    best = min(range(len(starts)), key=lambda i: abs(starts[i] - value))
    return best if abs(starts[best] - value) <= tolerance else 0


def _grid(table: TableGrid) -> None:
    """Give each cell its first row and column in the table's grid."""
    tolerance = 6
    cols = _cluster([c.x for c in table.cells], tolerance)
    rows = _cluster([c.y for c in table.cells], tolerance)
    for cell in table.cells:
        cell.col = _index(cols, cell.x, tolerance)
        cell.row = _index(rows, cell.y, tolerance)
    table.rows, table.cols = len(rows), len(cols)
    table.cells.sort(key=lambda c: (c.row, c.col))


def without_lines(gray: np.ndarray, lines: np.ndarray) -> np.ndarray:
    """The page with its table rules painted white, so OCR reads only the text."""
    out = gray.copy()
    out[lines > 0] = 255
    return out


def has_ink(gray: np.ndarray, cell: Cell, margin: int = 3) -> tuple[int, int, int, int] | None:
    """The box of the text inside a cell (page pixels), or None when the cell is empty."""
    crop = gray[
        cell.y + margin : cell.y + cell.h - margin, cell.x + margin : cell.x + cell.w - margin
    ]
    if crop.size == 0:
        return None
    dark = ink(crop) if min(crop.shape) > 31 else (crop < 128).astype(np.uint8) * 255
    dark = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    points = cv2.findNonZero(dark)
    if points is None or len(points) < 6:
        return None
    x, y, w, h = cv2.boundingRect(points)
    return cell.x + margin + x, cell.y + margin + y, w, h
