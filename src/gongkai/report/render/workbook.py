"""The one way gongkai opens an XLSX workbook: every string is written as text.

XlsxWriter's ``write()`` turns a string starting with ``=`` into a live formula and one that
looks like a URL into a hyperlink, so a title typed as ``=HYPERLINK("http://…","点此")`` would
become a working link in the lists sent to 档案馆 and 图书馆. With these options ``write()``
and ``write_row()`` store every string as a string (a shared-string cell), which Excel,
WPS and LibreOffice show as typed and never evaluate. Strings starting with ``+``, ``-`` or
``@`` are likewise plain text cells; only CSV needs escaping for those, and gongkai writes
no CSV exports (see docs/design.md, "Safe edges").
"""

from __future__ import annotations

from typing import IO, Any

from xlsxwriter import Workbook

__all__ = ["TEXT_ONLY", "text_workbook"]

TEXT_ONLY: dict[str, Any] = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def text_workbook(target: IO[bytes]) -> Workbook:
    """A workbook writing to ``target`` in which no string becomes a formula, link or number."""
    return Workbook(target, TEXT_ONLY)
