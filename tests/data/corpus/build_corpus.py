"""Builds the labelled test corpus: consistent sample reports written in the messy shapes real
reports arrive in, each with the cells a correct parser must read (``*.expected.json``).

Run ``python tests/data/corpus/build_corpus.py`` to rewrite the files; they are committed so
the accuracy test reads fixed data. Every shape here is one seen in published reports: the
seeds under ``tests/data/seeds`` show most of them.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from gongkai.report.formats import FORMATS, SECTIONS, Grid, ReportFormat
from gongkai.report.jsonio import cell_to_json
from gongkai.report.model import Report
from gongkai.report.sample import sample_report

HERE = Path(__file__).parent
Row = list[str]


def _value(report: Report, key: str) -> str:
    value = cell_to_json(report.cells[key])
    return "" if value is None else str(value)


# ---------------------------------------------------------------- flattened tables (as PDF text)


def active_rows(report: Report, fmt: ReportFormat) -> list[Row]:
    rows: list[Row] = []
    for grid in fmt.active:
        width = len(grid.columns) + 1
        rows.append([grid.title] + [""] * (width - 1))
        rows.append([grid.corner] + [c.label for c in grid.columns])
        for row in grid.rows:
            rows.append([row.label] + [_value(report, grid.key(row, c)) for c in grid.columns])
    return rows


def apply_rows(report: Report, fmt: ReportFormat) -> list[Row]:
    grid = fmt.apply
    cols = [c.label for c in grid.columns]
    rows: list[Row] = [
        [grid.corner, "", "申请人情况", "", "", "", "", "", cols[-1]],
        ["", "", cols[0], "法人或其他组织", "", "", "", "", ""],
        ["", "", "", *cols[1:6], ""],
    ]
    last_group = None
    for row in grid.rows:
        values = [_value(report, grid.key(row, c)) for c in grid.columns]
        if row.group is None:
            rows.append([row.label, "", *values])
        elif row.group.startswith("三、"):
            first = row.group if last_group is None or not last_group.startswith("三") else ""
            rows.append([first, row.label, *values])
        else:
            rows.append(["", row.group if row.group != last_group else "", row.label, *values])
        last_group = row.group
    return rows


def remedy_rows(report: Report, fmt: ReportFormat) -> list[Row]:
    grid = fmt.remedy
    outcomes = [c.label for c in grid.columns]
    return [
        ["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9,
        [*outcomes, grid.rows[1].label, "", "", "", "", grid.rows[2].label, "", "", "", ""],
        [""] * 5 + outcomes + outcomes,
        [_value(report, grid.key(r, c)) for r in grid.rows for c in grid.columns],
    ]


def text_report(report: Report, tables: Callable[[str, list[Row]], list[str]] | None = None) -> str:
    """The report as PDF-to-text tools flatten it: paragraphs, tab-separated table rows."""
    fmt = report.spec
    to_lines = tables or (lambda part, rows: ["\t".join(r) for r in rows])
    out = [report.title or "", ""]
    if report.sections.get("preamble"):
        out += [*report.sections["preamble"].split("\n"), ""]
    table_rows = {
        "proactive": active_rows(report, fmt),
        "applications": apply_rows(report, fmt),
        "remedies": remedy_rows(report, fmt),
    }
    for section in SECTIONS:
        out += [section.heading, ""]
        if report.sections.get(section.key):
            for para in report.sections[section.key].split("\n"):
                out += [para, ""]
        if section.key in table_rows:
            out += [*to_lines(section.key, table_rows[section.key]), ""]
    return "\n".join(out)


# ---------------------------------------------------------------- the messy shapes


def tabs(part: str, rows: list[Row]) -> list[str]:
    return ["\t".join(r) for r in rows]


def spaced_labels(part: str, rows: list[Row]) -> list[str]:
    """结 果 维 持: a space between every character of the labels."""
    return ["\t".join(c if _is_number(c) else " ".join(c) for c in r) for r in rows]


def _is_number(cell: str) -> bool:
    return cell.lstrip("-").replace(".", "", 1).isdigit()


def wrapped_labels(part: str, rows: list[Row]) -> list[str]:
    """Long labels broken over two lines, the tail on a row of its own (seed 004)."""
    out = []
    for r in rows:
        long = [i for i, c in enumerate(r) if len(c) > 9 and not c.isdigit()]
        if part == "applications" and long and any(x.isdigit() for x in r):
            i = long[-1]
            head, tail = r[i][:7], r[i][7:]
            out.append("\t".join([*r[:i], head, *r[i + 1 :]]))
            out.append("\t".join([""] * i + [tail]))
        else:
            out.append("\t".join(r))
    return out


def shifted_right(part: str, rows: list[Row]) -> list[str]:
    """An empty cell pushed in front of the numbers of every data row (seed 002)."""
    out = []
    for r in rows:
        idx = next((i for i, c in enumerate(r) if c.lstrip("-").replace(".", "").isdigit()), None)
        out.append("\t".join(r if idx is None else [*r[:idx], "", *r[idx:]]))
    return out


def duplicated_total(part: str, rows: list[Row]) -> list[str]:
    """The 总计 column printed twice in part 三 (seed 002's extra column)."""
    out = []
    for r in rows:
        nums = [c for c in r if c.isdigit()]
        out.append("\t".join([*r, nums[-1]] if part == "applications" and len(nums) == 7 else r))
    return out


def fullwidth(part: str, rows: list[Row]) -> list[str]:
    table = {ord(ch): ord(ch) + 0xFEE0 for ch in "0123456789.-()"}
    return ["\t".join(c.translate(table) for c in r) for r in rows]


def space_separated(part: str, rows: list[Row]) -> list[str]:
    """No tabs at all: label, then numbers separated by spaces (text copied from a PDF)."""
    return [" ".join(c for c in r if c) for r in rows]


def markdown(part: str, rows: list[Row]) -> list[str]:
    width = max(len(r) for r in rows)
    lines = []
    for i, r in enumerate(rows):
        cells = [*r, *[""] * (width - len(r))]
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + "---|" * width)
    return lines


