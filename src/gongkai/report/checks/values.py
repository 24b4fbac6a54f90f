"""Value checks: each cell on its own (counts are whole, non-negative numbers).

Rules (domain rules §2.5 item 5, §2.6): a count (件/条/项) is a non-negative whole number,
except the 2019 "本年增/减" column, which is a signed change; an amount (万元) is a
non-negative decimal. A value that is not a finite number at all is VALUE_INVALID.

Missing values (``None``) are reported one cell at a time, but only where that is news: a
cell is reported when its row has at least one value, or when it is the only cell of its
row and its table (表二, 表三 or 表四) has at least one value. A row or table with no value
at all has already been reported by the parser (ROW_MISSING, TABLE_TRUNCATED,
TABLE_MISSING); repeating it for each of up to 175 cells would bury the message.
"""

from __future__ import annotations

import decimal
from decimal import Decimal

from ..findings import Finding, finding
from ..formats import CellSpec, Unit
from ..model import Report, Value

# Arithmetic on cell values: ints stay exact; Decimals are added in a wide context that never
# traps, so absurd values (1E+999999) give a finding rather than an exception.
SAFE = decimal.Context(prec=60, traps=[])


def is_valid_number(value: Value) -> bool:
    """True for an int, or a finite Decimal (not NaN or Infinity)."""
    if isinstance(value, Decimal):
        return value.is_finite()
    return isinstance(value, int)


def is_whole(value: int | Decimal) -> bool:
    if isinstance(value, Decimal):
        return value == value.to_integral_value()
    return True


def check_values(report: Report) -> list[Finding]:
    """VALUE_INVALID / VALUE_NEGATIVE / VALUE_FRACTIONAL / VALUE_MISSING, in reading order."""
    spec = report.spec
    cells = report.cells
    filled_rows, filled_tables = _filled(report)
    out: list[Finding] = []
    for key, cell in spec.cells.items():
        value = cells.get(key)
        if value is None:
            if _missing_is_news(cell, filled_rows, filled_tables):
                out.append(_cell_finding("VALUE_MISSING", report, cell, None))
            continue
        out.extend(_value_findings(report, cell, value))
    return out


def _value_findings(report: Report, cell: CellSpec, value: int | Decimal) -> list[Finding]:
    if not is_valid_number(value):
        return [_cell_finding("VALUE_INVALID", report, cell, value)]
    out = []
    if value < 0 and not cell.signed:
        out.append(_cell_finding("VALUE_NEGATIVE", report, cell, value))
    if cell.unit is Unit.COUNT and not is_whole(value):
        out.append(_cell_finding("VALUE_FRACTIONAL", report, cell, value))
    return out


def _cell_finding(code: str, report: Report, cell: CellSpec, value: Value) -> Finding:
    return finding(
        code,
        cells=(cell.key,),
        actual=value,
        location=report.location_of(cell.key),
        label=cell.label,
    )


def _row_id(cell: CellSpec) -> tuple[str, str]:
    return (cell.grid.title, cell.row.key)


def _filled(report: Report) -> tuple[set[tuple[str, str]], set[str]]:
    rows: set[tuple[str, str]] = set()
    tables: set[str] = set()
    for key, cell in report.spec.cells.items():
        if report.cells.get(key) is not None:
            rows.add(_row_id(cell))
            tables.add(cell.grid.table)
    return rows, tables


def _missing_is_news(
    cell: CellSpec, filled_rows: set[tuple[str, str]], filled_tables: set[str]
) -> bool:
    if _row_id(cell) in filled_rows:
        return True
    return len(cell.grid.columns) == 1 and cell.grid.table in filled_tables
