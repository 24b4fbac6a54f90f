"""From paragraphs and tables to a ``Report``: title, the six parts, the format, the cells.

The readers of every file kind end here, so a messy report is handled the same way whether
it came as text, HTML, DOCX, PDF or XLSX.
"""

from __future__ import annotations

from functools import lru_cache

from ..findings import Finding, Location, Stage, finding
from ..formats import FORMATS, PREAMBLE, SECTIONS, Grid, ReportFormat, format_for_year
from ..model import Report
from .blocks import Document, Paragraph, Table
from .errors import UnreadableInput
from .labels import match_active_column, match_row
from .normalize import label_key, tidy_spaces
from .structure import find_title, heading_section, year_from_text
from .tables import TableReader, table_name
from .values import read_cell


def interpret(doc: Document) -> Report:
    findings: list[Finding] = []
    leading = _leading_paragraphs(doc)
    title_at, title = find_title(leading)
    narrative: dict[str, list[str]] = {}
    tables: list[tuple[Table, str | None, str]] = []
    caption = ""
    headings_found: set[str] = set()
    section: str | None = PREAMBLE
    skip = title.paragraphs
    for block in doc.blocks[title_at:]:
        if isinstance(block, Table):
            tables.append((block, section, caption))
            caption = ""
            continue
        caption = _caption(block.text)
        if skip:
            skip -= 1
            continue
        heading = heading_section(block.text, first=not headings_found)
        if heading is not None and heading.key not in headings_found:
            headings_found.add(heading.key)
            section = heading.key
            continue
        if label_key(block.text) in _CAPTIONS:
            continue  # "第二十条第（五）项" printed above its table, not narrative
        text = tidy_spaces(block.text)
        if text:
            narrative.setdefault(section or PREAMBLE, []).append(text)

    year = title.year
    if year is None:
        year = year_from_text(" ".join(narrative.get(PREAMBLE, [])[:2]))
    fmt = _detect_format(tables, year, findings, doc.source)
    reader = TableReader(fmt, doc.source)
    for table, where, above in tables:
        reader.read_table(table, where, above)
    reader.finish()
    _refuse_old_layout(year, reader, narrative)
    findings.extend(reader.findings)
    findings.extend(_structure_findings(fmt, reader, headings_found, doc.source))
    if title.agency is None:
        findings.append(
            finding(
                "TITLE_UNREADABLE",
                location=Location(doc.source),
                stage=Stage.PARSE,
                what="机关名称",
            )
        )
    if year is None:
        findings.append(
            finding(
                "TITLE_UNREADABLE",
                location=Location(doc.source),
                stage=Stage.PARSE,
                what="报告年度",
            )
        )
    return Report(
        format=fmt.version,
        agency=title.agency,
        year=year,
        title=title.text,
        cells=reader.cells,
        sections={k: "\n".join(v) for k, v in narrative.items() if v},
        source=doc.source,
        provenance=reader.provenance,
        findings=findings,
    )


# Part headings of the reports written to the 2008 条例's format (before the 2019 layouts).
_OLD_LAYOUT_HEADINGS = ("依申请公开政府信息情况", "收费及减免情况", "政府信息公开的收费及减免")
FIRST_YEAR = min(f.years[0] for f in FORMATS.values())


def _refuse_old_layout(
    year: int | None, reader: TableReader, narrative: dict[str, list[str]]
) -> None:
    """A report for a year before 2019 (or one written to the 2008 条例's outline with no
    table of the new layouts) is not read as a 2019 report with a wall of errors."""
    old = year is not None and year < FIRST_YEAR
    if not old and year is None and not reader.rows_seen:
        text = "".join(label_key(t) for part in narrative.values() for t in part)
        old = any(h in text for h in _OLD_LAYOUT_HEADINGS)
    if old:
        which = f"{year}年度的报告" if year is not None else "这份报告"
        raise UnreadableInput(
            f"不是2019年版或2021年版格式的年度报告：{which}按2008年施行的旧《条例》格式编写"
            f"（{FIRST_YEAR}年度起的报告才使用国办规定的新格式），gongkai 不读取旧格式的统计表"
        )


_CAPTIONS = frozenset(label_key(g.title) for f in FORMATS.values() for g in f.active)


_MAX_CAPTION = 20  # "行政诉讼（未经复议直接起诉）" above a piece of part 四


def _caption(text: str) -> str:
    """A short paragraph that may name the table below it; a part heading never does."""
    text = text.strip()
    if len(text) > _MAX_CAPTION or heading_section(text) is not None:
        return ""
    return text


_MAX_LEADING = 80  # paragraphs of site chrome a saved page may put before the title


def _leading_paragraphs(doc: Document) -> list[str]:
    """The paragraphs before the first table or part heading, where the title is."""
    out = []
    for block in doc.blocks[:_MAX_LEADING]:
        if not isinstance(block, Paragraph) or heading_section(block.text) is not None:
            break
        out.append(block.text)
    return out


# ---------------------------------------------------------------- the format