def shuffled_rows(part: str, rows: list[Row]) -> list[str]:
    """Rows out of place: the outcome rows of part 三 in another order."""
    if part != "applications":
        return tabs(part, rows)
    head, body = rows[:5], rows[5:]
    random.Random(len(body)).shuffle(body)
    return tabs(part, [*head, *body])


def with_subtotal(part: str, rows: list[Row]) -> list[str]:
    """A 法人或其他组织 小计 column added after the five organisation columns (some agency
    software prints one; the official grid has none)."""
    if part != "applications":
        return tabs(part, rows)
    out = []
    for i, r in enumerate(rows):
        if i == 1:
            r = [*r[:-1], "小计", r[-1]]
        elif i == 2:
            r = [*r, ""]
        else:
            nums = [j for j, c in enumerate(r) if c.isdigit()]
            if len(nums) == 7:
                orgs = sum(int(r[j]) for j in nums[1:6])
                r = [*r[: nums[6]], str(orgs), *r[nums[6] :]]
        out.append("\t".join(r))
    return out


def split_header(part: str, rows: list[Row]) -> list[str]:
    """Header labels broken over two lines with a blank line between (seed 001)."""
    lines = tabs(part, rows)
    if part == "applications":
        head = rows[2]
        lines[2] = "\t".join(c[:4] for c in head)
        lines.insert(3, "")
        lines.insert(4, "\t".join(c[4:] for c in head))
    return lines


SHAPES: dict[str, Callable[[str, list[Row]], list[str]]] = {
    "subtotal": with_subtotal,
    "split_header": split_header,
    "tabs": tabs,
    "spaced": spaced_labels,
    "wrapped": wrapped_labels,
    "shifted": shifted_right,
    "duplicated": duplicated_total,
    "fullwidth": fullwidth,
    "spaces": space_separated,
    "markdown": markdown,
    "shuffled": shuffled_rows,
}


