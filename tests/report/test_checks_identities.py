"""The 勾稽关系 of parts 三 and 四 (domain rules §2.5), on hand-built reports."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.report.checks import check_identities, run_checks
from gongkai.report.model import Report


def zero_report(fmt: str = "2019") -> Report:
    report = Report(format=fmt)
    report.cells = dict.fromkeys(report.spec.cells, 0)
    return report


def set_cells(report: Report, **by_row: int) -> None:
    """set_cells(r, new=3) puts 3 in apply.new.natural_person and apply.new.total."""
    for row, n in by_row.items():
        report.cells[f"apply.{row}.natural_person"] = n
        report.cells[f"apply.{row}.total"] = n


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_all_zero_report_satisfies_every_identity(fmt: str) -> None:
    assert check_identities(zero_report(fmt)) == []


def test_balanced_applications_pass() -> None:
    report = zero_report()
    set_cells(report, new=3, carried_in=1, granted=2, partial=1, outcome_total=3, carried_out=1)
    assert check_identities(report) == []


def test_balance_broken_names_the_four_rows_of_the_column() -> None:
    report = zero_report()
    set_cells(report, new=3, granted=3, outcome_total=3, carried_out=1)
    found = [f for f in check_identities(report) if f.code == "APPLY_BALANCE"]
    assert [f.params["scope"] for f in found] == ["自然人", "总计"]
    first = found[0]
    assert first.cells == (
        "apply.new.natural_person",
        "apply.carried_in.natural_person",
        "apply.outcome_total.natural_person",
        "apply.carried_out.natural_person",
    )
    assert (first.actual, first.expected) == (3, 4)
    assert "本年新收与上年结转之和（3）" in first.message
    assert all(f.severity == "error" and f.stage == "check" for f in found)


def test_outcome_sum_broken() -> None:
    report = zero_report("2021")
    set_cells(report, new=2, outcome_total=2, granted=1)
    report.cells["apply.other.no_fee.natural_person"] = 0
    found = check_identities(report)
    assert [(f.code, f.params["scope"]) for f in found] == [
        ("APPLY_OUTCOME_SUM", "自然人"),
        ("APPLY_OUTCOME_SUM", "总计"),
    ]
    assert found[0].cells[0] == "apply.outcome_total.natural_person"
    assert "apply.other.no_fee.natural_person" in found[0].cells
    assert (found[0].actual, found[0].expected) == (2, 1)


def test_row_sum_broken() -> None:
    report = zero_report()
    report.cells["apply.denied.third_party.commercial"] = 1
    report.cells["apply.denied.third_party.total"] = 1
    report.cells["apply.denied.third_party.legal_service"] = 1  # row adds to 2, total says 1
    found = [f for f in check_identities(report) if f.code == "APPLY_ROW_SUM"]
    assert len(found) == 1
    assert found[0].cells[0] == "apply.denied.third_party.total"
    assert "apply.denied.third_party.legal_service" in found[0].cells
    assert (found[0].actual, found[0].expected) == (1, 2)


def test_remedy_group_sum_broken() -> None:
    report = zero_report()
    report.cells["remedy.litigation_after.upheld"] = 2
    report.cells["remedy.litigation_after.total"] = 1
    found = check_identities(report)
    assert [f.code for f in found] == ["REMEDY_GROUP_SUM"]
    assert found[0].cells == (
        "remedy.litigation_after.total",
        "remedy.litigation_after.upheld",
        "remedy.litigation_after.corrected",
        "remedy.litigation_after.other",
        "remedy.litigation_after.pending",
    )
    assert "复议后起诉" in found[0].message


def test_one_missing_term_gives_one_unverifiable_warning_naming_identities() -> None:
    report = zero_report()
    report.cells["apply.carried_in.natural_person"] = None
    found = check_identities(report)
    assert [f.code for f in found] == ["IDENTITY_UNVERIFIABLE"]
    names = found[0].params["names"]
    assert "自然人列 一+二=三+四" in names
    assert "“二、上年结转政府信息公开申请数量”行 总计=各类申请人之和" in names
    assert "apply.carried_in.natural_person" in found[0].cells
    assert found[0].actual == 2  # two identities involve that cell
    assert found[0].severity == "warning"


def test_missing_table_still_one_unverifiable_finding() -> None:
    report = zero_report()
    for key in report.cells:
        if key.startswith(("apply.", "remedy.")):
            report.cells[key] = None
    found = check_identities(report)
    assert len(found) == 1
    assert found[0].actual == len(report.spec.identities)
    assert len(found[0].cells) == len([k for k in report.cells if not k.startswith("active.")])


def test_invalid_decimal_is_unverifiable_not_an_exception() -> None:
    report = zero_report()
    report.cells["remedy.reconsideration.upheld"] = Decimal("sNaN")
    report.cells["apply.new.commercial"] = Decimal("1E+999999")
    found = check_identities(report)
    codes = [f.code for f in found]
    assert codes.count("IDENTITY_UNVERIFIABLE") == 1
    assert "APPLY_BALANCE" in codes  # the huge value breaks the commercial column
    assert "remedy.reconsideration.upheld" in found[-1].cells


def test_decimal_integral_values_count_like_ints() -> None:
    report = zero_report()
    set_cells(report, new=2, granted=2, outcome_total=2)
    report.cells["apply.new.total"] = Decimal("2.0")
    assert check_identities(report) == []


def test_broken_identities_come_in_reading_order_of_their_first_cell() -> None:
    report = zero_report()
    report.cells["remedy.reconsideration.total"] = 1
    report.cells["apply.carried_out.total"] = 1
    report.cells["apply.new.natural_person"] = 1
    found = run_checks(report)
    firsts = [report.spec.cells[f.cells[0]] for f in found]
    order = list(report.spec.cells)
    positions = [min(order.index(k) for k in f.cells) for f in found]
    assert positions == sorted(positions), [c.key for c in firsts]