def _detect_format(
    tables: list[tuple[Table, str | None, str]],
    year: int | None,
    findings: list[Finding],
    source: str | None,
) -> ReportFormat:
    """Which layout the tables use, from labels that exist in one layout only."""
    votes = dict.fromkeys(FORMATS, 0)
    for table, _, _ in tables:
        for row in table.rows:
            for text in row.cells:
                _vote(text, votes)
    ranked = sorted(votes, key=lambda v: votes[v], reverse=True)
    if votes[ranked[0]] == 0:
        return format_for_year(year) if year is not None else FORMATS["2019"]
    winner = ranked[0]
    if votes[ranked[1]] > 0:
        findings.append(
            finding(
                "FORMAT_MIXED",
                location=Location(source),
                stage=Stage.PARSE,
                actual=f"{winner}年版",
            )
        )
    return FORMATS[winner]


def _group_labels() -> frozenset[str]:
    return frozenset(
        label_key(r.group) for f in FORMATS.values() for g in f.grids for r in g.rows if r.group
    )


_GROUPS = _group_labels()


def _vote(text: str, votes: dict[str, int]) -> None:
    version = _layout_named_by(label_key(text)) if 0 < len(text) <= 80 else None
    if version is not None:
        votes[version] += 1


@lru_cache(maxsize=8192)
def _layout_named_by(text: str) -> str | None:
    """The layout whose own rows or columns a cell names, when only one does. A bare group
    label ("（六）其他处理") is a row in 2019 but a group in 2021: it names neither."""
    if not text or text in _GROUPS or read_cell(text).readable:
        return None
    scores: dict[str, tuple[int, str]] = {}
    for version, fmt in FORMATS.items():
        match = match_row(fmt, text)
        if match is not None:
            scores[version] = (match.score, f"{match.grid.table}.{match.row.key}")
        col = match_active_column(fmt, text)
        if col is not None and len(label_key(text)) < 30:
            score = max(
                len(label_key(lbl)) for lbl in col.labels if label_key(lbl) in label_key(text)
            )
            if version not in scores or score > scores[version][0]:
                scores[version] = (score, f"active.*.{col.key}")
    exclusive = {v: s for v, (s, key) in scores.items() if not _in_every_format(key)}
    if not exclusive:
        return None
    best = max(exclusive.values())
    leaders = [v for v, s in exclusive.items() if s == best]
    return leaders[0] if len(leaders) == 1 else None


def _in_every_format(key: str) -> bool:
    if key.startswith("active.*."):
        col = key.removeprefix("active.*.")
        return all(any(c.key == col for g in f.active for c in g.columns) for f in FORMATS.values())
    return all(
        any(f"{g.table}.{r.key}" == key for g in f.grids for r in g.rows) for f in FORMATS.values()
    )


# ---------------------------------------------------------------- what is missing


def _structure_findings(
    fmt: ReportFormat, reader: TableReader, headings: set[str], source: str | None
) -> list[Finding]:
    out: list[Finding] = []
    for sec in SECTIONS:
        if sec.key not in headings:
            out.append(
                finding(
                    "SECTION_MISSING",
                    location=Location(source),
                    stage=Stage.PARSE,
                    number=sec.number,
                    title=sec.title,
                )
            )
    seen = reader.rows_seen
    if not any(t == "active" for t, _ in seen):
        out.append(_table_missing("表二（主动公开政府信息情况）", list(fmt.active), source))
    else:
        for grid in fmt.active:
            out.extend(_missing_rows(grid, seen, reader, source))
    for grid in (fmt.apply, fmt.remedy):
        if not any(t == grid.table for t, _ in seen):
            out.append(_table_missing(table_name(grid), [grid], source))
        else:
            out.extend(_missing_rows(grid, seen, reader, source))
    return out


def _table_missing(name: str, grids: list[Grid], source: str | None) -> Finding:
    cells = [k for g in grids for k in g.cell_keys()]
    return finding(
        "TABLE_MISSING", cells=cells, location=Location(source), stage=Stage.PARSE, table=name
    )


def _missing_rows(
    grid: Grid, seen: dict[tuple[str, str], int | None], reader: TableReader, source: str | None
) -> list[Finding]:
    present = [i for i, r in enumerate(grid.rows) if (grid.table, r.key) in seen]
    if not present:
        return [_table_missing(table_name(grid), [grid], source)]
    last = max(present)
    location = Location(source, None, reader.last_line.get(grid.table))
    out = [
        finding(
            "ROW_MISSING",
            cells=[grid.key(r, c) for c in grid.columns],
            location=location,
            stage=Stage.PARSE,
            table=table_name(grid),
            row=r.label,
        )
        for i, r in enumerate(grid.rows)
        if i < last and i not in present
    ]
    tail = grid.rows[last + 1 :]
    if tail:
        out.append(
            finding(
                "TABLE_TRUNCATED",
                cells=[grid.key(r, c) for r in tail for c in grid.columns],
                location=location,
                stage=Stage.PARSE,
                table=table_name(grid),
                last=grid.rows[last].label,
                count=len(tail),
                rows="、".join(r.label for r in tail),
            )
        )
    return out
