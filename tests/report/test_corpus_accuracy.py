"""Accuracy over the labelled corpus: every cell of every report, and every narrative part.

The corpus (tests/data/corpus, built by build_corpus.py) holds consistent sample reports in
the messy shapes published reports take — wrapped and spaced labels, shifted and duplicated
cells, full-width digits, units in cells, tables without tabs, Markdown, truncated tables,
HTML with rowspan/colspan in UTF-8 and GB18030 — plus the five real seeds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.report.jsonio import cell_to_json
from gongkai.report.parse import read_path

DATA = Path(__file__).parent.parent / "data"
CORPUS = sorted(
    p for p in (DATA / "corpus").iterdir() if p.suffix in {".txt", ".md", ".html"}
) + sorted((DATA / "seeds").glob("*.txt"))


def test_corpus_has_at_least_thirty_reports_in_both_layouts() -> None:
    assert len(CORPUS) >= 30
    formats = {json.loads(p.with_suffix(".expected.json").read_text())["format"] for p in CORPUS}
    assert formats == {"2019", "2021"}


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_cell_is_read_exactly(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    report = read_path(path)
    assert report.format == expected["format"]
    assert (report.agency, report.year) == (expected["agency"], expected["year"])
    wrong = {
        k: {"got": cell_to_json(report.cells[k]), "expected": v}
        for k, v in expected["cells"].items()
        if cell_to_json(report.cells[k]) != v
    }
    assert not wrong, f"{len(wrong)} cells wrong: {dict(list(wrong.items())[:8])}"


@pytest.mark.parametrize(
    "path",
    [p for p in CORPUS if "sections" in json.loads(p.with_suffix(".expected.json").read_text())],
    ids=lambda p: p.name,
)
def test_every_narrative_part_is_read_exactly(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    report = read_path(path)
    for key, text in expected["sections"].items():
        assert report.sections[key] == text, f"section {key} differs"
