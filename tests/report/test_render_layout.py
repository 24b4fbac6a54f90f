"""The official table structure shared by the renderers, and the test kit for every kind.

``full_report`` builds a report with a distinct non-zero value in every cell and hostile
narrative; ``assert_official_table`` checks a rendered table — given as a grid of slots, each
naming the merged cell it belongs to — against the official layout, stated here from the
format documents (not from ``layout.py``), so a renderer and this test cannot drift together.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal

import pytest

from gongkai.report.formats import (
    APPLICANTS,
    FORMATS,
    ORGANISATIONS,
    REMEDY_GROUPS_HEADER,
    Grid,
    Unit,
)
from gongkai.report.model import Report, Value
from gongkai.report.render.layout import CellKind, Table, parts, report_title, tables_for

AMOUNT = Decimal("76.3")
HOSTILE = "<script>alert(1)</script>"
AGENCY = f"青山镇人民政府{HOSTILE}"
NARRATIVE = {
    "preamble": f"本报告由青山镇人民政府编制。\nIt's 第二段 {HOSTILE} 含 | 竖线。",
    "overview": "（一）主动公开\n本年度主动公开信息113条。\n- 不是列表\n1. 也不是列表",
    "proactive": "本年度主动公开政府信息情况详见下表。",
    "applications": None,
    "remedies": "本年度无行政复议。\n本年度无行政诉讼 | 其他。",
    "problems": "一是公开深度不够。\n二是解读形式单一。",
    "other": "无其他需要报告的事项。",
}

# Official shape of part 三 (domain rules §2.3): rows spanned by 三、本年度办理结果, and the
# items of each sub-item group.
RESULT_SPAN = {"2019": 20, "2021": 22}
SUBGROUP_SPANS = {
    "2019": {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5},
    "2021": {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3},
}
APPLY_DATA_ROWS = {"2019": 23, "2021": 25}


def full_report(version: str) -> Report:
    """Every cell a distinct value: its 1-based index (negative for 本年增/减), amounts 76.3."""
    spec = FORMATS[version]
    cells: dict[str, Value] = {}
    for i, (key, cell) in enumerate(spec.cells.items(), start=1):
        if cell.unit is Unit.AMOUNT:
            cells[key] = AMOUNT
        else:
            cells[key] = -i if cell.signed else i
    year = 2019 if version == "2019" else 2022
    return Report(version, agency=AGENCY, year=year, cells=cells, sections=dict(NARRATIVE))


def expected_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def amount_header(label: str, unit: Unit) -> str:
    return f"{label}（单位：万元）" if unit is Unit.AMOUNT and "万元" not in label else label


# ---------------------------------------------------------------- grids of slots


@dataclass(frozen=True)
class Span:
    rowspan: int
    colspan: int
    text: str


def spans_of(slots: Sequence[Sequence[tuple[Hashable, str]]]) -> dict[tuple[int, int], Span]:
    """Merged cells of a resolved grid: each slot is (identity of its cell, the cell's text).

    Returns anchor (top-left slot) → span; fails if a merged cell is not a rectangle.
    """
    seen: dict[Hashable, list[tuple[int, int]]] = {}
    texts: dict[Hashable, str] = {}
    for r, row in enumerate(slots):
        for c, (ident, text) in enumerate(row):
            seen.setdefault(ident, []).append((r, c))
            texts[ident] = text
    out: dict[tuple[int, int], Span] = {}
    for ident, where in seen.items():
        rows = {r for r, _ in where}
        cols = {c for _, c in where}
        span = Span(max(rows) - min(rows) + 1, max(cols) - min(cols) + 1, texts[ident])
        assert span.rowspan * span.colspan == len(where), f"cell {texts[ident]!r} not rectangular"
        out[(min(rows), min(cols))] = span
    return out


def assert_official_table(
    slots: Sequence[Sequence[tuple[Hashable, str]]], grid: Grid, report: Report
) -> None:
    """The rendered table has the official rows, columns, merges, labels and values."""
    n_rows = len(slots)
    widths = {len(r) for r in slots}
    assert len(widths) == 1, f"{grid.title}: rows of different widths {widths}"
    spans = spans_of(slots)
    check = {"active": _check_active, "apply": _check_apply, "remedy": _check_remedy}
    check[grid.table](spans, n_rows, widths.pop(), grid, report)


def _at(spans: dict[tuple[int, int], Span], where: tuple[int, int], want: Span, what: str) -> None:
    got = spans.get(where)
    assert got is not None, f"{what}: no cell starts at row {where[0]} column {where[1]}"
    assert got == want, f"{what} at {where}: got {got}, want {want}"


def _values(
    spans: dict[tuple[int, int], Span], grid: Grid, report: Report, at: int, col0: int
) -> None:
    for i, row in enumerate(grid.rows):
        for j, col in enumerate(grid.columns):
            r, c = (at + i, col0 + j) if grid.table != "remedy" else (at, col0 + i * 5 + j)
            key = grid.key(row, col)
            _at(spans, (r, c), Span(1, 1, expected_text(report.cells[key])), key)


def _check_active(spans, n_rows, n_cols, grid, report) -> None:  # type: ignore[no-untyped-def]
    width = 1 + len(grid.columns)
    assert (n_rows, n_cols) == (2 + len(grid.rows), width), f"{grid.title}: shape"
    _at(spans, (0, 0), Span(1, width, grid.title), f"{grid.title} title row")
    _at(spans, (1, 0), Span(1, 1, "信息内容"), f"{grid.title} corner")
    for j, col in enumerate(grid.columns):
        _at(spans, (1, 1 + j), Span(1, 1, amount_header(col.label, col.unit)), col.label)
    for i, row in enumerate(grid.rows):
        _at(spans, (2 + i, 0), Span(1, 1, row.label), f"{grid.title} row {row.label}")
    _values(spans, grid, report, 2, 1)


def _check_apply(spans, n_rows, n_cols, grid, report) -> None:  # type: ignore[no-untyped-def]
    version = report.format
    assert len(grid.rows) == APPLY_DATA_ROWS[version]
    assert (n_rows, n_cols) == (3 + APPLY_DATA_ROWS[version], 3 + 7), "part 三 shape"
    _at(spans, (0, 0), Span(3, 3, grid.corner), "part 三 corner")
    _at(spans, (0, 3), Span(1, 7, APPLICANTS), APPLICANTS)
    _at(spans, (1, 3), Span(2, 1, "自然人"), "自然人")
    _at(spans, (1, 4), Span(1, 5, ORGANISATIONS), ORGANISATIONS)
    _at(spans, (1, 9), Span(2, 1, "总计"), "总计")
    orgs = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
    for j, label in enumerate(orgs):
        _at(spans, (2, 4 + j), Span(1, 1, label), label)
    subgroups = SUBGROUP_SPANS[version]
    first_outcome = next(i for i, r in enumerate(grid.rows) if r.group)
    _at(
        spans,
        (3 + first_outcome, 0),
        Span(RESULT_SPAN[version], 1, "三、本年度办理结果"),
        "办理结果",
    )
    for i, row in enumerate(grid.rows):
        at = 3 + i
        if row.group is None:
            _at(spans, (at, 0), Span(1, 3, row.label), f"part 三 row {row.label}")
        elif row.group in subgroups:
            _at(spans, (at, 2), Span(1, 1, row.label), f"part 三 row {row.group} {row.label}")
            if row.group != grid.rows[i - 1].group:
                _at(spans, (at, 1), Span(subgroups[row.group], 1, row.group), row.group)
        else:
            _at(spans, (at, 1), Span(1, 2, row.label), f"part 三 row {row.label}")
    _values(spans, grid, report, 3, 3)


def _check_remedy(spans, n_rows, n_cols, grid, report) -> None:  # type: ignore[no-untyped-def]
    assert (n_rows, n_cols) == (4, 15), "part 四 shape"
    _at(spans, (0, 0), Span(1, 5, REMEDY_GROUPS_HEADER["reconsideration"]), "行政复议")
    _at(spans, (0, 5), Span(1, 10, REMEDY_GROUPS_HEADER["litigation"]), "行政诉讼")
    _at(spans, (1, 5), Span(1, 5, "未经复议直接起诉"), "未经复议直接起诉")
    _at(spans, (1, 10), Span(1, 5, "复议后起诉"), "复议后起诉")
    for j, col in enumerate(grid.columns):
        _at(spans, (1, j), Span(2, 1, col.label), f"行政复议 {col.label}")
        _at(spans, (2, 5 + j), Span(1, 1, col.label), f"直接起诉 {col.label}")
        _at(spans, (2, 10 + j), Span(1, 1, col.label), f"复议后起诉 {col.label}")
    _values(spans, grid, report, 3, 0)


def layout_slots(table: Table, report: Report) -> list[list[tuple[Hashable, str]]]:
    """The layout's own table as slots (what every renderer starts from)."""
    out: list[list[tuple[Hashable, str]]] = [[] for _ in range(table.n_rows)]
    grid: list[list[tuple[Hashable, str] | None]] = [[None] * table.n_cols for _ in out]
    for cell in table.cells:
        text = expected_text(report.cells[cell.key]) if cell.key else cell.text
        for r in range(cell.row, cell.last_row + 1):
            for c in range(cell.col, cell.last_col + 1):
                assert grid[r][c] is None, f"{table.id}: slot ({r}, {c}) covered twice"
                grid[r][c] = ((cell.row, cell.col), text)
    for r, row in enumerate(grid):
        for c, slot in enumerate(row):
            assert slot is not None, f"{table.id}: slot ({r}, {c}) not covered"
            out[r].append(slot)
    return out


# ---------------------------------------------------------------- the layout itself


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_layout_tables_are_official(version: str) -> None:
    report = full_report(version)
    tables = [t for kind in ("active", "apply", "remedy") for t in tables_for(version, kind)]
    assert [t.grid for t in tables] == list(report.spec.grids)
    for table in tables:
        assert_official_table(layout_slots(table, report), table.grid, report)


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_layout_has_every_declared_cell_once(version: str) -> None:
    keys = [
        str(c.key)
        for kind in ("active", "apply", "remedy")
        for t in tables_for(version, kind)
        for c in t.cells
        if c.kind is CellKind.DATA
    ]
    assert sorted(keys) == sorted(FORMATS[version].cells)


def test_parts_order_and_narrative() -> None:
    report = full_report("2021")
    got = parts(report)
    assert [p.key for p in got] == list(NARRATIVE)
    assert got[0].heading is None
    assert [p.heading for p in got[1:]] == [s.heading for s in report.spec.sections]
    assert got[0].paragraphs == (
        "本报告由青山镇人民政府编制。",
        f"It's 第二段 {HOSTILE} 含 | 竖线。",
    )
    assert got[3].paragraphs == ()  # applications: None → nothing
    assert [len(p.tables) for p in got] == [0, 0, 4, 1, 1, 0, 0]


def test_title_default_and_own() -> None:
    report = full_report("2019")
    assert report_title(report) == f"{AGENCY}2019年政府信息公开工作年度报告"
    report.title = "青山镇2019年政府信息公开工作年度报告（更正）"
    assert report_title(report) == report.title
