"""Hand labels of the real corpus: a person's transcription → ``.expected.json``.

Each real report ``NAME.<ext>`` in this folder has a ``NAME.label.txt`` typed by a person
while reading the source (PDF pages rendered to images, HTML in a browser, text as printed);
never copied from the parser's output. The transcription follows the printed tables row by
row, so it is quick to type and easy to compare with the page::

    title: 平潭综合实验区农业农村局2022年政府信息公开工作年度报告
    agency: 平潭综合实验区农业农村局
    year: 2022
    format: 2021                 # 2019 | 2021 | pre2019 (must be refused)
    kind: html                   # pdf | html | docx | wps | text | md
    origin: github changwu/pingtan-gov-zwgk-archive <commit> <path>
    shapes: blank_zero, split_remedy
    blank: zero                  # a printed empty cell means 0 (default) | null
    # part 二: the printed columns in order
    rules: 0 0 0
    normative: 1 0 3
    licensing: 12
    ...
    # part 三: 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计
    new: 1 0 0 0 0 0 1
    ...
    # part 四: 复议 维持 纠正 其他 未审结 总计, 直接起诉 ×5, 复议后起诉 ×5
    remedy: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
    defect: NARRATIVE_CONTRADICTS_TABLE apply.new.total 正文称收到申请5件，表中为4件

A value is a number as printed (amounts in 万元; write ``5000元`` where the table says 元),
``_`` for a printed empty cell, ``?`` for a cell that cannot be read with certainty (the
test then accepts null there), ``?7`` for a best reading that is uncertain (7 or null
accepted), ``-`` for a cell the source does not print at all (null expected). Identity
failures are derived from the transcribed values with the declared identities; defects the
identities cannot see (narrative against table) are listed on ``defect:`` lines.

Run ``python tests/data/real/labels.py`` to rebuild every ``.expected.json`` and SOURCES.md.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[2] / "src"))

from gongkai.report.formats import FORMATS, ReportFormat  # noqa: E402

# Rows of part 二 per layout: transcription name → (row key, column keys).
_META = frozenset({"title", "agency", "year", "format", "kind", "origin", "shapes", "blank"})
_KINDS = {"pdf", "html", "docx", "wps", "text", "md", "xlsx", "image"}


class LabelError(ValueError):
    pass


def _active_rows(fmt: ReportFormat) -> dict[str, tuple[str, list[str]]]:
    return {
        r.key: (f"{g.table}.{r.key}", [c.key for c in g.columns])
        for g in fmt.active
        for r in g.rows
    }


def _apply_rows(fmt: ReportFormat) -> dict[str, tuple[str, list[str]]]:
    cols = [c.key for c in fmt.apply.columns]
    return {r.key: (f"apply.{r.key}", cols) for r in fmt.apply.rows}


def _remedy_cells(fmt: ReportFormat) -> list[str]:
    return [fmt.remedy.key(r, c) for r in fmt.remedy.rows for c in fmt.remedy.columns]


def _amount(raw: str) -> str:
    yuan = raw.endswith("元") and not raw.endswith("万元")
    number = Decimal(raw.removesuffix("万元").removesuffix("元").replace(",", ""))
    if yuan:
        number = number / Decimal(10000)
    text = format(number.normalize(), "f")
    return text


def _value(raw: str, amount: bool, blank: str) -> tuple[int | str | None, bool]:
    """(expected value, whether null is accepted too)."""
    if raw == "_":
        return (0 if blank == "zero" else None), blank != "zero"
    if raw == "-":
        return None, False
    if raw == "?":
        return None, True
    uncertain = raw.startswith("?")
    raw = raw.lstrip("?")
    if amount:
        return _amount(raw), uncertain
    if not re.fullmatch(r"-?\d+", raw):
        raise LabelError(f"not a count: {raw!r}")
    return int(raw), uncertain


def parse_label(text: str) -> dict:
    meta: dict[str, str] = {}
    rows: dict[str, list[str]] = {}
    defects: list[dict] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("defect") else line
        line = line.strip()
        if not line:
            continue
        name, sep, rest = line.partition(":")
        if not sep:
            raise LabelError(f"line {number}: no ':' in {line!r}")
        name, rest = name.strip(), rest.strip()
        if name == "defect":
            code, _, tail = rest.partition(" ")
            keys, _, note = tail.partition(" ")
            cells = [k for k in keys.split(",") if k and k != "-"]
            defects.append({"code": code, "cells": cells, "note": note})
        elif name in _META or name.startswith("note"):
            meta[name] = rest
        else:
            if name in rows:
                raise LabelError(f"line {number}: row {name} given twice")
            rows[name] = rest.split()
    return _expected(meta, rows, defects)


def _expected(meta: dict[str, str], rows: dict[str, list[str]], defects: list[dict]) -> dict:
    for need in ("title", "agency", "year", "format", "kind", "origin"):
        if need not in meta:
            raise LabelError(f"missing {need}:")
    if meta["kind"] not in _KINDS:
        raise LabelError(f"kind {meta['kind']!r} not one of {sorted(_KINDS)}")
    out: dict = {
        "title": meta["title"],
        "agency": meta["agency"],
        "year": int(meta["year"]),
        "format": meta["format"],
        "kind": meta["kind"],
        "origin": meta["origin"],
        "shapes": [s.strip() for s in meta.get("shapes", "").split(",") if s.strip()],
    }
    if meta["format"] == "pre2019":
        if rows:
            raise LabelError("a pre-2019 report has no cells to label")
        return out
    fmt = FORMATS[meta["format"]]
    blank = meta.get("blank", "zero")
    cells: dict[str, int | str | None] = {}
    uncertain: list[str] = []
    layout = {**_active_rows(fmt), **_apply_rows(fmt)}
    for name, values in rows.items():
        if name == "remedy":
            keys = _remedy_cells(fmt)
        elif name in layout:
            prefix, cols = layout[name]
            keys = [f"{prefix}.{c}" for c in cols]
        else:
            raise LabelError(f"unknown row {name!r} for the {fmt.version} layout")
        if len(values) != len(keys):
            raise LabelError(f"row {name}: {len(values)} values, the layout has {len(keys)}")
        for key, raw in zip(keys, values, strict=True):
            amount = fmt.cells[key].unit == "amount"
            value, maybe_null = _value(raw, amount, blank)
            cells[key] = value
            if maybe_null:
                uncertain.append(key)
    missing = [k for k in fmt.cells if k not in cells]
    if missing:
        raise LabelError(f"{len(missing)} cells not transcribed, e.g. {missing[:3]}")
    out["cells"] = {k: cells[k] for k in fmt.cells}
    out["uncertain"] = uncertain
    out["defects"] = _identity_failures(fmt, out["cells"]) + _unprinted(fmt, rows) + defects
    return out


def _unprinted(fmt: ReportFormat, rows: dict[str, list[str]]) -> list[dict]:
    """Rows the report does not print at all (every value "-"): a part of the official
    layout is missing, which the parser must say (TABLE_MISSING for a whole block)."""
    out = []
    for grid in fmt.grids:
        names = ["remedy"] if grid.table == "remedy" else [r.key for r in grid.rows]
        gone = [n for n in names if n in rows and all(v == "-" for v in rows[n])]
        if not gone:
            continue
        if len(gone) == len(names):
            out.append({"code": "TABLE_MISSING", "cells": grid.cell_keys(), "note": grid.title})
            continue
        for name in gone:
            row = next(r for r in grid.rows if r.key == name)
            cells = [grid.key(row, c) for c in grid.columns]
            out.append({"code": "ROW_MISSING", "cells": cells, "note": row.label})
    return out


def _identity_failures(fmt: ReportFormat, cells: dict) -> list[dict]:
    """The 勾稽关系 the printed numbers break, from the transcription alone."""
    failures = []
    for identity in fmt.identities:
        values = [cells[k] for k in identity.cells]
        if any(v is None for v in values):
            continue
        left = sum(Decimal(str(cells[k])) for k in identity.left)
        right = sum(Decimal(str(cells[k])) for k in identity.right)
        if left != right:
            failures.append(
                {"code": identity.code, "cells": list(identity.cells), "note": identity.scope}
            )
    return failures


def sources_table(labels: list[tuple[Path, dict]]) -> str:
    kinds = Counter(exp["kind"] for _, exp in labels)
    layouts = Counter(exp["format"] for _, exp in labels)
    years = Counter(exp["year"] for _, exp in labels)
    reports = {(exp["agency"], exp["year"]) for _, exp in labels}
    lines = [
        "# The real corpus: where each report came from",
        "",
        "Every file here is a report as an agency published it, unchanged. Labels",
        "(`*.label.txt` → `*.expected.json`, see `labels.py` and `LABELLING.md`) were typed by",
        "reading the source, never copied from the parser. This file is generated by `labels.py`.",
        "",
        f"{len(labels)} files of {len(reports)} reports. By kind: "
        + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
        + ". By layout: "
        + ", ".join(f"{k} {n}" for k, n in sorted(layouts.items()))
        + ". By year: "
        + ", ".join(f"{k} {n}" for k, n in sorted(years.items()))
        + ".",
        "",
        _WHERE_WE_LOOKED,
        "",
        "| file | title | agency | year | layout | kind | origin |",
        "|---|---|---|---|---|---|---|",
    ]
    for path, exp in labels:
        source = _source_file(path)
        lines.append(
            f"| `{source.name}` | {exp['title']} | {exp['agency']} | {exp['year']} |"
            f" {exp['format']} | {exp['kind']} | {exp['origin']} |"
        )
    return "\n".join(lines) + "\n"


_WHERE_WE_LOOKED = """\
Where the reports came from, and what the stored sources did not have: every file is from the
stored archive of the 平潭综合实验区 government site (changwu/pingtan-gov-zwgk-archive): its
departments' and 片区' 年报 pages (`page.txt`, the crawler's web-page text).
The reports of the 管委会 itself and of six of its departments are kept out on purpose (they
check the work independently). That archive's binary attachments could not be fetched, and it
holds no PDF, DOCX, WPS, scanned or Markdown form of an allowed report (one PDF attachment
exists, unfetchable). Searches of the code index, peer projects (the `nianbao`-named and
government-crawler repositories) and stored web pages found no other real report that can be
saved whole: the peer projects' samples are made up, and stored web pages come as excerpts
only. The same reports' `page.html` (120,000–375,000 characters of Word-exported markup each)
can only be read through the text index 16,000 characters at a time; twelve were rebuilt that
way, but not byte for byte (site template pieces filled in, table markup regenerated), so they
were left out rather than counted as published files. So the corpus has no HTML, PDF, DOCX or
Markdown files yet; the PDF, DOCX, XLSX and HTML
readers are tested on reports the project renders (tests/data/inputs, the round-trip tests).
Five more real reports, text extracted from their PDFs, are the seeds in tests/data/seeds."""


def _source_file(label: Path) -> Path:
    stem = label.name.removesuffix(".label.txt")
    found = [
        p
        for p in label.parent.glob(stem + ".*")
        if not p.name.endswith((".label.txt", ".expected.json"))
    ]
    if len(found) != 1:
        raise LabelError(f"{label.name}: expected one source file {stem}.*, found {len(found)}")
    return found[0]


def main() -> int:
    labels = []
    bad = 0
    for path in sorted(HERE.glob("*.label.txt")):
        try:
            exp = parse_label(path.read_text(encoding="utf-8"))
            _source_file(path)
        except (LabelError, ValueError, ArithmeticError) as exc:
            print(f"{path.name}: {exc}")
            bad += 1
            continue
        out = path.with_name(path.name.removesuffix(".label.txt") + ".expected.json")
        out.write_text(json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        labels.append((path, exp))
    (HERE / "SOURCES.md").write_text(sources_table(labels), encoding="utf-8")
    print(f"{len(labels)} labels written, {bad} with errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
