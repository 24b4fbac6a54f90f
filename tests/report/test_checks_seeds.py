"""The checks on the five real reports as the parser reads them (end to end)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.report.checks import run_checks

parse = pytest.importorskip("gongkai.report.parse")

SEEDS = Path(__file__).parent.parent / "data" / "seeds"


def checked(prefix: str) -> list[tuple[str, tuple[str, ...]]]:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return [(f.code, f.cells) for f in run_checks(parse.read_path(path))]


@pytest.mark.parametrize("prefix", ["001", "002", "003"])
def test_clean_seeds_have_no_check_findings(prefix: str) -> None:
    assert checked(prefix) == []


def test_seed_000_table_cut_off_is_one_unverifiable_warning() -> None:
    [(code, cells)] = checked("000")
    assert code == "IDENTITY_UNVERIFIABLE"
    assert "apply.carried_out.total" in cells
    assert "remedy.reconsideration.total" in cells  # 表四 is missing from this report
    assert "apply.new.total" in cells  # the rows before the cut are in it too


def test_seed_004_contradicts_itself_once() -> None:
    assert checked("004") == [("NARRATIVE_INCONSISTENT", ())]
