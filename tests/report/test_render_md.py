"""Markdown rendering: headings, paragraphs, pipe tables of constant width, escaping."""

from __future__ import annotations

import re

import pytest

from gongkai.report.render import render

from .test_render_layout import expected_text, full_report

_SPLIT = re.compile(r"(?<!\\)\|")


def _tables(text: str) -> list[list[list[str]]]:
    """Pipe tables as rows of cell texts (separator rows dropped)."""
    tables: list[list[list[str]]] = []
    current: list[list[str]] | None = None
    for line in text.split("\n"):
        if not line.startswith("|"):
            current = None
            continue
        if current is None:
            current = []
            tables.append(current)
        cells = [c.strip() for c in _SPLIT.split(line)[1:-1]]
        if not all(set(c) <= {"-"} and c for c in cells):
            current.append(cells)
    return tables


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_tables_have_constant_width_and_every_value(version: str) -> None:
    report = full_report(version)
    text = render(report, "md").decode("utf-8")
    tables = _tables(text)
    grids = report.spec.grids
    assert len(tables) == len(grids)
    for table, grid in zip(tables, grids, strict=True):
        widths = {len(r) for r in table}
        assert len(widths) == 1, f"{grid.title}: rows of {widths} columns"
        values = [c for r in table for c in r]
        for key in grid.cell_keys():
            want = expected_text(report.cells[key])
            assert want in values, f"cell {key}: {want!r} not in its table"
        for row in grid.rows:
            assert any(row.label in c for c in values), f"{grid.title}: row {row.label} missing"
    apply = tables[len(report.spec.active)]
    assert len(apply) == 3 + len(report.spec.apply.rows)
    assert len(apply[0]) == 10
    assert apply[3][0].startswith("一、本年新收") and apply[3][1:3] == ["", ""]
    assert len(tables[-1][0]) == 15 and len(tables[-1]) == 4


def test_headings_paragraphs_and_escaping() -> None:
    report = full_report("2019")
    text = render(report, "md").decode("utf-8")
    blocks = text.split("\n\n")
    assert blocks[0].startswith("# 青山镇人民政府\\<script\\>")
    headings = [b for b in blocks if b.startswith("## ")]
    assert headings == [f"## {s.heading}" for s in report.spec.sections]
    assert "It's 第二段 \\<script\\>alert(1)\\</script\\> 含 \\| 竖线。" in blocks
    assert "\\- 不是列表" in blocks and "1\\. 也不是列表" in blocks
    assert "<script>" not in text
    assert "本年度无行政诉讼 \\| 其他。" in blocks
