"""Plain-text and Markdown reports: what PDF-to-text tools and copy-paste produce.

Tables arrive flattened: one row per line with tab-separated cells (blank lines may fall
inside a table), Markdown pipe tables, or — from text extracted without tabs — a label
followed by whitespace-separated numbers. Narrative lines broken mid-sentence by the PDF
extraction (a long line ending without punctuation, a blank line, the rest) are re-joined.
"""

from __future__ import annotations

import re

from .blocks import Document, Paragraph, Table, TableRow
from .detect import decode_text
from .flattened import is_flattened, table_rows, unflatten
from .structure import heading_section
from .values import is_value_text

_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SPACED_ROW = re.compile(
    r"^(?P<label>.*?[^\d\s.,+\-−])?\s+(?P<nums>(?:[+\-−]?\d[\d,.]*\s+)*[+\-−]?\d[\d,.]*)$"
    r"|^(?P<only>(?:[+\-−]?\d[\d,.]*\s+)+[+\-−]?\d[\d,.]*)$"
)
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_ESCAPE = re.compile(r"\\([\\`*_\[\]<>|#~\-+=.)!{}()])")
_SENTENCE_END = tuple("。！？；：:;!?…”）)】」")
_FIELD = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]")  # "发布时间: …" on a saved page
_TITLE_WORDS = ("年度报告", "年报", "工作报告")
_WRAPPED_MIN = 30  # a line at least this long that ends mid-sentence was wrapped by the PDF


def read_text(data: bytes, source: str | None = None) -> Document:
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    lines, origin = _lines(text)
    in_table = _table_lines(lines)
    doc = Document(source, "text")
    stands_alone = False  # the last paragraph is a heading or the title: nothing joins it
    i = 0
    while i < len(lines):
        line = lines[i]
        if in_table[i]:
            i = _read_table(lines, origin, i, doc, in_table)
            continue
        if line.strip():
            stands_alone = _add_paragraph(doc, _unmark(line.strip()), origin[i], stands_alone)
            stands_alone = stands_alone or bool(_MD_HEADING.match(line.strip()))
        i += 1
    return doc


def _lines(text: str) -> tuple[list[str], list[int]]:
    """The text's lines, with a whole report flattened onto one line cut back into lines;
    and, for each, the number of the line it came from."""
    lines: list[str] = []
    origin: list[int] = []
    source = text.split("\n")
    number = 0
    while number < len(source):
        line = source[number]
        run = _cell_per_line_run(source, number)
        if run:
            # one cell per line ("规章 |" / "0 |" / …): the cells in order, cut into rows
            parts = table_rows(" ".join(c.strip().removesuffix("|").strip() for c in run))
            step = len(run)
        else:
            parts = unflatten(line) if is_flattened(line) else [line]
            step = 1
        lines.extend(parts)
        origin.extend([number + 1] * len(parts))
        number += step
    return lines, origin


_CELL_LINE = re.compile(r"^[^|]{1,80}\|\s*$")
_MIN_CELL_RUN = 4


def _cell_per_line_run(lines: list[str], start: int) -> list[str]:
    end = start
    while end < len(lines) and _CELL_LINE.match(lines[end].strip()):
        end += 1
    run = lines[start:end]
    return run if len(run) >= _MIN_CELL_RUN else []


def _table_lines(lines: list[str]) -> list[bool]:
    """Which lines are table rows: those that look like rows, plus short unpunctuated lines
    (captions, header rows, wrapped label tails) touching them with no blank line between."""
    rows = [bool(line.strip()) and _is_table_line(line) for line in lines]
    changed = True
    while changed:
        changed = False
        for i, line in enumerate(lines):
            if rows[i]:
                continue
            touching = (i > 0 and rows[i - 1]) or (i + 1 < len(lines) and rows[i + 1])
            if touching and _could_be_cells(line):
                rows[i] = changed = True
    return rows


def _could_be_cells(line: str) -> bool:
    text = re.sub(r"[（(][^）)]*[）)]", "", line.strip())
    if not 0 < len(text) <= 80 or any(p in text for p in "。，；：,;:！？"):
        return False
    return "报告" not in text and heading_section(line.strip()) is None


