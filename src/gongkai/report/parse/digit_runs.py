"""Cells run together: "801000081" is 80, 1, 0, 0, 0, 0, 81.

Web pages copied as text often lose the separators between table cells, so each row's
numbers arrive as one run of digits. The layout says how many numbers each row holds, and a
number of more than one digit never starts with 0; the table's identities (row total = sum of
the applicant columns, （七）总计 = the outcome rows, 一+二 = 三+四, remedy totals) then decide
between the splits that remain. The whole table is solved as one small constraint problem.

Where more than one reading satisfies every constraint — part 二 rows have no identity, so
``77132470`` over three columns can be 77 13 2470 or 7 71 32470 … — the cells that differ
between the readings stay unknown and the caller reports the possible readings. Nothing is
guessed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..formats import Bound, Identity

MAX_RUN = 40  # digits in one row's run; longer is not a table row
MAX_SPLITS = 20000  # candidate splits of one row
MAX_SEARCH = 200000  # partial assignments tried for one table


def splits(run: str, parts: int, signed: Sequence[bool] = ()) -> Iterator[tuple[int, ...]]:
    """Every way to cut ``run`` into ``parts`` numbers, none with a leading zero. A "-" in the
    run starts a negative number, allowed only in the columns ``signed`` marks (本年增/减):
    "88-720" over 上一年项目数量 · 本年增/减 · 处理决定数量 is 88 −72 0 or 88 −7 20."""
    flags = tuple(signed) or (False,) * parts

    def cut(at: int, part: int) -> Iterator[tuple[int, ...]]:
        if part == parts:
            if at == len(run):
                yield ()
            return
        start = at
        if run[at : at + 1] == "-":
            if not flags[part]:
                return
            at += 1
        if at >= len(run) or not run[at].isdigit():
            return
        ends = [at + 1] if run[at] == "0" else range(at + 1, len(run) + 1)
        for end in ends:
            if run[end - 1 : end] == "-" or (run[start] == "-" and run[at:end] == "0"):
                break
            if len(run) - end < parts - part - 1:
                break
            for rest in cut(end, part + 1):
                yield (int(run[start:end]), *rest)

    yield from cut(0, 0)


@dataclass(frozen=True)
class RunRow:
    """One row of a table whose numbers ran together: its cell keys and its digits.

    ``gaps`` cells were printed empty and left no trace in the text ("000000" for seven
    cells, the 商业企业 cell blank): the run then fills the other cells, and each empty one
    can only be 0 — the table's identities still have to agree with every such reading."""

    keys: tuple[str, ...]
    run: str
    signed: tuple[bool, ...] = ()  # the columns that may be negative (本年增/减)
    gaps: int = 0

    def readings(self) -> Iterator[tuple[int, ...]]:
        n = len(self.keys)
        if self.gaps == 0:
            yield from splits(self.run, n, self.signed)
            return
        seen: set[tuple[int, ...]] = set()
        for part in splits(self.run, n - self.gaps):
            for empty in itertools.combinations(range(n), self.gaps):
                filled = iter(part)
                full = tuple(0 if i in empty else next(filled) for i in range(n))
                if full not in seen:
                    seen.add(full)
                    yield full


@dataclass(frozen=True)
class Solution:
    """What the constraints settle. ``values`` holds every cell all readings agree on;
    ``readings`` lists, per row left open, its possible values (for the finding)."""

    values: dict[str, int]
    readings: dict[tuple[str, ...], list[tuple[int, ...]]]
    exhausted: bool = False  # the search was cut off: nothing beyond `values` is trusted


