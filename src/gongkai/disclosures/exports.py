"""XLSX exports: the monthly list for the 档案馆/图书馆 (第二十五条) and the 季报 statistics."""

from __future__ import annotations

import io
from collections.abc import Iterable

from xlsxwriter import Workbook

from gongkai.report.render.workbook import text_workbook

from .models import Item
from .services import Stats

MONTHLY_HEADER = [
    "序号",
    "标题",
    "文号",
    "目录类别",
    "第二十条事项",
    "形成日期",
    "公开日期",
    "公开渠道",
    "网址",
]


def _book() -> tuple[io.BytesIO, Workbook]:
    buffer = io.BytesIO()
    return buffer, text_workbook(buffer)


def monthly_xlsx(agency_name: str, year: int, month: int, items: Iterable[Item]) -> bytes:
    """One row per item published in the month, in publication order."""
    buffer, book = _book()
    sheet = book.add_worksheet(f"{year}年{month}月")
    bold = book.add_format({"bold": True})
    sheet.write(
        0, 0, f"{agency_name} {year}年{month}月主动公开政府信息目录（报送档案馆、图书馆）", bold
    )
    sheet.write_row(1, 0, MONTHLY_HEADER, bold)
    for n, item in enumerate(items, start=1):
        sheet.write_row(
            n + 1,
            0,
            [
                n,
                item.title,
                item.doc_number,
                item.category.name,
                item.get_article_item_display(),
                item.formed_on.isoformat(),
                item.published_on.isoformat() if item.published_on else "",
                "、".join(item.channel_labels()),
                item.url,
            ],
        )
    sheet.set_column(1, 1, 40)
    book.close()
    return buffer.getvalue()


def stats_xlsx(agency_name: str, stats: Stats) -> bytes:
    buffer, book = _book()
    sheet = book.add_worksheet("统计")
    bold = book.add_format({"bold": True})
    sheet.write(0, 0, f"{agency_name} 主动公开情况统计 {stats.first}～{stats.last}", bold)
    sheet.write_row(1, 0, ["公开总数", stats.total])
    sheet.write_row(2, 0, ["逾期公开", stats.late])
    row = 4
    for title, pairs in (("目录类别", stats.by_category), ("公开渠道", stats.by_channel)):
        sheet.write_row(row, 0, [title, "条数"], bold)
        for name, count in pairs:
            row += 1
            sheet.write_row(row, 0, [name, count])
        row += 2
    sheet.set_column(0, 0, 30)
    book.close()
    return buffer.getvalue()
