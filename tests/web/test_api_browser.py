"""A researcher in the browser: the open-data page, a region's charts, the year's CSV and
Parquet downloaded from the page's own links, and the same numbers read through the API.
Playwright + Debian chromium, live server, no login."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from gongkai.report.formats import FORMATS

from .api_data import published_world
from .browsing import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _download(page: Any, link: Any) -> bytes:
    with page.expect_download() as info:
        link.click()
    return Path(info.value.path()).read_bytes()


def _api(page: Any, base: str, url: str) -> Any:
    response = page.request.get(base + url)
    assert response.ok, url
    return json.loads(response.body())


def test_researcher_downloads_a_year_and_reads_the_same_numbers_through_the_api(
    world: Any, live_server: Any, page: Any
) -> None:
    published_world(world)
    base = live_server.url
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base + "/data/")
    page.get_by_role("link", name="某县人民政府").click()
    page.wait_for_selector("#chart-counts svg")
    page.wait_for_selector("#chart-shares svg")
    page.screenshot(path=str(ARTIFACTS / "opendata-region.png"), full_page=True)
    row = page.locator("#year-2020")
    shown_new = int(row.locator("td.new").inner_text())

    csv_body = _download(page, row.locator('a.download[data-kind="csv"]'))
    parquet_body = _download(page, row.locator('a.download[data-kind="parquet"]'))
    by_csv = {
        int(r["agency_id"]): r for r in csv.DictReader(io.StringIO(csv_body.decode("utf-8-sig")))
    }
    by_parquet = {r["agency_id"]: r for r in pq.read_table(io.BytesIO(parquet_body)).to_pylist()}

    listed = _api(page, base, f"/api/reports?year=2020&region={world.county.pk}")
    assert {i["agency"]["id"] for i in listed["items"]} == set(by_csv) == set(by_parquet)
    counts = [k for k, c in FORMATS["2019"].cells.items() if c.unit.value == "count"]
    for item in listed["items"]:
        cells = _api(page, base, item["url"])["cells"]
        agency = item["agency"]["id"]
        for key in counts:
            expected = cells[key]
            assert by_parquet[agency][key] == expected, key
            assert by_csv[agency][key] == ("" if expected is None else str(expected)), key
    total = _api(page, base, f"/api/cells/apply.new.total?year=2020&region={world.county.pk}")
    assert total["total"] == shown_new == sum(r["apply.new.total"] for r in by_parquet.values())
