"""The report as PDF (PDF 版): the HTML page printed by weasyprint.

The server has none of the proprietary 公文 faces, so the PDF names only free faces that
weasyprint embeds (subset): Noto Serif CJK SC for the body and title, Noto Sans CJK SC for the
黑体 headings, WenQuanYi Zen Hei if Noto is missing. No running headers or footers: readers of
the PDF must see only the report's own text. Subsetting Noto CJK takes a few seconds a PDF.
"""

from __future__ import annotations

from ..model import Report
from .html import html_page

__all__ = ["PDF_FONTS_CSS", "render_pdf"]

PDF_FONTS_CSS = """
.gongkai-report, .gongkai-report h1 {
  font-family: "Noto Serif CJK SC", "WenQuanYi Zen Hei", serif;
}
.gongkai-report h2, .gongkai-report th.title {
  font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif;
}
.gongkai-report { max-width: none; }
/* Part 三's table stays whole (report.css); set a little tighter it fits on one page together
   with its heading, which otherwise stands alone at the foot of the page before. */
.gongkai-report table#table-apply { font-size: 9.5pt; line-height: 1.25; }
.gongkai-report table#table-apply th, .gongkai-report table#table-apply td { padding: 1pt 2pt; }
/* A header repeated on the next page would read as extra rows to a PDF table parser. */
.gongkai-report thead { display: table-row-group; }
"""


def render_pdf(report: Report) -> bytes:
    from weasyprint import HTML  # heavy import: only when a PDF is asked for

    page = html_page(report, extra_css=PDF_FONTS_CSS)
    pdf: bytes = HTML(string=page).write_pdf()
    return pdf
