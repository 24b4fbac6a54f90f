"""A number OCR may have misread is named with both readings, never changed: exactly one
one-character reading of one OCR'd cell must make every identity hold."""

from __future__ import annotations

from dataclasses import replace

import pytest
from bench.scan_images import labelled_reports, truth_report

from gongkai.report.checks import run_checks
from gongkai.report.checks.ocr import LOW_CONFIDENCE, check_ocr, readings, suspected_misreads
from gongkai.report.model import Provenance, Report

NAME = "ptb-jtj-2024"  # a real labelled report whose tables add up


@pytest.fixture(scope="module")
def consistent() -> Report:
    label = dict(labelled_reports())[NAME]
    return truth_report(NAME, label)


def scanned(report: Report, confidence: float = 96.0, **changed: str) -> Report:
    """The report as if every cell had been read by OCR; ``changed`` cells read differently."""
    out = replace(report, cells=dict(report.cells), provenance={}, findings=[])
    for key, value in out.cells.items():
        raw = changed.get(key.replace(".", "__"), "" if value is None else str(value))
        out.cells[key] = int(raw) if raw.isdigit() else value
        out.provenance[key] = Provenance(
            "scan.pdf", raw, 6, 5, box=(10, 20, 30, 40), confidence=confidence
        )
    return out


def test_readings_are_one_confusable_digit_away() -> None:
    assert ("53", 53) in readings("58") and ("78", 78) not in readings("58")
    assert ("17", 17) in readings("11") and ("71", 71) in readings("11")
    assert readings("五") == [] and readings("1.5") == []
    assert all(not r.startswith("0") for r, _ in readings("80"))  # "00" is no count


def test_a_consistent_scan_has_nothing_to_say(consistent: Report) -> None:
    assert suspected_misreads(scanned(consistent), {k: "x" for k in consistent.cells}) == []
    assert [f.code for f in check_ocr(scanned(consistent))] == []


def test_one_misread_digit_is_named_with_both_readings_and_kept(consistent: Report) -> None:
    report = scanned(consistent, apply__new__total="53")  # printed 58, the 8 read as 3
    found = [f for f in run_checks(report) if f.code == "OCR_MISREAD_SUSPECTED"]
    assert len(found) == 1
    f = found[0]
    assert f.cells == ("apply.new.total",) and f.actual == 53 and f.expected == 58
    assert "53" in f.message and "58" in f.message and "数值未作改动" in f.message
    assert report.cells["apply.new.total"] == 53  # never silently changed
    # the identities still say what is wrong
    assert {"APPLY_ROW_SUM", "APPLY_BALANCE"} <= {g.code for g in run_checks(report)}


def test_two_readings_that_each_fit_prove_nothing(consistent: Report) -> None:
    # 58 read as 53 in both the row's total and the only applicant column: one identity (the
    # row sum) still holds, the column balances break; 3→8 in either cell alone cannot fix both
    report = scanned(consistent, apply__new__total="53", apply__new__natural_person="53")
    assert [f for f in check_ocr(report) if f.code == "OCR_MISREAD_SUSPECTED"] == []


def test_cells_not_read_by_ocr_are_left_to_the_identities(consistent: Report) -> None:
    report = replace(consistent, cells={**consistent.cells, "apply.new.total": 53}, findings=[])
    assert check_ocr(report) == []
    assert "OCR_MISREAD_SUSPECTED" not in {f.code for f in run_checks(report)}


def test_low_confidence_cells_are_listed_for_a_look(consistent: Report) -> None:
    report = scanned(consistent, confidence=LOW_CONFIDENCE - 1)
    low = [f for f in check_ocr(report) if f.code == "OCR_LOW_CONFIDENCE"]
    assert len(low) == 1 and set(low[0].cells) == set(report.cells)
    assert f"{len(report.cells)} 个单元格" in low[0].message
