"""Bulk files of published reports: one row per report, one column per cell key.

The same table is written three ways — CSV (UTF-8 with a BOM, so that Excel and WPS read the
Chinese names), XLSX (every string written as text: ``report.render.workbook``) and Parquet
(typed: counts as int64, amounts in 万元 as exact decimals, missing values as null). Column names
are the canonical cell keys; ``/api/cells`` and the XLSX's second sheet give their labels.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from django.db.models import QuerySet
from django.utils import timezone

from gongkai.report.formats import Unit
from gongkai.report.render.workbook import text_workbook
from gongkai.workspace.models import PublishedVersion

from . import published
from .catalogue import UNIT_LABELS, catalogue, keys_for

META = (
    "agency_id",
    "agency_code",
    "agency_name",
    "region",
    "year",
    "format",
    "version",
    "published_at",
)
_META_TYPES = {
    "agency_id": pa.int64(),
    "year": pa.int32(),
    "version": pa.int32(),
}
AMOUNT_TYPE = pa.decimal128(38, 10)
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
}


@dataclass(frozen=True)
class Table:
    keys: list[str]  # the cell columns, after the META columns
    rows: list[dict[str, Any]]  # META values and cells by key (int, decimal text or None)

    @property
    def columns(self) -> list[str]:
        return [*META, *self.keys]


def table_of(qs: QuerySet[PublishedVersion]) -> Table:
    """The reports of ``qs``; the columns are the cells of the layouts among them."""
    reports = published.rows(qs)
    values = published.cells(qs)
    names = published.region_names(r.agency_path for r in reports)
    keys = keys_for({r.format for r in reports})
    rows = []
    for r in reports:
        cells = values.get(r.version_pk, {})
        row: dict[str, Any] = {
            "agency_id": r.agency_id,
            "agency_code": r.agency_code,
            "agency_name": r.agency_name,
            "region": " / ".join(published.region_of(r.agency_path, names)),
            "year": r.year,
            "format": r.format,
            "version": r.version,
            "published_at": r.published_at,
        }
        rows.append(row | {k: cells.get(k) for k in keys})
    return Table(keys, rows)


def _meta_text(value: Any) -> Any:
    """A META value for CSV and XLSX: times in China time, text a spreadsheet would run as a
    formula (=, +, -, @ first) kept as text with a leading apostrophe."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        meta = ["" if row[c] is None else _meta_text(row[c]) for c in META]
        writer.writerow(meta + ["" if row[k] is None else str(row[k]) for k in table.keys])
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(table: Table) -> bytes:
    target = io.BytesIO()
    book = text_workbook(target)
    sheet = book.add_worksheet("数据")
    sheet.write_row(0, 0, table.columns)
    for r, row in enumerate(table.rows, start=1):
        sheet.write_row(r, 0, [_meta_text(row[c]) for c in META])
        for c, key in enumerate(table.keys, start=len(META)):
            value = row[key]
            if value is not None:
                sheet.write_number(r, c, value if isinstance(value, int) else float(value))
    sheet.freeze_panes(1, 3)
    notes = book.add_worksheet("单元格说明")
    notes.write_row(0, 0, ["单元格", "名称", "单位"])
    info = catalogue()
    for r, key in enumerate(table.keys, start=1):
        notes.write_row(r, 0, [key, info[key].label, UNIT_LABELS[info[key].unit]])
    book.close()
    return target.getvalue()


def _arrow_type(column: str) -> pa.DataType:
    if column in _META_TYPES:
        return _META_TYPES[column]
    if column == "published_at":
        return pa.timestamp("s", tz="Asia/Shanghai")
    if column in META:
        return pa.string()
    return AMOUNT_TYPE if catalogue()[column].unit is Unit.AMOUNT else pa.int64()


def _arrow_values(column: str, rows: list[dict[str, Any]]) -> list[Any]:
    values = [row[column] for row in rows]
    if column in META or catalogue()[column].unit is not Unit.AMOUNT:
        return values
    return [None if v is None else Decimal(v) for v in values]


def to_parquet(table: Table) -> bytes:
    info = catalogue()
    fields = [
        pa.field(c, _arrow_type(c), metadata={"label": info[c].label} if c in info else None)
        for c in table.columns
    ]
    arrays = [
        pa.array(_arrow_values(c, table.rows), type=f.type)
        for c, f in zip(table.columns, fields, strict=True)
    ]
    target = io.BytesIO()
    pq.write_table(pa.Table.from_arrays(arrays, schema=pa.schema(fields)), target)
    return target.getvalue()


WRITERS = {"csv": to_csv, "xlsx": to_xlsx, "parquet": to_parquet}
