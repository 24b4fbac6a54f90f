"""Shapes of published reports that the real corpus does not hold a file of yet, on reports
gongkai renders and then reshapes the way web pages and conversions do. Each test names the
shape as real reports show it (see tests/data/real/SOURCES.md and the issue's list)."""

from __future__ import annotations

import pytest

from gongkai.report.parse import read_report
from gongkai.report.render.md import render_md
from gongkai.report.sample import sample_report

REPORT = sample_report(3, fmt="2021", year=2022)
TEXT = render_md(REPORT).decode("utf-8")


def _part_four(text: str) -> tuple[int, int]:
    start = text.index("| 行政复议 |")
    end = text.index("\n\n", start)
    return start, end


def test_part_four_printed_as_three_small_tables() -> None:
    start, end = _part_four(TEXT)
    pieces = []
    for caption, row in (
        ("行政复议", "reconsideration"),
        ("行政诉讼（未经复议直接起诉）", "litigation_direct"),
        ("复议后起诉", "litigation_after"),
    ):
        values = [
            REPORT.cells[f"remedy.{row}.{c}"]
            for c in ("upheld", "corrected", "other", "pending", "total")
        ]
        pieces.append(
            f"{caption}\n\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n| --- | --- | --- | --- | --- |\n"
            + "| "
            + " | ".join(str(v) for v in values)
            + " |"
        )
    text = TEXT[:start] + "\n\n".join(pieces) + TEXT[end:]
    report = read_report(text.encode("utf-8"), "split.md")
    assert report.cells == REPORT.cells
    assert not [f for f in report.findings if f.code.startswith("ROW_")]


@pytest.mark.parametrize(
    ("printed", "row"),
    [
        ("2.其他法律行政止公开", "2.其他法律行政法规禁止公开"),
        ("5.属于三类内容事务信息", "5.属于三类内部事务信息"),
    ],
)
def test_misprinted_row_label_read_as_the_closest_row(printed: str, row: str) -> None:
    report = read_report(TEXT.replace(row, printed).encode("utf-8"), "misprint.md")
    assert report.cells == REPORT.cells
    [f] = [f for f in report.findings if f.code == "ROW_MISPRINTED"]
    assert printed in f.message and row in f.message


def test_a_label_close_to_two_rows_is_not_guessed() -> None:
    text = TEXT.replace("1.信访举报投诉类申请", "1.信访类申请")
    report = read_report(text.encode("utf-8"), "vague.md")
    assert report.cells["apply.not_processed.petition.total"] is None
    assert not [f for f in report.findings if f.code == "ROW_MISPRINTED"]


def _as_loose_pipes(text: str) -> str:
    """ "| 规章 | 0 | 0 | 0 |" → "规章 | 0 | 0 | 0 |": a web page's cells copied with pipes."""
    return "\n".join(
        line[2:] if line.startswith("| ") and not line.startswith("| ---") else line
        for line in text.split("\n")
        if not line.startswith("| ---")
    )


def test_pipe_rows_without_the_leading_pipe() -> None:
    report = read_report(_as_loose_pipes(TEXT).encode("utf-8"), "pipes.txt")
    assert report.cells == REPORT.cells


def test_one_cell_per_line() -> None:
    lines = []
    for line in TEXT.split("\n"):
        if line.startswith("| ---"):
            continue
        if line.startswith("|"):
            lines.extend(f"{cell.strip()} |" for cell in line.strip("|").split("|") if cell.strip())
        else:
            lines.append(line)
    report = read_report("\n".join(lines).encode("utf-8"), "cells.txt")
    assert report.cells == REPORT.cells


def test_title_after_the_sites_menus() -> None:
    """A saved government page puts its menus and breadcrumbs before the report's title."""
    chrome = (
        "国务院 省政府\n\n网站支持IPV6\n\n首页\n\n政务公开\n\n当前位置：\n\n政府信息公开年报\n\n"
    )
    report = read_report((chrome + TEXT).encode("utf-8"), "page.md")
    assert (report.agency, report.year) == (REPORT.agency, REPORT.year)
    assert "网站支持IPV6" not in (report.sections["preamble"] or "")
    assert report.cells == REPORT.cells


@pytest.mark.parametrize("heading", ["# ", ""])
def test_title_as_long_as_a_wrapped_line_stands_alone(heading: str) -> None:
    """ "平潭综合实验区交通与建设局2021年政府信息公开工作年度报告" is 30 characters, as long as a
    line the PDF wrapped mid-sentence: it must not be joined to the preamble below it."""
    agency = "平潭综合实验区交通与建设局"
    text = render_md(sample_report(3, fmt="2021", agency=agency, year=2021)).decode("utf-8")
    first, rest = text.split("\n", 1)
    report = read_report(f"{heading}{first.removeprefix('# ')}\n{rest}".encode(), "r.md")
    assert (report.agency, report.year) == (agency, 2021)
    assert "TITLE_UNREADABLE" not in {f.code for f in report.findings}
