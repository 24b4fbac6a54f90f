"""This year's report against the same agency's report of the year before (warnings)."""

from __future__ import annotations

from gongkai.report.checks import check_cross_year, run_checks
from gongkai.report.model import Report
from gongkai.report.sample import sample_report


def pair(fmt_now: str = "2021", fmt_before: str = "2021") -> tuple[Report, Report]:
    before = sample_report(
        11, fmt_before, agency="青山镇人民政府", year=2021 if fmt_before == "2021" else 2020
    )
    now = sample_report(
        12, fmt_now, agency="青山 镇人民政府", year=before.year + 1, previous=before
    )  # type: ignore[operator]
    return now, before


def test_chained_sample_reports_agree() -> None:
    now, before = pair()
    assert check_cross_year(now, before) == []
    assert run_checks(now, before) == []


def test_carry_over_mismatch_per_column() -> None:
    now, before = pair("2021", "2019")
    now.cells["apply.carried_in.commercial"] = before.cells["apply.carried_out.commercial"] + 1  # type: ignore[operator]
    found = check_cross_year(now, before)
    assert [(f.code, f.cells) for f in found] == [
        ("CARRY_OVER_MISMATCH", ("apply.carried_in.commercial",))
    ]
    assert found[0].params["scope"] == "商业企业"
    assert found[0].severity == "warning"
    assert found[0].actual == found[0].expected + 1


def test_in_force_chain_only_between_2021_reports() -> None:
    now, before = pair()
    now.cells["active.normative.in_force"] += 2  # type: ignore[operator]
    [f] = check_cross_year(now, before)
    assert f.code == "IN_FORCE_CHAIN"
    assert f.cells[0] == "active.normative.in_force"
    assert f.actual == f.expected + 2
    assert "现行有效件数" in f.message


def test_missing_values_are_not_compared() -> None:
    now, before = pair()
    now.cells["apply.carried_in.total"] = None
    before.cells["active.rules.in_force"] = None
    now.cells["active.rules.in_force"] = 999
    assert check_cross_year(now, before) == []


def test_not_the_preceding_year_or_not_the_same_agency() -> None:
    now, before = pair()
    before.year = now.year - 2  # type: ignore[operator]
    [f] = check_cross_year(now, before)
    assert f.code == "PREVIOUS_NOT_COMPARABLE"
    before.year = now.year - 1  # type: ignore[operator]
    before.agency = "白石镇人民政府"
    [f] = check_cross_year(now, before)
    assert (f.code, f.severity) == ("PREVIOUS_NOT_COMPARABLE", "warning")
    assert "白石镇人民政府" in f.message
    before.agency = None
    assert [f.code for f in check_cross_year(now, before)] == ["PREVIOUS_NOT_COMPARABLE"]
