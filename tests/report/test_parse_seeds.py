"""The five real 2020 reports: every cell the text shows, exactly; null where it has none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.report.jsonio import cell_to_json
from gongkai.report.parse import read_path

SEEDS = Path(__file__).parent.parent / "data" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _expected(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


def test_all_five_seeds_are_present() -> None:
    assert len(SEED_FILES) == 5


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_cells_exact(path: Path) -> None:
    report = read_path(path)
    expected = _expected(path)
    assert (report.format, report.agency, report.year) == (
        expected["format"],
        expected["agency"],
        expected["year"],
    )
    wrong = {
        key: (cell_to_json(report.cells[key]), want)
        for key, want in expected["cells"].items()
        if cell_to_json(report.cells[key]) != want
    }
    assert not wrong, f"cells read wrong (got, expected): {wrong}"


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_parse_findings(path: Path) -> None:
    report = read_path(path)
    assert sorted({f.code for f in report.findings}) == _expected(path)["parse_findings"]


def test_seed_000_truncated_table_and_missing_part_four() -> None:
    report = read_path(SEEDS / "000_b918a3613b28c814.txt")
    codes = {f.code: f for f in report.findings}
    truncated = codes["TABLE_TRUNCATED"]
    assert "1.本机关不掌握相关政府信息" in truncated.message
    assert "apply.carried_out.total" in truncated.cells
    assert "apply.unable.not_held.total" not in truncated.cells
    assert report.cells["apply.unable.not_held.total"] == 0
    assert report.cells["apply.outcome_total.total"] is None
    missing = [f for f in report.findings if f.code == "SECTION_MISSING"]
    assert len(missing) == 1 and "第四部分" in missing[0].message
    assert all(report.cells[k] is None for k in report.cells if k.startswith("remedy."))
    assert report.sections["remedies"] is None


def test_seed_000_amount_keeps_unit_and_text() -> None:
    report = read_path(SEEDS / "000_b918a3613b28c814.txt")
    prov = report.provenance["active.procurement.amount"]
    assert str(report.cells["active.procurement.amount"]) == "76.3"
    assert prov.unit == "万元" and prov.raw == "76.3 万元"
    assert prov.line is not None and prov.source == "000_b918a3613b28c814.txt"


def test_seed_004_amount_in_yuan_header() -> None:
    report = read_path(SEEDS / "004_9a4325fa962f2263.txt")
    assert report.provenance["active.procurement.amount"].unit == "元"
    assert report.cells["active.procurement.amount"] == 0


def test_pdf_line_breaks_inside_sentences_are_rejoined() -> None:
    report = read_path(SEEDS / "000_b918a3613b28c814.txt")
    assert "没有出现因政府信息公开申请行政复议" in (report.sections["overview"] or "")


def test_sections_split_at_the_headings() -> None:
    report = read_path(SEEDS / "002_377a8865fde0797f.txt")
    assert (report.sections["preamble"] or "").startswith("本年度报告严格按照")
    assert (report.sections["overview"] or "").startswith("2020年，我镇认真贯彻")
    assert (report.sections["problems"] or "").startswith("目前，我镇信息公开工作")
    assert (report.sections["other"] or "").startswith("无。")
