"""Invariants of the checks, over generated reports (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.report.checks import run_checks
from gongkai.report.formats import Unit
from gongkai.report.model import Report

from .strategies import arbitrary_reports, consistent_reports, identity_cells

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _describe(report: Report) -> str:
    return "\n".join(f"{f.code} {f.cells[:3]} {f.message}" for f in run_checks(report))


@SETTINGS
@given(consistent_reports())
def test_consistent_report_has_no_findings(report: Report) -> None:
    assert run_checks(report) == [], _describe(report)


@SETTINGS
@given(consistent_reports(), st.data())
def test_changing_an_identity_cell_is_found(report: Report, data: st.DataObject) -> None:
    key = data.draw(st.sampled_from(identity_cells(report.format)), label="cell")
    delta = data.draw(st.integers(-1000, 1000).filter(bool), label="delta")
    report.cells[key] = report.cells[key] + delta  # type: ignore[operator]
    found = run_checks(report)
    assert any(key in f.cells for f in found), f"no finding names {key} after {delta:+}"


@SETTINGS
@given(consistent_reports(), st.data())
def test_a_bad_value_in_any_cell_is_found(report: Report, data: st.DataObject) -> None:
    key = data.draw(st.sampled_from(list(report.spec.cells)), label="cell")
    spec = report.spec.cells[key]
    choices: list[object] = [None]
    if not spec.signed:
        choices.append(-data.draw(st.integers(1, 10**6), label="magnitude"))
    if spec.unit is Unit.COUNT:
        choices.append(Decimal(data.draw(st.integers(0, 10**4))) + Decimal("0.5"))
    bad = data.draw(st.sampled_from(choices), label="value")
    report.cells[key] = bad  # type: ignore[assignment]
    found = run_checks(report)
    assert any(f.cells == (key,) for f in found), f"no finding names only {key} = {bad!r}"


@settings(max_examples=300, deadline=None)
@given(arbitrary_reports(), st.none() | arbitrary_reports())
def test_checks_never_raise(report: Report, previous: Report | None) -> None:
    found = run_checks(report, previous)
    assert all(f.stage == "check" for f in found)
    assert all(set(f.cells) <= set(report.spec.cells) for f in found)
    assert run_checks(report, previous) == found  # deterministic order
