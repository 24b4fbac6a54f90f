"""The cells the API knows, read from the format declarations (``report.formats``): the keys,
their labels, units and the layouts they belong to are never typed here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from gongkai.report.formats import FORMATS, Unit, all_cell_keys

UNIT_LABELS = {Unit.COUNT: "件（个数，整数）", Unit.AMOUNT: "万元（精确小数，以字符串表示）"}
TABLE_LABELS = {"active": "表二 主动公开", "apply": "表三 依申请公开", "remedy": "表四 复议诉讼"}

# Every canonical key of every layout, in reading order: the one list the API accepts.
CELL_KEYS: tuple[str, ...] = tuple(all_cell_keys())


@dataclass(frozen=True)
class CellInfo:
    key: str
    label: str  # as in the newest layout that has the cell
    unit: Unit
    table: str
    row: str
    column: str
    group: str | None
    formats: tuple[str, ...]  # the layouts ("2019", "2021") that have this cell


@cache
def catalogue() -> dict[str, CellInfo]:
    out: dict[str, CellInfo] = {}
    for key in CELL_KEYS:
        specs = [(v, f.cells[key]) for v, f in FORMATS.items() if key in f.cells]
        spec = specs[-1][1]
        out[key] = CellInfo(
            key=key,
            label=spec.label,
            unit=spec.unit,
            table=spec.grid.table,
            row=spec.row.label,
            column=spec.column.label,
            group=spec.row.group,
            formats=tuple(v for v, _ in specs),
        )
    return out


def keys_for(formats: set[str]) -> list[str]:
    """The keys of the given layouts, in reading order (all keys for an empty set)."""
    wanted = formats or set(FORMATS)
    return [k for k, info in catalogue().items() if wanted & set(info.formats)]
