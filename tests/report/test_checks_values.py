"""Each cell on its own: invalid, negative, fractional, missing."""

from __future__ import annotations

from decimal import Decimal

from gongkai.report.checks import check_values
from gongkai.report.findings import Location
from gongkai.report.model import Provenance, Report


def zero_report(fmt: str = "2019") -> Report:
    report = Report(format=fmt, source="r.txt")
    report.cells = dict.fromkeys(report.spec.cells, 0)
    return report


def codes_by_cell(report: Report) -> list[tuple[str, str]]:
    return [(f.code, f.cells[0]) for f in check_values(report)]


def test_zero_report_has_no_value_findings() -> None:
    assert check_values(zero_report()) == []
    assert check_values(zero_report("2021")) == []


def test_negative_count_is_an_error_naming_the_cell_and_its_location() -> None:
    report = zero_report()
    report.cells["apply.granted.research"] = -1
    report.provenance["apply.granted.research"] = Provenance("r.txt", "-1", page=2, line=40)
    [f] = check_values(report)
    assert (f.code, f.cells, f.actual, f.severity) == (
        "VALUE_NEGATIVE",
        ("apply.granted.research",),
        -1,
        "error",
    )
    assert f.location == Location("r.txt", 2, 40)
    assert "表三 （一）予以公开 · 科研机构" in f.message


def test_signed_change_may_be_negative_in_2019() -> None:
    report = zero_report()
    report.cells["active.licensing.change"] = -5
    assert check_values(report) == []


def test_negative_amount_is_reported() -> None:
    report = zero_report("2021")
    report.cells["active.fees.amount"] = Decimal("-0.5")
    assert codes_by_cell(report) == [("VALUE_NEGATIVE", "active.fees.amount")]


def test_fractional_count_but_not_fractional_amount() -> None:
    report = zero_report()
    report.cells["active.procurement.amount"] = Decimal("76.3")
    report.cells["active.procurement.projects"] = Decimal("8.5")
    report.cells["active.licensing.change"] = Decimal("-1.5")  # signed, still a count
    report.cells["apply.new.total"] = Decimal("4.00")  # whole
    assert codes_by_cell(report) == [
        ("VALUE_FRACTIONAL", "active.licensing.change"),
        ("VALUE_FRACTIONAL", "active.procurement.projects"),
    ]


def test_negative_fraction_gives_both_findings() -> None:
    report = zero_report()
    report.cells["remedy.reconsideration.pending"] = Decimal("-0.5")
    assert codes_by_cell(report) == [
        ("VALUE_NEGATIVE", "remedy.reconsideration.pending"),
        ("VALUE_FRACTIONAL", "remedy.reconsideration.pending"),
    ]


def test_non_finite_decimal_is_invalid() -> None:
    report = zero_report()
    report.cells["apply.new.total"] = Decimal("NaN")
    report.cells["active.procurement.amount"] = Decimal("-Infinity")
    assert codes_by_cell(report) == [
        ("VALUE_INVALID", "active.procurement.amount"),
        ("VALUE_INVALID", "apply.new.total"),
    ]


def test_missing_cell_in_a_row_with_values_is_reported() -> None:
    report = zero_report()
    report.cells["apply.partial.legal_service"] = None
    [f] = check_values(report)
    assert (f.code, f.cells, f.severity) == (
        "VALUE_MISSING",
        ("apply.partial.legal_service",),
        "warning",
    )


def test_missing_whole_rows_and_tables_are_left_to_the_parser() -> None:
    report = zero_report()
    for key in report.cells:
        if key.startswith(("apply.unable.unclear.", "apply.not_processed.", "remedy.")):
            report.cells[key] = None
    assert check_values(report) == []


def test_single_cell_row_missing_is_reported_when_its_table_has_values() -> None:
    report = zero_report("2021")
    report.cells["active.licensing.decisions"] = None
    assert codes_by_cell(report) == [("VALUE_MISSING", "active.licensing.decisions")]
    for key in report.cells:
        if key.startswith("active."):
            report.cells[key] = None
    assert check_values(report) == []


def test_findings_follow_reading_order() -> None:
    report = zero_report()
    report.cells["remedy.litigation_after.total"] = -1
    report.cells["active.rules.new_made"] = -2
    report.cells["apply.carried_out.total"] = Decimal("0.5")
    assert [f.cells[0] for f in check_values(report)] == [
        "active.rules.new_made",
        "apply.carried_out.total",
        "remedy.litigation_after.total",
    ]
