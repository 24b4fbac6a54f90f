"""HTML rendering: the official tables with real rowspan/colspan, escaping, keys for the web app."""

from __future__ import annotations

from collections.abc import Hashable

import lxml.html
import pytest
from lxml.html import HtmlElement

from gongkai.report.render import RENDER_KINDS, render, render_html_fragment
from gongkai.report.render.layout import report_title

from .test_render_layout import AGENCY, HOSTILE, assert_official_table, expected_text, full_report

VERSIONS = ["2019", "2021"]


def _text(el: HtmlElement) -> str:
    return str(el.text_content()).strip()


def resolve(table: HtmlElement) -> list[list[tuple[Hashable, str]]]:
    """Place every <th>/<td> on the grid its rowspan/colspan covers."""
    grid: dict[tuple[int, int], tuple[Hashable, str]] = {}
    n = 0  # identity of a cell (lxml reuses the id() of element proxies)
    for r, tr in enumerate(table.iter("tr")):
        c = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            rs, cs = int(cell.get("rowspan", 1)), int(cell.get("colspan", 1))
            n += 1
            for dr in range(rs):
                for dc in range(cs):
                    assert (r + dr, c + dc) not in grid, f"overlap at {(r + dr, c + dc)}"
                    grid[(r + dr, c + dc)] = (n, _text(cell))
            c += cs
    n_rows = max(r for r, _ in grid) + 1
    n_cols = max(c for _, c in grid) + 1
    return [[grid.get((r, c), ((r, c), "<missing>")) for c in range(n_cols)] for r in range(n_rows)]


@pytest.fixture(scope="module", params=VERSIONS)
def page(request: pytest.FixtureRequest) -> tuple[str, HtmlElement, str]:
    report = full_report(request.param)
    text = render(report, "html").decode("utf-8")
    return request.param, lxml.html.document_fromstring(text), text


def test_kinds() -> None:
    assert set(RENDER_KINDS) == {"html", "md", "docx", "xlsx", "pdf"}
    with pytest.raises(ValueError, match="不支持"):
        render(full_report("2019"), "odt")


def test_tables_are_official(page: tuple[str, HtmlElement, str]) -> None:
    version, doc, _ = page
    report = full_report(version)
    tables = doc.findall(".//table")
    assert len(tables) == len(report.spec.grids)
    for table, grid in zip(tables, report.spec.grids, strict=True):
        assert_official_table(resolve(table), grid, report)


def test_every_data_key_once_with_its_value(page: tuple[str, HtmlElement, str]) -> None:
    version, doc, _ = page
    report = full_report(version)
    cells = doc.xpath("//td[@data-key]")
    keys = [td.get("data-key") for td in cells]
    assert sorted(keys) == sorted(report.spec.cells), "data-keys differ from the format's cells"
    for td in cells:
        key = td.get("data-key")
        assert _text(td) == expected_text(report.cells[key]), f"cell {key}"
        assert td.get("id") == "cell-" + key.replace(".", "-")
    assert not doc.xpath("//td[not(@data-key)]"), "a <td> without data-key (labels are <th>)"
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids)), "duplicate ids"


def test_amount_and_count_formatting(page: tuple[str, HtmlElement, str]) -> None:
    version, doc, _ = page
    amount = next(k for k, c in full_report(version).spec.cells.items() if c.unit == "amount")
    assert _text(doc.xpath(f'//td[@data-key="{amount}"]')[0]) == "76.3"
    if version == "2019":
        assert _text(doc.xpath('//td[@data-key="active.licensing.change"]')[0]).startswith("-")
        assert "采购总金额（单位：万元）" in [_text(th) for th in doc.iter("th")]


def test_none_is_empty_cell() -> None:
    report = full_report("2021")
    report.cells["apply.new.total"] = None
    doc = lxml.html.fragment_fromstring(render_html_fragment(report))
    assert _text(doc.xpath('//td[@data-key="apply.new.total"]')[0]) == ""


def test_document_order_and_sections(page: tuple[str, HtmlElement, str]) -> None:
    version, doc, _ = page
    report = full_report(version)
    assert _text(doc.find(".//h1")) == report_title(report)
    headings = [_text(h) for h in doc.iter("h2")]
    assert headings == [s.heading for s in report.spec.sections]
    sections = doc.findall(".//section")
    assert [s.get("id") for s in sections] == [
        "section-preamble",
        *(f"section-{s.key}" for s in report.spec.sections),
    ]
    paras = [_text(p) for p in sections[0].iter("p")]
    assert paras == ["本报告由青山镇人民政府编制。", f"It's 第二段 {HOSTILE} 含 | 竖线。"]
    assert not sections[3].findall(".//p"), "part 三 has no narrative: no empty <p>"
    assert len(sections[2].findall(".//table")) == len(report.spec.active)


def test_hostile_text_is_escaped(page: tuple[str, HtmlElement, str]) -> None:
    _, doc, text = page
    assert not doc.xpath("//script"), "report text became a <script> element"
    assert "<script>" not in text
    assert AGENCY in _text(doc.find(".//h1"))
    assert AGENCY in _text(doc.find(".//title"))


def test_self_contained_printable_page(page: tuple[str, HtmlElement, str]) -> None:
    _, doc, text = page
    assert doc.get("lang") == "zh-CN"
    assert doc.xpath("//meta[@charset='utf-8']")
    assert "@page" in text and "A4" in text
    assert not doc.xpath("//link | //img | //*[@src]"), "external resource"
    assert "url(" not in text and "@import" not in text


def test_fragment_has_no_page_wrapper() -> None:
    fragment = render_html_fragment(full_report("2019"))
    assert fragment.startswith("<article")
    assert "<html" not in fragment and "<head" not in fragment and "<style" not in fragment