def solve(
    rows: Sequence[RunRow], identities: Sequence[Identity], bounds: Sequence[Bound] = ()
) -> Solution:
    """Split every row's run so that every identity over the table's cells holds, and every
    bound inside one row (see ``formats.Bound``)."""
    local, shared = _partition(rows, identities)
    limits = [[b for b in bounds if set(b.cells) <= set(r.keys)] for r in rows]
    options: list[list[tuple[int, ...]]] = []
    for row, checks, row_bounds in zip(rows, local, limits, strict=True):
        found: list[tuple[int, ...]] = []
        if len(row.run) <= MAX_RUN:
            for count, split in enumerate(row.readings()):
                if count >= MAX_SPLITS:
                    found = []
                    break
                cells = dict(zip(row.keys, split, strict=True))
                if all(_holds(i, cells) for i in checks) and all(
                    sum(cells[k] for k in b.greater) >= sum(cells[k] for k in b.lesser)
                    for b in row_bounds
                ):
                    found.append(split)
            if not found and (checks or row_bounds):
                # No split adds up: the printed row itself may be wrong (a real defect the
                # checks will report). Its digits still settle it when only one split exists.
                every = list(itertools.islice(row.readings(), 2))
                found = every if len(every) == 1 else []
        options.append(found)
    order = sorted(range(len(rows)), key=lambda i: len(options[i]))
    agreed: list[dict[str, int]] = []
    budget = [MAX_SEARCH]
    _search(rows, options, order, 0, {}, shared, agreed, budget)
    if budget[0] <= 0 or len(agreed) >= _MAX_SOLUTIONS or not agreed:
        # Too many readings to list, or none that meets every identity across rows (the
        # printed columns do not add up): keep only the rows that one split settles.
        settled: dict[str, int] = {}
        for keys, fits in zip((r.keys for r in rows), options, strict=True):
            if len(fits) == 1:
                settled.update(zip(keys, fits[0], strict=True))
        open_rows = {r.keys: options[i] for i, r in enumerate(rows) if len(options[i]) > 1}
        return Solution(settled, open_rows, exhausted=budget[0] <= 0)
    values = {k: v for k, v in agreed[0].items() if all(a.get(k) == v for a in agreed[1:])}
    readings: dict[tuple[str, ...], list[tuple[int, ...]]] = {}
    for row, fits in zip(rows, options, strict=True):
        if fits and any(k not in values for k in row.keys):
            seen = {tuple(a[k] for k in row.keys) for a in agreed}
            readings[row.keys] = sorted(seen)
    return Solution(values, readings)


def _partition(
    rows: Sequence[RunRow], identities: Sequence[Identity]
) -> tuple[list[list[Identity]], list[Identity]]:
    """Identities inside one row (checked while splitting it) and across rows (in search);
    identities naming a cell outside these rows are left to the checks."""
    known = {k for r in rows for k in r.keys}
    local: list[list[Identity]] = [[] for _ in rows]
    shared: list[Identity] = []
    for identity in identities:
        cells = set(identity.cells)
        if not cells <= known:
            continue
        inside = [i for i, r in enumerate(rows) if cells <= set(r.keys)]
        if inside:
            local[inside[0]].append(identity)
        else:
            shared.append(identity)
    return local, shared


def _holds(identity: Identity, cells: dict[str, int]) -> bool:
    if any(k not in cells for k in identity.cells):
        return True  # not yet decidable
    return sum(cells[k] for k in identity.left) == sum(cells[k] for k in identity.right)


_MAX_SOLUTIONS = 64


def _search(
    rows: Sequence[RunRow],
    options: list[list[tuple[int, ...]]],
    order: list[int],
    depth: int,
    cells: dict[str, int],
    shared: list[Identity],
    out: list[dict[str, int]],
    budget: list[int],
) -> None:
    if budget[0] <= 0 or len(out) >= _MAX_SOLUTIONS:
        return
    if depth == len(order):
        out.append(dict(cells))
        return
    row = rows[order[depth]]
    choices = options[order[depth]]
    if not choices:  # a row no split fits: solve the others without it
        _search(rows, options, order, depth + 1, cells, shared, out, budget)
        return
    for values in choices:
        budget[0] -= 1
        if budget[0] <= 0:
            return
        cells.update(zip(row.keys, values, strict=True))
        if all(_holds(i, cells) for i in shared):
            _search(rows, options, order, depth + 1, cells, shared, out, budget)
        for k in row.keys:
            del cells[k]
