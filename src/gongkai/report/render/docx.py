"""The report as a Word document (DOCX 版), in the look of a 公文 (GB/T 9704).

A4 with the 公文 margins; title in 方正小标宋简体 22pt, part headings in 黑体 16pt, body in
仿宋_GB2312 16pt at a fixed 28pt line, tables in 10.5pt. The proprietary faces are only
*named* (Word/WPS on agency PCs have them; other readers substitute): the East-Asian face must
be set in ``w:rFonts/@w:eastAsia`` or Word falls back to a Latin font for Chinese text.

Headings use the built-in "Title" and "Heading 1" styles (restyled) so readers and outline
views see the document structure.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Length, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table as DocxTable

from ..model import Report
from .layout import CellKind, Table, parts, report_title, value_text

__all__ = ["render_docx"]

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
BODY_FONT = "仿宋_GB2312"
LATIN_FONT = "Times New Roman"
TABLE_STYLE = "表格文字"
TEXT_WIDTH_MM = 210 - 28 - 26


def render_docx(report: Report) -> bytes:
    doc = Document()
    _page(doc)
    _styles(doc)
    title = report_title(report)
    doc.add_paragraph(title, style="Title")
    for part in parts(report):
        if part.heading:
            doc.add_paragraph(part.heading, style="Heading 1")
        for text in part.paragraphs:
            doc.add_paragraph(text)
        for table in part.tables:
            # An empty line before each table: spacing, and keeps Word from joining tables.
            doc.add_paragraph(style=TABLE_STYLE)
            _table(doc, report, table)
    props = doc.core_properties
    props.title = title
    props.subject = f"{report.spec.name}（{report.spec.document}）"
    props.author = report.agency or ""
    props.language = "zh-CN"
    buf = BytesIO()
    doc.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------- page and styles


def _page(doc: DocumentObject) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)


def _font(style: ParagraphStyle, east_asian: str, size: float, bold: bool = False) -> None:
    font = style.font
    font.name = LATIN_FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    assert fonts is not None  # created by font.name
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font would override the named one
    fonts.set(qn("w:eastAsia"), east_asian)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _paragraph_style(style: ParagraphStyle, indent: bool, line: float | None) -> None:
    fmt = style.paragraph_format
    fmt.first_line_indent = Pt(32) if indent else Pt(0)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if line is None:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(line)


def _styles(doc: DocumentObject) -> None:
    normal = doc.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    _font(normal, BODY_FONT, 16)
    _paragraph_style(normal, indent=True, line=28)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    title = doc.styles["Title"]
    assert isinstance(title, ParagraphStyle)
    _font(title, TITLE_FONT, 22, bold=True)
    _paragraph_style(title, indent=False, line=None)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(28)
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):  # the default template underlines titles
        ppr.remove(border)

    heading = doc.styles["Heading 1"]
    assert isinstance(heading, ParagraphStyle)
    _font(heading, HEADING_FONT, 16)
    _paragraph_style(heading, indent=True, line=28)
    heading.paragraph_format.keep_with_next = True
    heading.paragraph_format.space_before = Pt(8)

    cell = doc.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(cell, ParagraphStyle)
    cell.base_style = normal
    _font(cell, BODY_FONT, 10.5)
    _paragraph_style(cell, indent=False, line=None)
    cell.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cell.paragraph_format.space_before = Pt(1.5)
    cell.paragraph_format.space_after = Pt(1.5)


# ---------------------------------------------------------------- tables


def _table(doc: DocumentObject, report: Report, table: Table) -> None:
    out = doc.add_table(rows=table.n_rows, cols=table.n_cols)
    out.style = "Table Grid"
    out.alignment = WD_TABLE_ALIGNMENT.CENTER
    out.autofit = False
    style_id = doc.styles[TABLE_STYLE].style_id
    # Take every cell once before merging: ``Table.cell`` rescans the whole table per call.
    # The merged regions are disjoint, so a region's corner cells survive the other merges.
    slots = out._cells
    for cell in table.cells:
        target = slots[cell.row * table.n_cols + cell.col]
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(slots[cell.last_row * table.n_cols + cell.last_col])
        if cell.kind is CellKind.DATA:
            assert cell.key is not None
            text = value_text(report.cells.get(cell.key))
        else:
            text = cell.text
        para = target.paragraphs[0]
        para._p.style = style_id
        if text:
            para.add_run(text)
        target.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    _widths(out, table)
    _cell_margins(out, Mm(1))
    for i, row in enumerate(out.rows):
        trpr = row._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))
        if i < table.header_rows:
            trpr.append(OxmlElement("w:tblHeader"))  # repeat the header on a new page


def _widths(out: DocxTable, table: Table) -> None:
    total = sum(table.widths)
    widths = [Mm(TEXT_WIDTH_MM * w / total) for w in table.widths]
    for col, width in zip(out.columns, widths, strict=True):
        col.width = width
    for tr in out._tbl.tr_lst:
        at = 0
        for tc in tr.tc_lst:
            tc.width = Emu(sum(widths[at : at + tc.grid_span]))
            at += tc.grid_span


def _cell_margins(out: DocxTable, side: Length) -> None:
    """Narrow left/right cell margins, so a 15-column table keeps two characters a line."""
    margins = OxmlElement("w:tblCellMar")
    for name in ("w:left", "w:right"):
        el = OxmlElement(name)
        el.set(qn("w:w"), str(round(side.twips)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr = out._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))  # CT_TblPr is a sequence: tblCellMar before tblLook
    if look is None:
        tbl_pr.append(margins)
    else:
        look.addprevious(margins)
