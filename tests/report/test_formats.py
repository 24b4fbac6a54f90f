"""The declarations are complete and self-consistent; everything derived from them agrees."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.report.format_doc import render_format_doc
from gongkai.report.formats import FORMAT_2019, FORMAT_2021, FORMATS, format_for_year
from gongkai.report.parse.labels import match_row

DOCS = Path(__file__).parent.parent.parent / "docs" / "format.md"


def test_cell_counts_match_the_official_tables() -> None:
    # 2019: 22 part-二 cells, 23 rows × 7 in part 三, 15 in part 四; 2021: 10 + 25 × 7 + 15.
    assert len(FORMAT_2019.cells) == 22 + 23 * 7 + 15
    assert len(FORMAT_2021.cells) == 10 + 25 * 7 + 15


def test_2021_splits_other_processing_into_three_rows() -> None:
    rows_2019 = [r.key for r in FORMAT_2019.apply.rows]
    rows_2021 = [r.key for r in FORMAT_2021.apply.rows]
    assert "other" in rows_2019 and "other" not in rows_2021
    assert rows_2021[rows_2021.index("not_processed.confirm_reissue") + 1 :][:3] == [
        "other.no_correction",
        "other.no_fee",
        "other.other",
    ]


@pytest.mark.parametrize("fmt", FORMATS.values(), ids=lambda f: f.version)
def test_every_declared_row_is_found_by_its_own_official_label(fmt) -> None:
    for grid in fmt.grids:
        for row in grid.rows:
            text = f"{row.group or ''}{row.label}"
            match = match_row(fmt, text)
            assert match is not None and match.row is row, f"{grid.table}.{row.key}: {text}"


def test_identities_cover_every_cell_of_parts_three_and_four() -> None:
    for fmt in FORMATS.values():
        covered = {c for ident in fmt.identities for c in ident.cells}
        tables = {k for k in fmt.cells if not k.startswith("active.")}
        assert tables <= covered, sorted(tables - covered)[:5]


def test_layout_by_year() -> None:
    assert format_for_year(2020) is FORMAT_2019
    assert format_for_year(2021) is FORMAT_2021
    assert format_for_year(2026) is FORMAT_2021


def test_format_doc_is_up_to_date_and_lists_every_key() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert text == render_format_doc(), "run: python -m gongkai.report.format_doc > docs/format.md"
    for fmt in FORMATS.values():
        for key in fmt.cells:
            assert f"`{key}`" in text
