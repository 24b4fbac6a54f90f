"""The report as one self-contained HTML page (HTML 版), also the template of the PDF.

Every text is escaped: narrative, agency and title come from uploaded files and must never
become markup. Data cells carry ``data-key`` (the canonical cell key) and an ``id`` so the
web app can mark findings on them; each part has a stable ``id`` (``section-<key>``).
"""

from __future__ import annotations

from html import escape
from importlib.resources import files

from ..model import Report
from .layout import Cell, CellKind, Part, Table, cell_id, parts, report_title, value_text

__all__ = ["html_page", "render_html", "render_html_fragment"]


def _stylesheet() -> str:
    return files(__package__).joinpath("report.css").read_text(encoding="utf-8")


def render_html(report: Report) -> bytes:
    return html_page(report).encode("utf-8")


def html_page(report: Report, extra_css: str = "") -> str:
    """A complete page: inline CSS, no external resources, printable on A4."""
    title = escape(report_title(report))
    css = _stylesheet() + extra_css
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{css}</style>\n</head>\n<body>\n"
        f"{render_html_fragment(report)}</body>\n</html>\n"
    )


def render_html_fragment(report: Report) -> str:
    """The report's content without ``<html>``/``<head>``, for embedding in a page."""
    out = [
        '<article class="gongkai-report" lang="zh-CN">\n',
        f'<h1 id="report-title">{escape(report_title(report))}</h1>\n',
    ]
    for part in parts(report):
        out.append(_part(report, part))
    out.append("</article>\n")
    return "".join(out)


def _part(report: Report, part: Part) -> str:
    out = [f'<section id="{part.id}">\n']
    if part.heading:
        out.append(f"<h2>{escape(part.heading)}</h2>\n")
    out += [f"<p>{escape(p)}</p>\n" for p in part.paragraphs]
    out += [_table(report, t) for t in part.tables]
    out.append("</section>\n")
    return "".join(out)


def _table(report: Report, table: Table) -> str:
    total = sum(table.widths)
    cols = "".join(f'<col style="width:{100 * w / total:.2f}%">' for w in table.widths)
    rows = table.rows()
    head = "".join(_tr(report, r) for r in rows[: table.header_rows])
    body = "".join(_tr(report, r) for r in rows[table.header_rows :])
    return (
        f'<table id="{table.id}">\n<colgroup>{cols}</colgroup>\n'
        f"<thead>\n{head}</thead>\n<tbody>\n{body}</tbody>\n</table>\n"
    )


def _tr(report: Report, cells: list[Cell]) -> str:
    return "<tr>" + "".join(_cell(report, c) for c in cells) + "</tr>\n"


def _cell(report: Report, cell: Cell) -> str:
    attrs = ""
    if cell.rowspan > 1:
        attrs += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        attrs += f' colspan="{cell.colspan}"'
    if cell.kind is CellKind.DATA:
        assert cell.key is not None
        text = escape(value_text(report.cells.get(cell.key)))
        return f'<td id="{cell_id(cell.key)}" data-key="{escape(cell.key)}"{attrs}>{text}</td>'
    scope = ' scope="row"' if cell.kind is CellKind.LABEL else ""
    css = ' class="title"' if cell.kind is CellKind.TITLE else ""
    return f"<th{css}{scope}{attrs}>{escape(cell.text)}</th>"
