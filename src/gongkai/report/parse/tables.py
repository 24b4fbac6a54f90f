"""Reading the three statistical tables' cells from table rows, whatever shape they arrive in.

Rows are matched to declared rows by label (``labels.py``), not by position; the numbers
after the label are placed in the declared columns. Where a row has more numbers than
columns (duplicated or shifted cells), the table's own identities decide which to drop; where
nothing decides, the row's values stay unknown and a finding says so — a value is never
invented.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

from ..findings import Finding, Location, Stage, finding
from ..formats import FORMATS, Column, Grid, ReportFormat, Row, Unit
from ..model import Provenance, Value
from .blocks import Table, TableRow
from .digit_runs import RunRow, solve, splits
from .labels import RowMatch, closest_row, match_active_column, match_row
from .normalize import halfwidth, label_key, squeeze
from .values import WAN_YUAN, YUAN, CellValue, header_unit, read_cell, to_wan_yuan

RowCheck = Callable[[list[Value]], bool]
_MAX_COMBINATIONS = 5000
_MAX_EXTRA = 3
_TABLE_NAMES = {
    "active": "表二（主动公开政府信息情况）",
    "apply": "表三（收到和处理政府信息公开申请情况）",
    "remedy": "表四（政府信息公开行政复议、行政诉讼情况）",
}


def table_name(grid: Grid) -> str:
    if grid.table == "active":
        return f"表二 {grid.title}"
    return _TABLE_NAMES[grid.table]


@dataclass
class _Header:
    """The column order a part 二 header row declared, and money units it printed."""

    keys: list[str]
    units: dict[str, str]


@dataclass
class TableReader:
    fmt: ReportFormat
    source: str | None
    cells: dict[str, Value] = field(default_factory=dict)
    provenance: dict[str, Provenance] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    rows_seen: dict[tuple[str, str], int | None] = field(default_factory=dict)
    last_line: dict[str, int | None] = field(default_factory=dict)
    _header: _Header | None = None
    _pending_label: str = ""
    _runs: list[tuple[RunRow, Grid, Row, TableRow, str | None]] = field(default_factory=list)
    _blanks: set[str] = field(default_factory=set)  # cells printed empty

    # ------------------------------------------------------------------ rows

    def read_table(self, table: Table, section: str | None, caption: str = "") -> None:
        """Read one table; ``caption`` is a short paragraph printed just above it, which names
        the row of a table printed in pieces (part 四 as 行政复议 / 直接起诉 / 复议后起诉)."""
        context = {"proactive": "active", "applications": "apply", "remedies": "remedy"}.get(
            section or ""
        )
        self._header, self._pending_label = None, ""
        if caption and (named := match_row(self.fmt, caption)) is not None:
            self._pending_label = caption
            context = named.grid.table
        rows = table.rows
        i = 0
        while i < len(rows):
            following = rows[i + 1] if i + 1 < len(rows) else None
            context, consumed = self._read_row(rows[i], table.positional, context, following)
            i += 2 if consumed else 1

    def _read_row(
        self, row: TableRow, positional: bool, context: str | None, following: TableRow | None
    ) -> tuple[str | None, bool]:
        """Read one row; True in the result when it also used the following row, which held
        the rest of its wrapped label ("1.本机关不掌" / "握相关政府信息")."""
        label_cells, region = _split_row(row.cells)
        label = "".join(label_cells)
        values = [read_cell(c) for c in region]
        has_values = any(v.value is not None for v in values)
        row_key = label_key("".join(row.cells))
        context = _context_marker(row_key) or context
        if not has_values:
            if "信息内容" in row_key:
                self._header = self._read_header(row.cells)
            elif label and (
                not _is_header_text(row_key) or _names_remedy_piece(self.fmt, label_cells)
            ):
                self._pending_label = label
            return context, False
        pending, self._pending_label = self._pending_label, ""
        if not label and pending:
            if _is_whole_remedy_line(self.fmt, pending, values, positional):
                # "行政复议" over the full part 四 table's 15 numbers, not over one piece's 5
                self._place_remedy_line(values, positional, row)
                return "remedy", False
            label = pending
        match, consumed = self._match_wrapped(label, pending, following)
        if match is not None:
            self._place_row(match.grid, match.row, values, positional, row, label)
            return match.grid.table, consumed
        if not label and context == "remedy":
            self._place_remedy_line(values, positional, row)
            return context, False
        if label and self._undivided_other(label, values, positional, row):
            return "apply", False
        if label and context in ("active", "apply", "remedy"):
            taken = frozenset(k for t, k in self.rows_seen if t == context)
            close = closest_row(self.fmt, label, context, taken)
            if close is not None:
                grid, declared = close
                self._row_finding(
                    "ROW_MISPRINTED",
                    grid,
                    declared,
                    row,
                    raw=squeeze(label)[:40],
                    row=declared.label,
                )
                self._place_row(grid, declared, values, positional, row, label)
                return grid.table, False
        if label or context is not None:
            self._add(
                finding(
                    "ROW_UNRECOGNISED",
                    location=self._loc(row),
                    stage=Stage.PARSE,
                    table=_TABLE_NAMES.get(context or "", "表格"),
                    raw=squeeze(" ".join(c for c in row.cells if c))[:60],
                )
            )
        return context, False

    def _match_wrapped(
        self, label: str, pending: str, following: TableRow | None
    ) -> tuple[RowMatch | None, bool]:
        if not label:
            return None, False
        tail = _label_tail(following)
        match = match_row(self.fmt, label)
        if match is not None:
            # The next row may hold the rest of this label: use it up, so it is not taken
            # for the start of the label after it.
            joined = match_row(self.fmt, label + tail) if tail else None
            return match, joined is not None and joined.row is match.row
        if tail and (joined := match_row(self.fmt, label + tail)) is not None:
            return joined, True
        if pending and (joined := match_row(self.fmt, pending + label)) is not None:
            return joined, False
        return None, False

    def _read_header(self, cells: list[str]) -> _Header:
        keys: list[str] = []
        units: dict[str, str] = {}
        for text in cells:
            col = match_active_column(self.fmt, text)
            if col is None:
                continue
            keys.append(col.key)
            unit = header_unit(text)
            if unit:
                units[col.key] = unit
        return _Header(keys, units)

    # ------------------------------------------------------------------ placing values

    def _columns_for(self, grid: Grid) -> tuple[list[Column], dict[str, str]]:
        by_key = {c.key: c for c in grid.columns}
        header = self._header
        if grid.table == "active" and header and header.keys and set(header.keys) <= set(by_key):
            if len(header.keys) == len(grid.columns):
                return [by_key[k] for k in header.keys], header.units
            return list(grid.columns), header.units
        return list(grid.columns), {}

    def _place_row(
        self,
        grid: Grid,
        row: Row,
        values: list[CellValue],
        positional: bool,
        source_row: TableRow,
        label: str,
    ) -> None:
        seen_key = (grid.table, row.key)
        if seen_key in self.rows_seen:
            self._row_finding("ROW_DUPLICATED", grid, row, source_row, row=row.label)
            return
        self.rows_seen[seen_key] = source_row.line
        self.last_line[grid.table] = source_row.line
        columns, units = self._columns_for(grid)
        run = _digit_run(values, len(columns), positional)
        if run is not None:
            keys = tuple(grid.key(row, c) for c in columns)
            signed = tuple(c.signed for c in columns)
            unit = _run_unit(values) or units.get(columns[-1].key)
            gaps = max(0, len(columns) - sum(c.isdigit() for c in run))
            entry = RunRow(keys, run, signed, gaps)
            self._runs.append((entry, grid, row, source_row, unit))
            return
        check = _row_identity(grid, columns)
        placed = self._settle(values, len(columns), positional, check, grid, row, source_row)
        if placed is None:
            return
        for col, cell in zip(columns, placed, strict=True):
            self._store(grid.key(row, col), col, cell, units.get(col.key), source_row)

    def _undivided_other(
        self, label: str, values: list[CellValue], positional: bool, source_row: TableRow
    ) -> bool:
        """A 2021 table printing the 2019 layout's single "（六）其他处理" row. Its three 2021
        sub-rows are 0 when the undivided row is all zero; otherwise they stay unknown (how
        the cases divide is not printed). True when the row was this."""
        older = FORMATS["2019"].apply
        match = match_row(FORMATS["2019"], label, "apply")
        if self.fmt.version != "2021" or match is None or match.row.key != "other":
            return False
        grid = self.fmt.apply
        rows = [r for r in grid.rows if r.key.startswith("other.")]
        if any((grid.table, r.key) in self.rows_seen for r in rows):
            return False
        n = len(grid.columns)
        run = _digit_run(values, n, positional)
        if run is not None:  # "0000000": one row's digits run together
            fits = [v for v in splits(run, n) if sum(v[:-1]) == v[-1]]
            placed = [CellValue(str(x), x) for x in fits[0]] if len(fits) == 1 else None
        else:
            check = _row_identity(grid, list(grid.columns))
            placed = self._settle(values, n, positional, check, grid, rows[0], source_row)
        zero = placed is not None and all(c.value == 0 for c in placed)
        for r in rows:
            self.rows_seen[(grid.table, r.key)] = source_row.line
            for col in grid.columns:
                key = grid.key(r, col)
                self.cells[key] = 0 if zero else None
                raw = "" if placed is None else placed[grid.columns.index(col)].raw
                self.provenance[key] = Provenance(
                    self.source, raw, source_row.page, source_row.line
                )
        self._add(
            finding(
                "ROW_UNDIVIDED",
                cells=[grid.key(r, c) for r in rows for c in grid.columns],
                location=self._loc(source_row),
                stage=Stage.PARSE,
                row=older.rows[[r.key for r in older.rows].index("other")].label,
                values=" ".join(c.raw.strip() for c in placed) if placed else "无法读取",
                result="三个分项均记为 0" if zero else "三个分项无法拆分，按缺失处理",
            )
        )
        return True

    def _place_remedy_line(
        self, values: list[CellValue], positional: bool, source_row: TableRow
    ) -> None:
        """Part 四 printed as one line of 15 numbers under a three-level header."""
        grid = self.fmt.remedy
        slots = [(r, c) for r in grid.rows for c in grid.columns]
        if any((grid.table, r.key) in self.rows_seen for r in grid.rows):
            return
        totals = [i for i, (_, c) in enumerate(slots) if c.key == "total"]
        run = _digit_run(values, len(slots), positional)
        if run is not None:
            keys = tuple(grid.key(r, c) for r, c in slots)
            gaps = max(0, len(keys) - sum(c.isdigit() for c in run))
            self._runs.append((RunRow(keys, run, (), gaps), grid, grid.rows[0], source_row, None))
            for r in grid.rows:
                self.rows_seen[(grid.table, r.key)] = source_row.line
            self.last_line[grid.table] = source_row.line
            return

        def check(vals: list[Value]) -> bool:
            for t in totals:
                parts = vals[t - 4 : t]
                if vals[t] is None or any(p is None for p in parts):
                    continue
                if sum(parts) != vals[t]:  # type: ignore[arg-type]
                    return False
            return True

        placed = self._settle(values, len(slots), positional, check, grid, grid.rows[0], source_row)
        for r in grid.rows:
            self.rows_seen[(grid.table, r.key)] = source_row.line
        self.last_line[grid.table] = source_row.line
        if placed is None:
            return
        for (r, c), cell in zip(slots, placed, strict=True):
            self._store(grid.key(r, c), c, cell, None, source_row)

    def _settle(
        self,
        values: list[CellValue],
        n: int,
        positional: bool,
        check: RowCheck,
        grid: Grid,
        row: Row,
        source_row: TableRow,
    ) -> list[CellValue] | None:
        """Choose which n of the row's cells are its values, or None (with a finding)."""
        filled = [v for v in values if not v.blank]
        trimmed = _trim_blanks(values)
        if len(filled) == n:
            return filled
        if len(trimmed) == n and (positional or len(filled) < n):
            return trimmed
        if len(filled) > n:
            chosen = _drop_extra(filled, n, check)
            if chosen is not None:
                self._row_finding(
                    "COLUMN_EXTRA_IGNORED",
                    grid,
                    row,
                    source_row,
                    row=row.label,
                    extra=len(filled) - n,
                )
                return chosen
        self._row_finding(
            "ROW_AMBIGUOUS", grid, row, source_row, row=row.label, found=len(filled), expected=n
        )
        return None

    def _store(
        self, key: str, col: Column, cell: CellValue, header_unit_: str | None, row: TableRow
    ) -> None:
        spec = self.fmt.cells[key]
        value = cell.value
        unit = cell.unit
        prov_unit = None
        if value is not None and col.unit is Unit.AMOUNT:
            unit = unit or header_unit_
            prov_unit = unit
            if unit is None and value != 0:
                self._add(
                    finding(
                        "AMOUNT_UNIT_ASSUMED",
                        cells=[key],
                        location=self._loc(row),
                        stage=Stage.PARSE,
                        label=spec.label,
                        raw=cell.raw.strip(),
                    )
                )
            value = to_wan_yuan(value, unit)
            if unit == YUAN and value != 0:
                self._add(
                    finding(
                        "AMOUNT_CONVERTED",
                        cells=[key],
                        actual=value,
                        location=self._loc(row),
                        stage=Stage.PARSE,
                        label=spec.label,
                        raw=cell.raw.strip(),
                    )
                )
        elif isinstance(value, Decimal) and value == value.to_integral_value():
            value = int(value)
        if value is None and not cell.blank:
            self._add(
                finding(
                    "VALUE_UNREADABLE",
                    cells=[key],
                    location=self._loc(row),
                    stage=Stage.PARSE,
                    label=spec.label,
                    raw=cell.raw.strip()[:40],
                )
            )
        if value is None and cell.blank:
            self._blanks.add(key)
        self.cells[key] = value
        self.provenance[key] = Provenance(self.source, cell.raw, row.page, row.line, prov_unit)

    # ------------------------------------------------------------------ run-together digits

    def finish(self) -> None:
        """What needs the whole table: run-together rows, then blank cells."""
        self._split_runs()
        self._blanks_that_must_be_zero()

    def _blanks_that_must_be_zero(self) -> None:
        """A cell printed empty is unknown, unless the table leaves it no value but 0: an
        identity through it already balances without it (counts are never negative), and
        no identity through it is broken by reading it as 0 (tables that leave zeros
        blank). A blank in a table that does not add up stays unknown."""
        zeros: list[str] = []
        while self._blanks:
            candidates = self._balanced_blanks()
            candidates = {k for k in candidates if self._zero_breaks_nothing(k, candidates)}
            if not candidates:
                break
            for key in sorted(candidates, key=list(self.fmt.cells).index):
                self.cells[key] = 0
                self._blanks.discard(key)
                zeros.append(key)
        if zeros:
            self._add(
                finding(
                    "BLANKS_AS_ZERO",
                    cells=zeros,
                    location=Location(self.source),
                    stage=Stage.PARSE,
                    count=len(zeros),
                    labels="、".join(self.fmt.cells[k].label for k in zeros[:5])
                    + ("等" if len(zeros) > 5 else ""),
                )
            )

    def _balanced_blanks(self) -> set[str]:
        """Blank cells on one side of an identity whose known cells already balance."""
        out: set[str] = set()
        for identity in self.fmt.identities:
            unknown = [k for k in identity.cells if self.cells.get(k) is None]
            if not unknown or any(k not in self._blanks for k in unknown):
                continue
            if set(identity.left) & set(unknown) and set(identity.right) & set(unknown):
                continue
            if self._sum(identity.left, set(unknown)) == self._sum(identity.right, set(unknown)):
                out.update(unknown)
        return out

    def _zero_breaks_nothing(self, key: str, zeros: set[str]) -> bool:
        for identity in self.fmt.identities:
            if key not in identity.cells:
                continue
            if any(self.cells.get(k) is None and k not in zeros for k in identity.cells):
                continue  # not decidable yet: says nothing against 0
            if self._sum(identity.left, zeros) != self._sum(identity.right, zeros):
                return False
        return True

    def _sum(self, keys: tuple[str, ...], zeros: set[str]) -> Value:
        return sum((0 if k in zeros else self.cells[k]) or 0 for k in keys)

    def _split_runs(self) -> None:
        """Split the rows whose digits ran together, all at once (see ``digit_runs``)."""
        if not self._runs:
            return
        rows = [entry[0] for entry in self._runs]
        solution = solve(rows, self.fmt.identities, self.fmt.bounds)
        split: dict[str, list[str]] = {}
        for run, grid, row, source_row, unit in self._runs:
            for key in run.keys:
                value: Value = solution.values.get(key)
                if value is not None and self.fmt.cells[key].unit is Unit.AMOUNT:
                    value = to_wan_yuan(value, unit)
                self.cells[key] = value
                self.provenance[key] = Provenance(
                    self.source, run.run, source_row.page, source_row.line
                )
            if run.keys in solution.readings or any(k not in solution.values for k in run.keys):
                readings = solution.readings.get(run.keys, [])
                self._add(
                    finding(
                        "DIGITS_AMBIGUOUS",
                        cells=list(run.keys),
                        location=self._loc(source_row),
                        stage=Stage.PARSE,
                        table=table_name(grid),
                        row=row.label if grid.table != "remedy" else "行政复议、行政诉讼",
                        raw=run.run,
                        readings="；".join(" ".join(map(str, r)) for r in readings[:6]) or "无",
                    )
                )
            else:
                note = "（一个空白单元格未印出，只能为 0）" if run.gaps else ""
                split.setdefault(table_name(grid), []).append(row.label + note)
        for table, labels in split.items():
            self._add(
                finding(
                    "DIGITS_SPLIT",
                    location=Location(self.source),
                    stage=Stage.PARSE,
                    table=table,
                    rows=f"{len(labels)} 行" + "".join(f"；{x}" for x in labels if "空白" in x),
                )
            )
        self._runs.clear()

    # ------------------------------------------------------------------ helpers

    def _row_finding(
        self, code: str, grid: Grid, declared: Row, source_row: TableRow, **params: object
    ) -> None:
        """A parse finding about one row of a table, naming its cells."""
        self._add(
            finding(
                code,
                cells=[grid.key(declared, c) for c in grid.columns],
                location=self._loc(source_row),
                stage=Stage.PARSE,
                table=table_name(grid),
                **params,
            )
        )

    def _loc(self, row: TableRow) -> Location:
        return Location(self.source, row.page, row.line)

    def _add(self, f: Finding) -> None:
        self.findings.append(f)