def _is_table_line(line: str) -> bool:
    if "\t" in line:
        return True
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        return True
    if _loose_pipes(stripped):
        return True
    return _spaced_cells(stripped) is not None


def _loose_pipes(line: str) -> bool:
    """ "规章 | 0 | 0 | 0 |" or "第二十条第(一)项 | |||": a web page's table cells copied with
    "|" between them, without the Markdown pipe at the start."""
    return (line.endswith("|") and "|" in line[:-1]) or line.count(" | ") >= 2


def _spaced_cells(line: str) -> list[str] | None:
    """ "行政许可 0 11 0" → ["行政许可", "0", "11", "0"]: at least two trailing numbers."""
    if len(line) > 120:
        return None
    m = _SPACED_ROW.match(line)
    if m is None:
        return None
    nums = (m["nums"] or m["only"]).split()
    label = (m["label"] or "").strip()
    if len(nums) < 2 and not (0 < len(label) <= 20 and _could_be_cells(label)):
        return None
    return [label, *nums]


def _row_cells(line: str) -> tuple[list[str], bool]:
    """The cells of one table line, and whether their positions are exact."""
    stripped = line.strip()
    if stripped.startswith("|"):
        body = stripped[1:-1] if stripped.endswith("|") else stripped[1:]
        cells = [_unmark(c.strip()) for c in re.split(r"(?<!\\)\|", body)]
        return cells, True
    if "\t" in line:
        return [c.strip() for c in line.split("\t")], False
    if _loose_pipes(stripped):
        cells = [_unmark(c.strip()) for c in stripped.split("|")]
        while cells and not cells[-1]:
            cells.pop()  # the spacer cells a merged header leaves: "| |||"
        return cells, False
    return _spaced_cells(stripped) or [stripped], False


def _read_table(
    lines: list[str], origin: list[int], start: int, doc: Document, in_table: list[bool]
) -> int:
    table = Table()
    i = start
    positional = True
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            # A blank line ends the table unless the next non-blank line is a table row.
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and in_table[j] and _continues(lines[j]):
                i = j
                continue
            break
        if not in_table[i]:
            break
        if _PIPE_SEPARATOR.match(line.strip()):
            i += 1
            continue
        cells, exact = _row_cells(line)
        positional = positional and exact
        table.rows.append(TableRow(cells, line=origin[i]))
        i += 1
    table.positional = positional and bool(table.rows)
    if table.rows:
        doc.blocks.append(table)
    return max(i, start + 1)  # always move on, whatever the line held


def _continues(line: str) -> bool:
    """A row after a blank line belongs to the table above unless it starts a new caption."""
    stripped = line.strip()
    return (
        "\t" in line
        or stripped.startswith("|")
        or _loose_pipes(stripped)
        or _spaced_cells(stripped) is not None
    )


def _unmark(text: str) -> str:
    """Markdown to plain text: drop a heading's "## ", undo backslash escapes ("\\*" → "*")."""
    return _MD_ESCAPE.sub(r"\1", _MD_HEADING.sub("", text))


def _add_paragraph(doc: Document, text: str, line: int, after_heading: bool) -> bool:
    """Add a line as a paragraph, or to the last one when the PDF wrapped it there. Returns
    whether the new paragraph must stand alone: the report's title ("…2021年政府信息公开工作
    年度报告" is 30 characters, as long as a wrapped line) is never continued."""
    last = doc.blocks[-1] if doc.blocks else None
    if isinstance(last, Paragraph) and not after_heading and _was_wrapped(last.text, text):
        last.text += text
        return False
    doc.blocks.append(Paragraph(text, line=line))
    return len(doc.blocks) == 1 and text.endswith(_TITLE_WORDS)


def _was_wrapped(previous: str, following: str) -> bool:
    if len(previous) < _WRAPPED_MIN or previous.endswith(_SENTENCE_END):
        return False
    if is_value_text(following) or _FIELD.match(following):
        return False
    # A following line that opens a new numbered item or heading is not a continuation.
    return (
        re.match(
            r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|[-*•] )",
            following,
        )
        is None
    )
