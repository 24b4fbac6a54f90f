"""Row tuples to Arrow tables, and the batch of tables a run collects before writing.

The conversion runs in the worker that ran the chunk (a pool process or a Dask worker), so
the one process that writes Parquet only concatenates tables.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from .rows import Row, Rows
from .schema import BATCH_TABLES

Year = int | None
# table name → year → the rows of that year: the year split is done where the rows are made.
Tables = dict[str, dict[Year, pa.Table]]


def table_of(rows: list[Row], schema: pa.Schema) -> pa.Table:
    columns: list[Any] = list(zip(*rows, strict=True)) if rows else [[] for _ in schema]
    return pa.Table.from_arrays(
        [pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)],
        schema=schema,
    )


def tables_of(rows: Rows) -> Tables:
    out: Tables = {}
    for name, schema in BATCH_TABLES.items():
        year_at = schema.get_field_index("year")
        by_year: dict[Year, list[Row]] = defaultdict(list)
        for row in getattr(rows, name):
            by_year[row[year_at]].append(row)
        out[name] = {year: table_of(part, schema) for year, part in by_year.items()}
    return out


def count(tables: Tables, name: str = "reports") -> int:
    return sum(t.num_rows for t in tables[name].values())


def column(tables: Tables, name: str, field: str) -> list[Any]:
    return [v for t in tables[name].values() for v in t.column(field).to_pylist()]


@dataclass
class Batch:
    """The tables of the chunks finished since the last write."""

    parts: dict[tuple[str, Year], list[pa.Table]] = field(default_factory=lambda: defaultdict(list))
    reports: int = 0

    def add(self, tables: Tables) -> None:
        for name, by_year in tables.items():
            for year, table in by_year.items():
                self.parts[(name, year)].append(table)
        self.reports += count(tables)

    def tables(self) -> Tables:
        out: Tables = {name: {} for name in BATCH_TABLES}
        for (name, year), parts in self.parts.items():
            out[name][year] = pa.concat_tables(parts)
        return out