def _split_row(cells: list[str]) -> tuple[list[str], list[str]]:
    """Label cells (text before the first number) and the value region after them."""
    first_value = None
    for i, cell in enumerate(cells):
        if cell.strip() and read_cell(cell).value is not None:
            first_value = i
            break
    if first_value is None:
        return [c for c in cells if c.strip()], []
    labels = [c for c in cells[:first_value] if c.strip()]
    return labels, cells[first_value:]


def _label_tail(row: TableRow | None) -> str:
    """The text of a following row that may continue a wrapped label (no numbers, no
    caption or header words)."""
    if row is None:
        return ""
    rest, values = _split_row(row.cells)
    text = "".join(rest)
    key = label_key(text)
    if values or not text or _context_marker(key) or _is_header_text(key):
        return ""
    return text


def _digit_run(values: list[CellValue], n: int, positional: bool) -> str | None:
    """The digits of a row whose cells ran together ("801000081" for 7 columns), or None.
    Only whole runs of digits qualify: a row with a sign, a decimal or a unit is not one.
    A table whose cell positions are exact (HTML, DOCX, XLSX) has no such rows."""
    if positional or len(_trim_blanks(values)) >= n:
        return None  # exact positions, or every cell is there (some printed empty)
    filled = [v for v in values if not v.blank]
    if not 0 < len(filled) < n:
        return None
    raws = [halfwidth(v.raw).strip().replace("−", "-") for v in filled]
    raws[-1] = raws[-1].removesuffix(_run_unit(values) or "")
    if not all(_RUN.fullmatch(r) for r in raws):
        return None
    run = "".join(raws)
    return run if sum(c.isdigit() for c in run) >= n - MAX_GAPS else None


