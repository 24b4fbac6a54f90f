"""Issue requirement: every report of the labelled set, rendered to each output kind and parsed
back, gives back every cell and every narrative part identical (a messy published report can be
re-issued clean without losing a figure or a sentence)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from gongkai.report.jsonio import cell_to_json
from gongkai.report.model import Report
from gongkai.report.parse import read_path, read_report
from gongkai.report.render import RENDER_KINDS, render

DATA = Path(__file__).parent.parent / "data"
LABELLED = sorted(
    p for p in (DATA / "corpus").iterdir() if p.suffix in {".txt", ".md", ".html"}
) + sorted((DATA / "seeds").glob("*.txt"))


@cache
def _parsed(path: Path) -> Report:
    return read_path(path)


@pytest.mark.parametrize("kind", RENDER_KINDS)
@pytest.mark.parametrize("path", LABELLED, ids=lambda p: p.name)
def test_render_then_parse_gives_back_the_same_report(path: Path, kind: str) -> None:
    original = _parsed(path)
    again = read_report(render(original, kind), f"{path.stem}.{kind}")
    assert again.format == original.format
    assert (again.agency, again.year, again.title) == (
        original.agency,
        original.year,
        original.title,
    )
    wrong = {
        k: (cell_to_json(again.cells[k]), cell_to_json(v))
        for k, v in original.cells.items()
        if again.cells[k] != v
    }
    assert not wrong, (
        f"{kind}: {len(wrong)} cells differ (got, original): {dict(list(wrong.items())[:6])}"
    )
    for key, text in original.sections.items():
        assert again.sections[key] == text, f"{kind}: section {key} differs"