def truncated(report: Report) -> tuple[str, dict[str, object]]:
    """Part 三 cut off after （四）1 and part 四 missing (seed 000)."""
    fmt = report.spec
    grid = fmt.apply
    keep = [r.key for r in grid.rows][: [r.key for r in grid.rows].index("unable.not_held") + 1]

    def cut(part: str, rows: list[Row]) -> list[str]:
        if part == "applications":
            return tabs(part, rows[: 3 + len(keep)])
        return [] if part == "remedies" else tabs(part, rows)

    without_part_four = Report(
        report.format,
        report.agency,
        report.year,
        report.title,
        dict(report.cells),
        {**report.sections, "remedies": None},
    )
    text = text_report(without_part_four, cut)
    text = text.replace(SECTIONS[3].heading + "\n", "")
    cells = {k: cell_to_json(v) for k, v in report.cells.items()}
    for row in grid.rows:
        if row.key not in keep:
            for col in grid.columns:
                cells[grid.key(row, col)] = None
    for key in cells:
        if key.startswith("remedy."):
            cells[key] = None
    return text, cells


def amount_in_yuan(report: Report) -> str:
    """The amount printed in 元 under a header that says so (seed 004: 采购总金额（元）)."""
    text = text_report(report)
    key = next(k for k, s in report.spec.cells.items() if s.unit.value == "amount")
    label = report.spec.cells[key].column.label
    value = _value(report, key)
    yuan = format((report.cells[key] or 0) * 10000, "f")
    yuan = yuan.rstrip("0").rstrip(".") if "." in yuan else yuan
    text = text.replace(f"\t{label}", f"\t{label.split('（')[0]}（元）", 1)
    return text.replace(f"\t{value}\n", f"\t{yuan}\n", 1)


def units_in_cells(report: Report) -> str:
    text = text_report(report)
    amount_key = next(k for k, s in report.spec.cells.items() if s.unit.value == "amount")
    value = _value(report, amount_key)
    return text.replace(f"\t{value}\n", f"\t{value} 万元\n", 1)


# ---------------------------------------------------------------- HTML as sites publish it


def html_report(report: Report, encoding: str = "utf-8", nbsp: bool = False) -> bytes:
    fmt = report.spec
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;")  # noqa: E731
    parts = [
        f'<html><head><meta charset="{encoding}"><title>{esc(report.title or "")}</title></head><body>'
    ]
    parts.append(f"<h1>{esc(report.title or '')}</h1>")
    for para in (report.sections.get("preamble") or "").split("\n"):
        if para:
            parts.append(f"<p>{esc(para)}</p>")
    for section in SECTIONS:
        parts.append(f"<h2>{section.heading}</h2>")
        for para in (report.sections.get(section.key) or "").split("\n"):
            if para:
                parts.append(f"<p>{esc(para)}</p>")
        if section.key == "proactive":
            for grid in fmt.active:
                parts.append(_html_grid_active(report, grid, nbsp))
        elif section.key == "applications":
            parts.append(_html_apply(report, fmt, nbsp))
        elif section.key == "remedies":
            parts.append(_html_remedy(report, fmt))
    parts.append("</body></html>")
    return "\n".join(parts).encode(encoding)


def _td(text: str, rowspan: int = 1, colspan: int = 1) -> str:
    attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    return f"<td{attrs}>{text}</td>"


def _html_grid_active(report: Report, grid: Grid, nbsp: bool) -> str:
    n = len(grid.columns) + 1
    rows = [
        f"<tr>{_td(grid.title, colspan=n)}</tr>",
        "<tr>" + "".join(_td(x) for x in [grid.corner, *[c.label for c in grid.columns]]) + "</tr>",
    ]
    for row in grid.rows:
        label = row.label.replace("", "&nbsp;").strip("&nbsp;") if nbsp else row.label
        rows.append(
            "<tr>"
            + _td(label)
            + "".join(_td(_value(report, grid.key(row, c))) for c in grid.columns)
            + "</tr>"
        )
    return "<table border=1>" + "".join(rows) + "</table>"