MAX_GAPS = 1  # empty cells a run-together row may have lost


_RUN = re.compile(r"-?[0-9]+")


def _run_unit(values: list[CellValue]) -> str | None:
    """The money unit printed after a run-together row's last digits ("政府集中采购00元")."""
    filled = [v for v in values if not v.blank]
    last = halfwidth(filled[-1].raw).strip() if filled else ""
    return next((u for u in (WAN_YUAN, YUAN) if last.endswith(u)), None)


def _is_whole_remedy_line(
    fmt: ReportFormat, label: str, values: list[CellValue], positional: bool
) -> bool:
    match = match_row(fmt, label, "remedy")
    filled = [v for v in values if not v.blank]
    run = _digit_run(values, len(fmt.remedy.cell_keys()), positional)
    return match is not None and (len(filled) > len(fmt.remedy.columns) or run is not None)


def _names_remedy_piece(fmt: ReportFormat, label_cells: list[str]) -> bool:
    """A lone "行政复议" / "行政诉讼（未经复议直接起诉）" above a piece of part 四 printed as
    three small tables; the full table's header row has several cells."""
    if len(label_cells) != 1 or len(label_key(label_cells[0])) > 16:
        return False
    match = match_row(fmt, label_cells[0], "remedy")
    return match is not None


def _trim_blanks(values: list[CellValue]) -> list[CellValue]:
    end = len(values)
    while end and values[end - 1].blank and not values[end - 1].raw.strip():
        end -= 1
    return values[:end]


