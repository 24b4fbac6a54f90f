"""Every XLSX export writes user text as text: no formula, link or number is made from it.

Read back with openpyxl without ``data_only``: a formula comes back as data type ``f`` with
the formula as its value, a string as data type ``s``. Before gongkai.report.render.workbook,
a title ``=HYPERLINK(…)`` came back as a live formula in the 档案馆/图书馆 monthly list.
"""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest
from django.urls import reverse

from gongkai.disclosures.models import Category
from gongkai.report.render import render
from gongkai.report.sample import sample_report

from .factories.disclosures import published_item
from .factories.reports import report_for

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example/","点此查看")'
HOSTILE = (FORMULA, "+1", "-1", "@SUM(A1:A2)", "=1+1", "http://evil.example/x")


def _cells(data: bytes) -> list[Any]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def _assert_text(data: bytes, texts: tuple[str, ...]) -> None:
    """Each text is in the workbook as a string cell; no cell is a formula or a hyperlink."""
    cells = _cells(data)
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert [c.coordinate for c in cells if c.hyperlink is not None] == []
    strings = [c.value for c in cells if c.data_type == "s" and isinstance(c.value, str)]
    for text in texts:
        assert any(text in s for s in strings), text


def test_monthly_list_writes_titles_as_text(world: Any, client_as: Any) -> None:
    clerk, reviewer = world.user("clerk_jia"), world.user("reviewer_jia")
    for n, text in enumerate(HOSTILE):
        published_item(
            world.jia, clerk, reviewer, title=text, doc_number=text, url=f"http://x.example/{n}"
        )
    url = reverse("disclosures:monthly_xlsx", kwargs={"pk": world.jia.pk})
    response = client_as("clerk_jia").get(url, {"month": "2026-03"})
    assert response.status_code == 200
    _assert_text(response.content, (*HOSTILE, "http://x.example/0"))


def test_quarterly_statistics_write_category_names_as_text(world: Any, client_as: Any) -> None:
    clerk, reviewer = world.user("clerk_jia"), world.user("reviewer_jia")
    for n, text in enumerate(HOSTILE):
        category = Category.objects.create(agency=world.jia, name=text, order=100 + n)
        published_item(world.jia, clerk, reviewer, title=f"第{n}条", category=category)
    url = reverse("disclosures:stats_xlsx", kwargs={"pk": world.jia.pk})
    response = client_as("clerk_jia").get(url, {"first": "2026-01-01", "last": "2026-03-31"})
    assert response.status_code == 200
    _assert_text(response.content, HOSTILE)


def test_dashboard_downloads_write_agency_names_as_text(world: Any, client_as: Any) -> None:
    world.jia.name, world.jia.code = FORMULA, "=1+1"
    world.jia.save()
    report_for(world.jia, year=2020)
    client = client_as("county_supervisor")
    agencies = client.get(
        reverse("dashboard:agencies_xlsx", kwargs={"pk": world.county.pk}), {"year": 2020}
    )
    assert agencies.status_code == 200
    _assert_text(agencies.content, (FORMULA, "=1+1"))
    mine = client_as("clerk_jia").get(
        reverse("dashboard:aggregate_xlsx", kwargs={"pk": world.jia.pk}), {"year": 2020}
    )
    assert mine.status_code == 200
    _assert_text(mine.content, (FORMULA,))


def test_report_workbook_writes_narrative_as_text() -> None:
    report = sample_report(1, year=2020, agency=FORMULA)
    for key, text in zip(list(report.sections)[1:], HOSTILE, strict=False):
        report.sections[key] = text
    _assert_text(render(report, "xlsx"), HOSTILE)
