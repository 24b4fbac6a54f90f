"""The supervisor dashboard at scale (issue 10, item 5): a fixed number of queries whatever the
number of agencies (one row per agency, no query per row), paged, filtered to the agencies
with errors or without a report, links built in the view — and the cached sums follow every
change of a report at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.report.sample import sample_report
from gongkai.reports.models import AnnualReport, ReportCell
from gongkai.reports.services import cell_rows, correct_cell, fill

from .factories.agencies import AgencyFactory

pytestmark = pytest.mark.django_db

YEAR = 2021


def _agencies_with_reports(world: Any, n: int, prefix: str = "丙") -> None:
    report = sample_report(3, fmt="2021", year=YEAR)
    agencies = [
        AgencyFactory(name=f"{prefix}{i:03d}镇人民政府", parent=world.county) for i in range(n)
    ]
    objs = AnnualReport.objects.bulk_create(
        fill(AnnualReport(agency=a, year=YEAR), report) for a in agencies[: n // 2]
    )
    ReportCell.objects.bulk_create(c for obj in objs for c in cell_rows(obj, report))


def _queries(client: Any, url: str) -> int:
    """Queries of the page once the sums are cached (the first visit after a change sums)."""
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_the_number_of_queries_does_not_grow_with_the_agencies(world: Any, client_as: Any) -> None:
    client = client_as("county_supervisor")
    url = reverse("dashboard:agency", args=[world.county.pk]) + f"?year={YEAR}"
    _agencies_with_reports(world, 4)
    few = _queries(client, url)
    _agencies_with_reports(world, 120, prefix="丁")
    many = _queries(client, url)
    assert many == few


def test_paged_and_filtered(world: Any, client_as: Any) -> None:
    _agencies_with_reports(world, 120)
    client = client_as("county_supervisor")
    url = reverse("dashboard:agency", args=[world.county.pk])
    page = client.get(url, {"year": YEAR})
    assert page.context["count"] == 123 and len(page.context["page"].object_list) == 50
    assert page.context["states"]["missing"] == 63
    missing = client.get(url, {"year": YEAR, "show": "missing"}).context["page"]
    assert missing.paginator.count == 63
    assert all(line.state == "missing" and not line.report_url for line in missing.object_list)
    reported = [line for line in page.context["page"].object_list if line.report_url]
    first = AnnualReport.objects.get(agency__name=reported[0].name, year=YEAR)
    assert reported[0].report_url == reverse("reports:detail", args=[first.pk])
    correct_cell(first, "apply.granted.natural_person", "999", by=None, reason="测试")
    errors = client.get(url, {"year": YEAR, "show": "errors"}).context["page"]
    assert [line.name for line in errors.object_list] == [first.agency.name]
    assert client.get(url, {"year": YEAR, "show": "all-of-them"}).status_code == 400
    assert client.get(url, {"year": YEAR, "page": "99"}).status_code == 400


def test_the_cached_sum_follows_a_correction(world: Any, client_as: Any) -> None:
    _agencies_with_reports(world, 4)
    client = client_as("county_supervisor")
    url = reverse("dashboard:agency", args=[world.county.pk])
    key = "apply.new.total"
    before = client.get(url, {"year": YEAR}).context["aggregate"].cells[key]
    one = AnnualReport.objects.filter(year=YEAR).first()
    old = one.data["cells"][key]
    correct_cell(one, key, str(old + 1000), by=None, reason="测试")
    after = client.get(url, {"year": YEAR}).context["aggregate"].cells[key]
    assert after == before + 1000
    one.delete()
    gone = client.get(url, {"year": YEAR}).context["aggregate"].cells[key]
    assert gone == after - old - 1000


def test_each_set_of_reports_is_fingerprinted_once_a_page(world: Any, client_as: Any) -> None:
    """Sums, ranking, trend, years and the drawn table ask five times about three sets of
    reports (all years; the year; the year in its layout): three fingerprint queries."""
    _agencies_with_reports(world, 4)
    client = client_as("county_supervisor")
    url = reverse("dashboard:agency", args=[world.county.pk]) + f"?year={YEAR}"
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    sums_of_ids = [
        q["sql"] for q in ctx.captured_queries if 'SUM("reports_annualreport"."id")' in q["sql"]
    ]
    assert len(sums_of_ids) == 3
