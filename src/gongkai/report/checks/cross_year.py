"""Cross-year checks: this year's report against the same agency's report of the year before.

Warnings only (domain rules §2.5 items 6–7): the carried-over applications should match, and
for the 2021 layout the number of rules/normative documents in force should follow from last
year's number, this year's issued and repealed — amendments make that chain inexact.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..findings import Finding, finding
from ..formats import APPLY_COLUMNS
from ..model import Report
from .values import SAFE, is_valid_number

_SPACE = re.compile(r"\s+")


def _agency(report: Report) -> str | None:
    return _SPACE.sub("", report.agency) if report.agency else None


def comparable(report: Report, previous: Report) -> bool:
    """Same agency (ignoring whitespace) and the immediately preceding year."""
    agency = _agency(report)
    return (
        agency is not None
        and agency == _agency(previous)
        and report.year is not None
        and previous.year == report.year - 1
    )


def check_cross_year(report: Report, previous: Report) -> list[Finding]:
    if not comparable(report, previous):
        other = f"{previous.agency or '未知机关'} {previous.year or '未知'}年度"
        return [finding("PREVIOUS_NOT_COMPARABLE", location=report.location_of(""), other=other)]
    return [*_carry_over(report, previous), *_in_force_chain(report, previous)]


def _carry_over(report: Report, previous: Report) -> list[Finding]:
    """二、上年结转 (year N) = 四、结转下年度继续办理 (year N−1), per column."""
    out = []
    for column in APPLY_COLUMNS:
        key = f"apply.carried_in.{column.key}"
        now = report.cells.get(key)
        before = previous.cells.get(f"apply.carried_out.{column.key}")
        if now is None or before is None or not (is_valid_number(now) and is_valid_number(before)):
            continue
        if now != before:
            out.append(
                finding(
                    "CARRY_OVER_MISMATCH",
                    cells=(key,),
                    expected=before,
                    actual=now,
                    location=report.location_of(key),
                    scope=column.label,
                )
            )
    return out


def _in_force_chain(report: Report, previous: Report) -> list[Finding]:
    """现行有效件数(N) ≈ 现行有效件数(N−1) + 本年制发件数(N) − 本年废止件数(N) (2021 layout)."""
    if report.format != "2021" or previous.format != "2021":
        return []
    out = []
    for row in ("rules", "normative"):
        key = f"active.{row}.in_force"
        values = (
            report.cells.get(key),
            previous.cells.get(key),
            report.cells.get(f"active.{row}.issued"),
            report.cells.get(f"active.{row}.repealed"),
        )
        if not all(v is not None and is_valid_number(v) for v in values):
            continue
        now, before, issued, repealed = values
        assert now is not None and before is not None and issued is not None
        assert repealed is not None
        expected: int | Decimal
        if (
            isinstance(before, Decimal)
            or isinstance(issued, Decimal)
            or isinstance(repealed, Decimal)
        ):
            expected = SAFE.subtract(SAFE.add(before, issued), repealed)
        else:
            expected = before + issued - repealed
        if now != expected:
            out.append(
                finding(
                    "IN_FORCE_CHAIN",
                    cells=(key, f"active.{row}.issued", f"active.{row}.repealed"),
                    expected=expected,
                    actual=now,
                    location=report.location_of(key),
                    label=report.spec.cells[key].label,
                    previous=before,
                    issued=issued,
                    repealed=repealed,
                )
            )
    return out
