"""The report as Markdown (Markdown 版): headings, paragraphs and GitHub pipe tables.

Pipe tables cannot merge cells: a merged cell's text is written once, in its top-left slot,
and the other slots it covers stay empty, so every row of a table has the same column count.
Text is escaped so that report text never becomes Markdown or HTML markup.
"""

from __future__ import annotations

import re

from ..model import Report
from .layout import CellKind, Table, parts, report_title, value_text

__all__ = ["render_md"]

_INLINE = re.compile(r"([\\`*_\[\]<>|#~])")
_LIST_START = re.compile(r"^(\s*(?:\d+)?)([-+=.)])(?=\s|$)")


def render_md(report: Report) -> bytes:
    blocks = [f"# {_inline(report_title(report))}"]
    for part in parts(report):
        if part.heading:
            blocks.append(f"## {_inline(part.heading)}")
        blocks += [_paragraph(p) for p in part.paragraphs]
        blocks += [_table(report, t) for t in part.tables]
    return ("\n\n".join(blocks) + "\n").encode("utf-8")


def _inline(text: str) -> str:
    return _INLINE.sub(r"\\\1", text)


def _paragraph(text: str) -> str:
    # A paragraph beginning "- " or "1. " would turn into a list: escape its marker
    # (escape the marker itself, "1\." — a backslash before a digit escapes nothing).
    return _LIST_START.sub(lambda m: m.group(1) + "\\" + m.group(2), _inline(text), count=1)


def _table(report: Report, table: Table) -> str:
    lines = []
    for i, row in enumerate(table.slots()):
        texts = []
        for cell in row:
            if cell is None:
                texts.append("")
            elif cell.kind is CellKind.DATA:
                assert cell.key is not None
                texts.append(value_text(report.cells.get(cell.key)))
            else:
                texts.append(_inline(cell.text))
        lines.append("| " + " | ".join(texts) + " |")
        if i == 0:
            lines.append("|" + "|".join(" --- " for _ in row) + "|")
    return "\n".join(lines)
