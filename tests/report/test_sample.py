"""Sample reports: deterministic, varied, complete and consistent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.report.checks import run_checks
from gongkai.report.formats import FORMATS, SECTION_KEYS, Unit
from gongkai.report.sample import sample_report


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_same_seed_same_report(fmt: str) -> None:
    a, b = sample_report(42, fmt), sample_report(42, fmt)
    assert (a.cells, a.sections, a.title, a.year) == (b.cells, b.sections, b.title, b.year)


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_seeds_vary_counts_sentences_and_paragraphs(fmt: str) -> None:
    reports = [sample_report(seed, fmt) for seed in range(60)]
    assert len({r.cells["apply.new.total"] for r in reports}) >= 5
    assert len({r.sections["overview"] for r in reports}) == 60
    assert len({r.sections["overview"].count("\n") for r in reports}) >= 3  # type: ignore[union-attr]
    assert len({r.sections["remedies"] for r in reports}) >= 5
    assert sum(1 for r in reports if r.cells["apply.new.total"] == 0) >= 5  # many quiet years
    assert any(r.cells["remedy.reconsideration.total"] for r in reports)


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_every_cell_filled_with_the_right_kind_of_number(fmt: str) -> None:
    for seed in range(40):
        report = sample_report(seed, fmt)
        for key, spec in report.spec.cells.items():
            value = report.cells[key]
            assert value is not None, f"seed {seed}: {key} empty"
            if spec.unit is Unit.AMOUNT:
                assert isinstance(value, Decimal) and value >= 0, f"seed {seed}: {key} = {value!r}"
                assert -value.as_tuple().exponent <= 4, f"seed {seed}: {key} = {value}"  # type: ignore[operator]
            else:
                assert type(value) is int, f"seed {seed}: {key} = {value!r}"
                assert value >= 0 or spec.signed, f"seed {seed}: {key} = {value}"
        assert set(report.sections) == set(SECTION_KEYS)
        assert all(
            report.sections[k]
            for k in ("preamble", "overview", "applications", "remedies", "problems", "other")
        )


def test_signed_changes_are_sometimes_negative() -> None:
    changes = [sample_report(s).cells["active.licensing.change"] for s in range(300)]
    assert min(changes) < 0 < max(changes)  # type: ignore[type-var]


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_title_agency_and_year(fmt: str) -> None:
    report = sample_report(3, fmt, agency="白石镇人民政府", year=2022 if fmt == "2021" else 2020)
    assert report.title == f"白石镇人民政府{report.year}年政府信息公开工作年度报告"
    assert report.agency == "白石镇人民政府"
    years = {sample_report(s, fmt).year for s in range(50)}
    assert all(FORMATS[fmt].is_for_year(y) for y in years)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_many_samples_have_no_findings(fmt: str) -> None:
    for seed in range(300):
        report = sample_report(seed, fmt)
        found = run_checks(report)
        assert found == [], f"seed {seed}: " + "; ".join(f.message for f in found)


def test_narrative_states_the_table_figures() -> None:
    for seed in range(100):
        report = sample_report(seed, "2019")
        new = report.cells["apply.new.total"]
        overview = report.sections["overview"] or ""
        assert f"申请{new}件" in overview or (new == 0 and "未收到政府信息公开申请" in overview)


def test_chained_with_previous_year() -> None:
    before = sample_report(1, "2021", year=2022)
    after = sample_report(2, "2021", year=2023, previous=before)
    for col in ("natural_person", "commercial", "total"):
        assert after.cells[f"apply.carried_in.{col}"] == before.cells[f"apply.carried_out.{col}"], (
            col
        )
    assert run_checks(after, before) == []
