"""The part 二 register importer on malformed input (hypothesis): it either saves every row or
raises ImportError_ with Chinese messages and saves nothing; it never raises anything else."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from gongkai.disclosures.imports import TEMPLATE_HEADER, ImportError_, import_entries
from gongkai.disclosures.models import RegisterEntry

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
GOOD_ROW = ["规章", "2026-01-01", "2026-12-31", "", "2", "0"]  # 事项, dates, 备注, 制发, 废止
ISSUED = 4
CELL = st.one_of(
    st.sampled_from(
        [
            *("", "规章", "行政许可", "2026-01-01", "2026/13/40", "-1", "1e999999999", "NaN"),
            *("Infinity", "9" * 40, "0.5", "1,000", "\x00", "１２", "2026.6.30", "备注", "\ufeff"),
        ]
    ),
    st.text(max_size=12),
)
ROWS = st.lists(
    st.lists(CELL, max_size=len(TEMPLATE_HEADER) + 2),
    max_size=6,
)


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    lines = [",".join(header), *(",".join(r) for r in rows)]
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def _outcome(world: Any, name: str, data: bytes) -> list[str] | None:
    """None when the import saved its rows; the error messages when it refused."""
    before = RegisterEntry.objects.count()
    try:
        saved = import_entries(world.jia, name, data, by=None)
    except ImportError_ as exc:
        assert exc.errors and all(isinstance(e, str) and e for e in exc.errors)
        assert RegisterEntry.objects.count() == before, "a refused import saved rows"
        return exc.errors
    assert RegisterEntry.objects.count() == before + len(saved)
    return None


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_arbitrary_bytes(world: Any, data: bytes, suffix: str) -> None:
    _outcome(world, "f" + suffix, data)


@FUZZ
@given(rows=ROWS, header=st.permutations(TEMPLATE_HEADER))
def test_mutated_csv(world: Any, rows: list[list[str]], header: list[str]) -> None:
    _outcome(world, "f.csv", _csv(header, rows))


@FUZZ
@given(rows=ROWS)
def test_mutated_xlsx(world: Any, rows: list[list[str]]) -> None:
    book = openpyxl.Workbook()
    book.active.append(TEMPLATE_HEADER)
    for row in rows:
        book.active.append([ILLEGAL_CHARACTERS_RE.sub("", c) for c in row])  # what Excel can hold
    buffer = io.BytesIO()
    book.save(buffer)
    _outcome(world, "f.xlsx", buffer.getvalue())


@pytest.mark.parametrize(
    "cell, message",
    [
        ("1e999999999", "无法识别“1e999999999”"),
        ("9" * 40, "无法识别"),
        ("NaN", "无法识别“NaN”"),
    ],
)
def test_absurd_counts_are_refused_at_once(world: Any, cell: str, message: str) -> None:
    row = [*GOOD_ROW]
    row[ISSUED] = cell
    errors = _outcome(world, "f.csv", _csv(TEMPLATE_HEADER, [row]))
    assert errors is not None and message in errors[0], errors


def test_csv_with_a_nul_byte_is_refused_clearly(world: Any) -> None:
    data = _csv(TEMPLATE_HEADER, [GOOD_ROW]).replace(b"2026-12-31", b"2026-12\x00-31")
    errors = _outcome(world, "f.csv", data)
    assert errors is not None and errors[0].startswith("第2行「截止日期」：无法识别"), errors


def test_the_template_row_imports(world: Any) -> None:
    assert _outcome(world, "f.csv", _csv(TEMPLATE_HEADER, [GOOD_ROW])) is None
    assert RegisterEntry.objects.get().issued == 2
