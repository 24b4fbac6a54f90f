"""Part 二 registers: part_two() in both layouts, chaining, and all-or-nothing imports."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
from django.urls import reverse

from gongkai.disclosures.imports import ImportError_, import_entries
from gongkai.disclosures.models import RegisterEntry, Subject
from gongkai.disclosures.services import part_two
from gongkai.report.formats import format_for_year

pytestmark = pytest.mark.django_db


def _entry(agency: Any, subject: str, year: int, **figures: Any) -> None:
    e = RegisterEntry(
        agency=agency,
        subject=subject,
        period_start=dt.date(year, 1, 1),
        period_end=dt.date(year, 12, 31),
        **figures,
    )
    e.full_clean()
    e.save()


@pytest.mark.parametrize("year", [2019, 2020, 2021, 2026])
def test_keys_are_the_layout_and_nothing_defaults_to_zero(world: Any, year: int) -> None:
    values = part_two(world.jia, year)
    expected = [k for g in format_for_year(year).active for k in g.cell_keys()]
    assert list(values) == expected
    assert all(v is None for v in values.values())


def test_2021_layout_sums_periods_and_chains_in_force(world: Any) -> None:
    _entry(world.jia, Subject.NORMATIVE, 2025, issued=3, repealed=1, stock=10)
    for month in (1, 7):
        e = RegisterEntry(
            agency=world.jia,
            subject=Subject.NORMATIVE,
            period_start=dt.date(2026, month, 1),
            period_end=dt.date(2026, month + 5, 28),
            issued=2,
            repealed=1,
        )
        e.save()
    _entry(world.jia, Subject.FEES, 2026, amount=Decimal("1.2345"))
    _entry(world.jia, Subject.FEES, 2026, amount=Decimal("0.0001"))
    _entry(world.jia, Subject.COERCION, 2026, decisions=0)
    values = part_two(world.jia, 2026)
    assert values["active.normative.issued"] == 4
    assert values["active.normative.repealed"] == 2
    assert values["active.normative.in_force"] == 10 + 4 - 2, "现行有效件数 chained from 2025"
    assert values["active.fees.amount"] == Decimal("1.2346")
    assert values["active.coercion.decisions"] == 0, "a recorded 0 stays 0"
    assert values["active.punishment.decisions"] is None, "nothing recorded stays None"
    assert values["active.rules.in_force"] is None
    assert part_two(world.jia, 2027)["active.normative.in_force"] == 12, "carried over unchanged"
    assert part_two(world.yi, 2026)["active.normative.issued"] is None


def test_2019_layout_previous_year_items_and_change(world: Any) -> None:
    _entry(world.jia, Subject.LICENSING, 2019, items=20, decisions=100)
    _entry(world.jia, Subject.LICENSING, 2020, items=17, decisions=90)
    _entry(world.jia, Subject.PROCUREMENT, 2020, projects=3, amount=Decimal("76.3"))
    _entry(world.jia, Subject.RULES, 2020, issued=1, published=1, stock=5)
    values = part_two(world.jia, 2020)
    assert values["active.licensing.prev_count"] == 20
    assert values["active.licensing.change"] == -3
    assert values["active.licensing.decisions"] == 90
    assert values["active.procurement.amount"] == Decimal("76.3")
    assert values["active.rules.total_published"] == 5
    assert values["active.fees.prev_count"] is None
    first = part_two(world.jia, 2019)
    assert first["active.licensing.prev_count"] is None and first["active.licensing.change"] is None


def test_entry_rejects_figures_the_subject_does_not_have(world: Any) -> None:
    e = RegisterEntry(
        agency=world.jia,
        subject=Subject.FEES,
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2027, 1, 1),
        issued=1,
    )
    with pytest.raises(Exception) as exc:
        e.full_clean()
    assert "不登记本期制发件数" in str(exc.value) and "不能跨年度" in str(exc.value)


CSV_OK = (
    "事项,起始日期,截止日期,本期制发件数,本期废止件数,本期金额（万元）\n"
    "行政规范性文件,2026-01-01,2026-06-30,2,0,\n行政事业性收费,2026-01-01,2026-12-31,,,0.5\n"
)


def test_csv_import_saves_all_rows(world: Any) -> None:
    entries = import_entries(world.jia, "a.csv", CSV_OK.encode(), by=world.user("clerk_jia"))
    assert len(entries) == 2
    assert part_two(world.jia, 2026)["active.fees.amount"] == Decimal("0.5")
    assert entries[0].history.first().history_change_reason == "导入 a.csv"


def test_csv_import_reports_each_row_and_saves_nothing(world: Any) -> None:
    bad = (
        CSV_OK + "行政许可,2026-13-01,2026-12-31,,,\n规章,2026-01-01,2026-12-31,abc,,\n"
        "行政许可,2026-01-01,2026-12-31,3,,\n"
    )
    with pytest.raises(ImportError_) as exc:
        import_entries(world.jia, "b.csv", bad.encode("gb18030"), by=None)
    assert exc.value.errors == [
        "第4行「起始日期」：无法识别“2026-13-01”。",
        "第5行「本期制发件数」：无法识别“abc”。",
        "第6行「本期制发件数」：「行政许可」不登记本期制发件数。",
    ]
    assert RegisterEntry.objects.count() == 0


def _xlsx(rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_import_with_dates_and_errors(world: Any) -> None:
    head = ["事项", "起始日期", "截止日期", "本期处理决定数量"]
    good = _xlsx([head, ["行政处罚", dt.datetime(2026, 1, 1), dt.datetime(2026, 12, 31), 7]])
    import_entries(world.jia, "c.xlsx", good, by=None)
    assert part_two(world.jia, 2026)["active.punishment.decisions"] == 7
    bad = _xlsx([[*head, "多余列"], ["行政处罚", "2026-01-01", "2026-12-31", 7, 1]])
    with pytest.raises(ImportError_, match="第1行：无法识别的列「多余列」"):
        import_entries(world.jia, "d.xlsx", bad, by=None)
    negative = _xlsx([head, ["行政强制", "2026-01-01", "2026-12-31", -1]])
    with pytest.raises(ImportError_, match="第2行「本期处理决定数量」"):
        import_entries(world.jia, "e.xlsx", negative, by=None)
    assert RegisterEntry.objects.count() == 1


def test_import_view_shows_errors(world: Any, client_as: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("disclosures:register_import", kwargs={"pk": world.jia.pk})
    upload = SimpleUploadedFile("x.txt", b"hello")
    response = client_as("clerk_jia").post(url, {"file": upload})
    assert response.status_code == 400
    assert "只能导入 .csv 或 .xlsx 文件" in response.content.decode()
    page = client_as("clerk_jia").get(
        reverse("disclosures:part_two", kwargs={"pk": world.jia.pk}), {"year": 2021}
    )
    assert "本年制发件数" in page.content.decode()
