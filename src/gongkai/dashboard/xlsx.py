"""The per-agency table as XLSX: one row per agency, one column per canonical cell key."""

from __future__ import annotations

import io
from decimal import Decimal

from django.db.models import QuerySet

from gongkai.agencies.models import Agency
from gongkai.report.formats import FORMATS
from gongkai.report.render.workbook import text_workbook
from gongkai.reports.models import ReportCell

from .aggregate import AgencyRow, format_for_year, reports_in


def agencies_table(rows: list[AgencyRow], agencies: QuerySet[Agency], year: int) -> bytes:
    spec = FORMATS[format_for_year(year)]
    keys = list(spec.cells)
    values: dict[int, dict[str, Decimal | None]] = {}
    cells = ReportCell.objects.filter(
        report__in=reports_in(agencies, year).filter(format=spec.version)
    )
    for agency_id, key, value in cells.values_list("report__agency_id", "key", "value"):
        values.setdefault(agency_id, {})[key] = value
    buffer = io.BytesIO()
    book = text_workbook(buffer)
    sheet = book.add_worksheet(f"{year}年度各机关")
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    head = ["机关", "机构代码", "状态", "错误", "提示"]
    for col, text in enumerate(head + [spec.cells[k].label for k in keys]):
        sheet.write(0, col, text, bold)
    for col, key in enumerate(keys, start=len(head)):
        sheet.write(1, col, key)
    for r, row in enumerate(rows, start=2):
        sheet.write_row(
            r,
            0,
            [row.agency.name, row.agency.code or "", row.state_label, row.errors, row.warnings],
        )
        got = values.get(row.agency.pk, {})
        for col, key in enumerate(keys, start=len(head)):
            value = got.get(key)
            if value is not None:
                sheet.write_number(r, col, float(value))
    sheet.freeze_panes(2, 1)
    sheet.set_column(0, 0, 28)
    sheet.set_row(0, 60)
    book.close()
    return buffer.getvalue()