def _context_marker(row_key: str) -> str | None:
    if "第二十条" in row_key or "信息内容" in row_key:
        return "active"
    if "申请人情况" in row_key or "勾稽关系" in row_key or "本年新收" in row_key:
        return "apply"
    if "结果维持" in row_key or "复议后起诉" in row_key or "直接起诉" in row_key:
        return "remedy"
    return None


_HEADER_WORDS = (
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "结果维持",
    "行政复议",
    "信息内容",
)


def _is_header_text(row_key: str) -> bool:
    return any(w in row_key for w in _HEADER_WORDS)


def _row_identity(grid: Grid, columns: list[Column]) -> RowCheck:
    """The identity a single row must satisfy (its total), used to drop extra cells."""
    keys = [c.key for c in columns]
    if "total" not in keys:
        return lambda vals: True
    t = keys.index("total")

    def check(vals: list[Value]) -> bool:
        parts = [v for i, v in enumerate(vals) if i != t]
        if vals[t] is None or any(p is None for p in parts):
            return True
        return sum(parts) == vals[t]  # type: ignore[arg-type]

    return check


def _drop_extra(filled: list[CellValue], n: int, check: RowCheck) -> list[CellValue] | None:
    """Drop cells until n remain; accept only if every choice that satisfies the row's
    identity gives the same values (then which cell was extra does not matter)."""
    extra = len(filled) - n
    if extra > _MAX_EXTRA:
        return None  # not a duplicated cell or two: a row this garbled is not guessed at
    fitting: dict[tuple[Value, ...], tuple[list[CellValue], bool]] = {}
    for count, drop in enumerate(combinations(range(len(filled)), extra)):
        if count > _MAX_COMBINATIONS:
            return None
        dropped = set(drop)
        keep = [c for i, c in enumerate(filled) if i not in dropped]
        vals = tuple(c.value for c in keep)
        if not check(list(vals)):
            continue
        duplicate = all(_repeats_neighbour(filled, i) for i in drop)
        seen = fitting.get(vals)
        fitting[vals] = (keep, duplicate or (seen is not None and seen[1]))
    if len(fitting) == 1:
        return next(iter(fitting.values()))[0]
    # Several readings fit the identity: a printed cell repeated beside its twin (a
    # duplicated 总计 column) is the artefact seen in real reports, so prefer dropping it.
    explained = [keep for keep, duplicate in fitting.values() if duplicate]
    return explained[0] if len(explained) == 1 else None


def _repeats_neighbour(cells: list[CellValue], i: int) -> bool:
    value = cells[i].value
    return (i > 0 and cells[i - 1].value == value) or (
        i + 1 < len(cells) and cells[i + 1].value == value
    )