def _html_apply(report: Report, fmt: ReportFormat, nbsp: bool) -> str:
    grid = fmt.apply
    cols = grid.columns
    out = [
        "<tr>" + _td(grid.corner, 3, 3) + _td("申请人情况", colspan=7) + "</tr>",
        "<tr>"
        + _td(cols[0].label, 2)
        + _td("法人或其他组织", colspan=5)
        + _td(cols[-1].label, 2)
        + "</tr>",
        "<tr>" + "".join(_td(c.label) for c in cols[1:6]) + "</tr>",
    ]
    result_rows = [r for r in grid.rows if r.group is not None]
    groups: dict[str, int] = {}
    for r in result_rows:
        if not r.group.startswith("三、"):
            groups[r.group] = groups.get(r.group, 0) + 1
    started: set[str] = set()
    for row in grid.rows:
        cells = "".join(_td(_value(report, grid.key(row, c))) for c in cols)
        if row.group is None:
            out.append("<tr>" + _td(row.label, colspan=3) + cells + "</tr>")
            continue
        lead = ""
        if "三" not in started:
            started.add("三")
            lead = _td(
                row.group if row.group.startswith("三、") else "三、本年度办理结果",
                len(result_rows),
            )
        if row.group.startswith("三、"):
            out.append("<tr>" + lead + _td(row.label, colspan=2) + cells + "</tr>")
        else:
            group = ""
            if row.group not in started:
                started.add(row.group)
                group = _td(row.group, groups[row.group])
            out.append("<tr>" + lead + group + _td(row.label) + cells + "</tr>")
    return "<table border=1>" + "".join(out) + "</table>"


def _html_remedy(report: Report, fmt: ReportFormat) -> str:
    grid = fmt.remedy
    outcomes = [c.label for c in grid.columns]
    rows = [
        "<tr>" + _td("行政复议", colspan=5) + _td("行政诉讼", colspan=10) + "</tr>",
        "<tr>"
        + "".join(_td(o, 2) for o in outcomes)
        + _td(grid.rows[1].label, colspan=5)
        + _td(grid.rows[2].label, colspan=5)
        + "</tr>",
        "<tr>" + "".join(_td(o) for o in outcomes * 2) + "</tr>",
        "<tr>"
        + "".join(_td(_value(report, grid.key(r, c))) for r in grid.rows for c in grid.columns)
        + "</tr>",
    ]
    return "<table border=1>" + "".join(rows) + "</table>"


# ---------------------------------------------------------------- writing the corpus

AGENCIES = [
    "青山镇人民政府",
    "临江县交通运输局",
    "东湖街道办事处",
    "南平市生态环境局",
    "白沙乡人民政府",
    "金川区教育局",
]


def expected(report: Report, cells: dict[str, object] | None = None) -> dict[str, object]:
    return {
        "format": report.format,
        "agency": report.agency,
        "year": report.year,
        "cells": cells
        if cells is not None
        else {k: cell_to_json(v) for k, v in report.cells.items()},
        "sections": {k: v for k, v in report.sections.items()},
    }


def write(name: str, data: bytes, exp: dict[str, object]) -> None:
    (HERE / name).write_bytes(data)
    stem = name.rsplit(".", 1)[0]
    (HERE / f"{stem}.expected.json").write_text(
        json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def build() -> None:
    for old in HERE.glob("*"):
        if old.name != Path(__file__).name and old.is_file():
            old.unlink()
    seed = 0
    for version in FORMATS:
        year = 2020 if version == "2019" else 2022
        for shape, fn in SHAPES.items():
            seed += 1
            report = sample_report(seed, version, AGENCIES[seed % len(AGENCIES)], year)
            ext = "md" if shape == "markdown" else "txt"
            write(f"{version}_{shape}.{ext}", text_report(report, fn).encode(), expected(report))
        seed += 1
        report = sample_report(seed, version, AGENCIES[seed % len(AGENCIES)], year)
        text, cells = truncated(report)
        exp = expected(report, cells)
        exp["sections"] = {**report.sections, "remedies": None}
        write(f"{version}_truncated.txt", text.encode(), exp)
        seed += 1
        report = sample_report(seed, version, AGENCIES[seed % len(AGENCIES)], year)
        write(f"{version}_units.txt", units_in_cells(report).encode(), expected(report))
        seed += 1
        report = sample_report(seed, version, AGENCIES[seed % len(AGENCIES)], year)
        write(f"{version}_yuan.txt", amount_in_yuan(report).encode(), expected(report))
        seed += 1
        report = sample_report(seed, version, AGENCIES[seed % len(AGENCIES)], year)
        write(f"{version}_site.html", html_report(report), expected(report))
        seed += 1
        report = sample_report(seed, version, AGENCIES[seed % len(AGENCIES)], year)
        write(
            f"{version}_gbk_nbsp.html", html_report(report, "gb18030", nbsp=True), expected(report)
        )


if __name__ == "__main__":
    build()
