"""What the renderers write, gongkai's readers read back: every cell, title and narrative."""

from __future__ import annotations

import pytest

from gongkai.report.parse import read_report
from gongkai.report.render import render
from gongkai.report.sample import sample_report

from .test_render_layout import full_report

KINDS = ["html", "docx", "xlsx"]  # PDF: one render only, in test_render_pdf.py


@pytest.mark.parametrize("version", ["2019", "2021"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_cell_reads_back(kind: str, version: str) -> None:
    report = full_report(version)
    back = read_report(render(report, kind), f"report.{kind}")
    assert back.format == version
    wrong = {k: (v, back.cells.get(k)) for k, v in report.cells.items() if back.cells.get(k) != v}
    assert not wrong, f"{kind}: cells read back differently (want, got): {wrong}"


@pytest.mark.parametrize("kind", KINDS)
def test_title_and_narrative_read_back(kind: str) -> None:
    report = sample_report(11, fmt="2021", year=2022)
    back = read_report(render(report, kind), f"report.{kind}")
    assert (back.agency, back.year) == (report.agency, report.year)
    for key, text in report.sections.items():
        assert back.sections.get(key) == text, f"{kind}: section {key}"
