"""The layout must be the one prescribed for the report's year (2019 format up to 2020)."""

from __future__ import annotations

import pytest

from gongkai.report.checks import check_layout
from gongkai.report.model import Report


@pytest.mark.parametrize(
    ("fmt", "year", "expected"),
    [("2019", 2021, "2021年版"), ("2019", 2024, "2021年版"), ("2021", 2020, "2019年版")],
)
def test_wrong_layout_for_year(fmt: str, year: int, expected: str) -> None:
    [f] = check_layout(Report(format=fmt, year=year))
    assert (f.code, f.expected, f.actual) == ("FORMAT_YEAR_MISMATCH", expected, f"{fmt}年版")
    assert f"{year}年度报告应使用{expected}格式" in f.message


@pytest.mark.parametrize(
    ("fmt", "year"),
    [("2019", 2019), ("2019", 2020), ("2021", 2021), ("2021", 2030), ("2019", None)],
)
def test_right_layout_or_unknown_year(fmt: str, year: int | None) -> None:
    assert check_layout(Report(format=fmt, year=year)) == []


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_years_before_both_layouts_are_not_judged(fmt: str) -> None:
    assert check_layout(Report(format=fmt, year=2015)) == []
