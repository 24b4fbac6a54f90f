"""Resolve rowspan/colspan into a rectangular grid of cell texts (HTML and DOCX tables).

A cell spanning several slots keeps its text in its first (top-left) slot; the other slots
hold "" — the contract of ``blocks.Table``. Spans are clamped so a hostile table
(``colspan=100000``) cannot allocate an unbounded grid.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_COLUMNS = 256
MAX_ROWSPAN = 2000


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


def resolve(rows: list[list[Cell]]) -> list[list[str]]:
    """Lay out ``rows`` (cells as written, one list per source row) on a grid.

    Slots still occupied by a rowspan from above are skipped when placing a row's cells,
    as browsers do. A rowspan of 0 (HTML: "to the end of the table") or one reaching past
    the last row is cut at the last row. Rows are padded with "" to the widest row.
    """
    n = len(rows)
    grid: list[list[str | None]] = [[] for _ in range(n)]
    for r, cells in enumerate(rows):
        col = 0
        for cell in cells:
            line = grid[r]
            while col < len(line) and line[col] is not None:
                col += 1
            if col >= MAX_COLUMNS:
                break
            colspan = max(1, min(cell.colspan, MAX_COLUMNS - col))
            rowspan = cell.rowspan if cell.rowspan > 0 else n - r
            rowspan = max(1, min(rowspan, MAX_ROWSPAN, n - r))
            for dr in range(rowspan):
                target = grid[r + dr]
                if len(target) < col + colspan:
                    target.extend([None] * (col + colspan - len(target)))
                for dc in range(colspan):
                    if target[col + dc] is None:
                        target[col + dc] = cell.text if dr == 0 and dc == 0 else ""
            col += colspan
    width = max((len(line) for line in grid), default=0)
    return [[c or "" for c in line] + [""] * (width - len(line)) for line in grid]


# No-break, full-width (U+3000) and the other Unicode spaces government pages use for layout.
_SPACES = str.maketrans(
    {
        c: " "
        for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
        "\u2009\u200a\u202f\u205f\u3000\t\r\n\f\v"
    }
    | {c: None for c in "\u200b\u200c\u200d\ufeff\u00ad"}
)


def collapse(text: str) -> str:
    """Normalise every kind of space to " ", collapse runs and strip the ends."""
    return " ".join(text.translate(_SPACES).split()) if text else ""


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF  # radicals, CJK punctuation, kana, unified ideographs
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF  # full-width forms: （），：
        or 0x20000 <= o <= 0x3FFFF
        or ch in "“”‘’—…·"
    )


_NO_SPACE_AFTER = "/-_.:@=?&"  # a URL or e-mail address wrapped at its punctuation


def join_wrapped(parts: list[str]) -> str:
    """Join lines a layout wrapped: no space between two CJK characters, one otherwise.

    "自然" + "人" → "自然人" (a PDF cell wrapped mid-word), "2020" + "年" → "2020年";
    a space only between two non-CJK ends ("total" + "count" → "total count").
    """
    out = ""
    for part in parts:
        part = collapse(part)
        if not part:
            continue
        if out and not (is_cjk(out[-1]) or is_cjk(part[0]) or out[-1] in _NO_SPACE_AFTER):
            out += " "
        out += part
    return out
