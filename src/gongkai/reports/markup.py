"""Findings drawn onto the core's HTML fragment (server-side, with lxml).

The fragment comes from ``render_html_fragment``, which escapes every text of the report; lxml
parses it into a tree and serialises it again, so report text stays text. Only class and title
attributes are added: cells named by a finding get ``finding finding-<severity>``, and quoted
narrative (“…” in a narrative finding's message) is wrapped in ``<mark>``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from lxml import html as lxml_html

from gongkai.report.findings import Finding, Severity
from gongkai.report.model import Report
from gongkai.report.render import render_html_fragment

_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_QUOTE = re.compile(r"“([^”]{2,80})”")


@cache
def report_css() -> str:
    """The core's stylesheet of the official layout (our own file, not report text)."""
    return files("gongkai.report.render").joinpath("report.css").read_text(encoding="utf-8")


def marked_fragment(report: Report) -> str:
    tree = lxml_html.fragment_fromstring(render_html_fragment(report))
    _mark_cells(tree, report.findings)
    _mark_quotes(tree, report.findings)
    return lxml_html.tostring(tree, encoding="unicode")


def _worst_by_cell(findings: list[Finding]) -> dict[str, Finding]:
    worst: dict[str, Finding] = {}
    for f in findings:
        for key in f.cells:
            if key not in worst or _RANK[f.severity] < _RANK[worst[key].severity]:
                worst[key] = f
    return worst


def _mark_cells(tree: lxml_html.HtmlElement, findings: list[Finding]) -> None:
    worst = _worst_by_cell(findings)
    for td in tree.iter("td"):
        f = worst.get(td.get("data-key", ""))
        if f is not None:
            td.set("class", f"finding finding-{f.severity.value}")
            td.set("title", f.message[:300])


def narrative_quotes(f: Finding) -> list[str]:
    if not f.code.startswith("NARRATIVE_"):
        return []
    return [_normalise(q) for q in _QUOTE.findall(f.message)]


def _normalise(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _mark_quotes(tree: lxml_html.HtmlElement, findings: list[Finding]) -> None:
    quotes = {q: f for f in findings for q in narrative_quotes(f)}
    if not quotes:
        return
    for p in tree.iter("p"):
        if len(p) or not p.text:
            continue
        for quote, f in quotes.items():
            if _wrap(p, quote, f):
                break


def _wrap(p: lxml_html.HtmlElement, quote: str, f: Finding) -> bool:
    """Wrap the first occurrence of ``quote`` (ignoring spaces, which reports sprinkle between
    digits and words) in ``<mark>``; the paragraph's text is otherwise unchanged."""
    text = p.text or ""
    pattern = r"\s*".join(re.escape(ch) for ch in quote)
    match = re.search(pattern, text)
    if match is None:
        return False
    mark = lxml_html.Element("mark")
    mark.set("class", f"finding-{f.severity.value}")
    mark.set("title", f.message[:300])
    mark.text = match.group(0)
    mark.tail = text[match.end() :]
    p.text = text[: match.start()]
    p.insert(0, mark)
    return True
