"""Matching printed labels to the declared rows and columns, by canonical substrings.

Labels in real reports are wrapped, spaced out, abbreviated ("社会组织") or merged with their
group label ("三、本年度办理结果（一）予以公开"), so a row is matched when one of its declared
labels occurs in the printed text; the longest match wins, so "3.其他" never beats
"2.其他法律行政法规禁止公开".
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache

from ..formats import FORMATS, Column, Grid, ReportFormat, Row
from .normalize import label_key


@dataclass(frozen=True)
class RowMatch:
    grid: Grid
    row: Row
    score: int


@cache
def _row_index(version: str) -> tuple[tuple[str, Grid, Row], ...]:
    fmt = FORMATS[version]
    out = []
    for grid in fmt.grids:
        for row in grid.rows:
            for text in row.labels:
                out.append((label_key(text), grid, row))
    return tuple(out)


def match_row(fmt: ReportFormat, label: str, table: str | None = None) -> RowMatch | None:
    """The declared row a printed label names, or None when none or several fit equally."""
    return _match_row(fmt.version, label_key(label), table)


@lru_cache(maxsize=8192)
def _match_row(version: str, key: str, table: str | None) -> RowMatch | None:
    if not key:
        return None
    best: RowMatch | None = None
    tied = False
    for text, grid, row in _row_index(version):
        if table is not None and grid.table != table:
            continue
        if text in key:
            score = len(text)
            if best is None or score > best.score:
                best, tied = RowMatch(grid, row, score), False
            elif score == best.score and (best.row is not row or best.grid is not grid):
                tied = True
    return None if tied else best


@cache
def _column_index(version: str) -> tuple[tuple[str, Column], ...]:
    fmt = FORMATS[version]
    seen: dict[tuple[str, str], Column] = {}
    for grid in fmt.active:
        for col in grid.columns:
            for text in col.labels:
                seen[(label_key(text), col.key)] = col
    return tuple((text, col) for (text, _), col in seen.items())


def match_active_column(fmt: ReportFormat, header: str) -> Column | None:
    """The part 二 column a header cell names ("本年 新制作数量" → new_made)."""
    return _match_active_column(fmt.version, label_key(header))


@lru_cache(maxsize=4096)
def _match_active_column(version: str, key: str) -> Column | None:
    if not key:
        return None
    best: tuple[int, Column] | None = None
    for text, col in _column_index(version):
        if text in key and (best is None or len(text) > best[0]):
            best = (len(text), col)
    return best[1] if best else None


# A misprinted label ("2.其他法律行政止公开", "5.属于三类内容事务信息") is taken for the row it is
# clearly closest to: similar enough, and clearly more similar than to any other row.
FUZZY_MIN = 0.75
FUZZY_MARGIN = 0.1


def closest_row(
    fmt: ReportFormat, label: str, table: str, taken: frozenset[str] = frozenset()
) -> tuple[Grid, Row] | None:
    """The row of ``table`` a misprinted label stands for, or None when none is clearly it.
    Rows already read (``taken``) are not candidates: a misprint fills a gap."""
    key = label_key(label)
    if not 4 <= len(key) <= 60:
        return None
    scored: list[tuple[float, Grid, Row]] = []
    for grid in fmt.grids:
        if grid.table != table:
            continue
        for row in grid.rows:
            if row.key in taken:
                continue
            ratio = max(
                SequenceMatcher(None, key, label_key(text)).ratio()
                for text in (row.label, *row.labels)
            )
            scored.append((ratio, grid, row))
    scored.sort(key=lambda s: s[0], reverse=True)
    if not scored or scored[0][0] < FUZZY_MIN:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < FUZZY_MARGIN:
        return None
    return scored[0][1], scored[0][2]
