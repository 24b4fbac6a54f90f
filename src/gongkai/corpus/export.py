"""The dataset as one SQLite file (stdlib ``sqlite3``), for Datasette or any SQLite tool.

Every table and the ``agencies`` view become SQLite tables with the same columns; list columns
are stored as JSON text; indexes on ``hash``, ``agency_id`` and ``year`` make Datasette's
facets quick. The file is written beside the target and renamed into place when complete.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pyarrow as pa

from .dataset import Dataset
from .query import connect
from .schema import TABLES

_TYPES = {"string": "TEXT", "int32": "INTEGER", "int64": "INTEGER", "double": "REAL"}
_INDEXED = ("hash", "agency_id", "year", "code", "key")


class ExportError(ValueError):
    """The SQLite file cannot be written; the message is for the user, in Chinese."""


def _sqlite_type(kind: pa.DataType) -> str:
    return _TYPES.get(str(kind), "TEXT")


def _cell(value: object) -> object:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value


def export_sqlite(dataset: Dataset, target: str | Path) -> dict[str, int]:
    target = Path(target)
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    con = connect(dataset)
    counts: dict[str, int] = {}
    try:
        db = sqlite3.connect(tmp)
    except sqlite3.Error as exc:
        raise ExportError(f"无法写入 {target}：{exc}") from None
    try:
        for table in [*TABLES, "agencies"]:
            reader = con.sql(f"select * from {table}").to_arrow_reader(50_000)
            schema = reader.schema
            names = [f.name for f in schema]
            columns = ", ".join(f'"{f.name}" {_sqlite_type(f.type)}' for f in schema)
            db.execute(f'create table "{table}" ({columns})')
            insert = f'insert into "{table}" values ({", ".join("?" for _ in names)})'
            counts[table] = 0
            for batch in reader:
                rows = zip(*(batch.column(i).to_pylist() for i in range(len(names))), strict=True)
                db.executemany(insert, (tuple(_cell(v) for v in row) for row in rows))
                counts[table] += batch.num_rows
            for column in _INDEXED:
                if column in names:
                    db.execute(f'create index "{table}_{column}" on "{table}" ("{column}")')
        db.commit()
    except sqlite3.Error as exc:
        db.close()
        tmp.unlink(missing_ok=True)
        raise ExportError(f"写入 SQLite 失败：{exc}") from None
    finally:
        con.close()
    db.close()
    os.replace(tmp, target)
    return counts
