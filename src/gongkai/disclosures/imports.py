"""Importing part 二 register entries from CSV or XLSX: all rows or none.

The first row names the columns: 事项, 起始日期, 截止日期, any of the figure labels of
``RegisterEntry`` (e.g. 本期制发件数, 本期金额（万元）) and optionally 备注. Every problem is reported
with its row number and column in Chinese; if there is any, nothing is saved.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal, InvalidOperation
from typing import Any

import openpyxl
from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.agencies.services import Actor, audited_save

from .models import RegisterEntry, Subject
from .models.registers import FIGURES

_SUBJECTS = {**{s.label: s.value for s in Subject}, **{s.value: s.value for s in Subject}}
_SUBJECTS["规范性文件"] = Subject.NORMATIVE
_META = RegisterEntry._meta
COLUMNS = {"事项": "subject", "起始日期": "period_start", "截止日期": "period_end", "备注": "note"}
COLUMNS |= {str(_META.get_field(f).verbose_name): f for f in FIGURES}
TEMPLATE_HEADER = list(COLUMNS)


class ImportError_(Exception):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("；".join(errors))
        self.errors = errors

    def __reduce__(self) -> tuple[type, tuple[list[str]]]:  # raised in the worker's child
        return type(self), (self.errors,)


def read_rows(name: str, data: bytes) -> list[list[Any]]:
    if name.lower().endswith(".xlsx"):
        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise ImportError_([f"无法读取 XLSX 文件：{exc}"]) from None
        if not book.worksheets:
            raise ImportError_(["XLSX 文件中没有工作表。"])
        try:  # read-only sheets are parsed lazily, so a damaged sheet fails here, not above
            return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
        except Exception as exc:
            raise ImportError_([f"无法读取 XLSX 文件：{exc}"]) from None
    if name.lower().endswith(".csv"):
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            try:
                return list(csv.reader(io.StringIO(text)))
            except csv.Error as exc:  # e.g. a NUL byte: not a CSV a spreadsheet would write
                raise ImportError_([f"无法读取 CSV 文件：{exc}"]) from None
        raise ImportError_(["CSV 文件编码无法识别（请使用 UTF-8 或 GBK）。"])
    raise ImportError_([ONLY_CSV_XLSX])


ONLY_CSV_XLSX = "只能导入 .csv 或 .xlsx 文件。"


def check_name(name: str) -> None:
    """The quick check the upload view makes before queueing the import."""
    if not name.lower().endswith((".csv", ".xlsx")):
        raise ImportError_([ONLY_CSV_XLSX])


def _blank(value: Any) -> bool:
    return value is None or str(value).strip() == ""


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip().replace("/", "-").replace(".", "-")
    return dt.date.fromisoformat(text)


# A register figure is a count or an amount in 万元; nothing real comes near 10^12, and refusing
# larger ones first keeps "1e999999999" from becoming a billion-digit integer.
_LARGEST = Decimal(10) ** 12


def _number(field: str, value: Any) -> int | Decimal:
    text = str(value).strip().replace(",", "")
    if len(text) > 30:
        raise InvalidOperation
    number = Decimal(text)
    if not number.is_finite() or abs(number) >= _LARGEST:
        raise InvalidOperation
    if field == "amount":
        return number
    if number != number.to_integral_value():
        raise InvalidOperation
    return int(number)


def _entry(agency: Agency, header: list[str], row: list[Any], line: int) -> tuple[Any, list[str]]:
    errors: list[str] = []
    values: dict[str, Any] = {}
    for column, raw in zip(header, row, strict=False):
        field = COLUMNS.get(column)
        if field is None or _blank(raw):
            continue
        try:
            if field == "subject":
                values[field] = _SUBJECTS[str(raw).strip()]
            elif field in {"period_start", "period_end"}:
                values[field] = _date(raw)
            elif field == "note":
                values[field] = str(raw).strip()
            else:
                values[field] = _number(field, raw)
        except (KeyError, ValueError, ArithmeticError):  # decimal errors are ArithmeticError
            errors.append(f"第{line}行「{column}」：无法识别“{raw}”。")
    for column in ("事项", "起始日期", "截止日期"):
        if COLUMNS[column] not in values and not any(column in e for e in errors):
            errors.append(f"第{line}行「{column}」：不能为空。")
    if errors:
        return None, errors
    entry = RegisterEntry(agency=agency, **values)
    try:
        entry.full_clean()
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            where = "" if field == "__all__" else f"「{_META.get_field(field).verbose_name}」"
            errors += [f"第{line}行{where}：{m}" for m in messages]
    return entry, errors


def import_entries(
    agency: Agency, name: str, data: bytes, *, by: Actor, rows: list[list[Any]] | None = None
) -> list[RegisterEntry]:
    """Parse and save every row, or raise :class:`ImportError_` listing all errors.
    ``rows``: the file already read by ``read_rows`` (in the background job's limited child)."""
    rows = rows if rows is not None else read_rows(name, data)
    rows = [r for r in rows if any(not _blank(v) for v in r)]
    if not rows:
        raise ImportError_(["文件是空的。"])
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        raise ImportError_([f"第1行：无法识别的列「{h}」。" for h in unknown])
    entries, errors = [], []
    for line, row in enumerate(rows[1:], start=2):
        entry, row_errors = _entry(agency, header, row, line)
        errors += row_errors
        entries.append(entry)
    if not entries:
        raise ImportError_(["文件中没有数据行。"])
    if errors:
        raise ImportError_(errors)
    with transaction.atomic():
        for entry in entries:
            audited_save(entry, by=by, reason=f"导入 {name}")
    return entries
