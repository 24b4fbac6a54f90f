"""The same published numbers through the API, the CSV, the Parquet and the XLSX; only the
current published version; never a draft, a correction in progress, an upload or a note."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

import openpyxl
import pyarrow.parquet as pq
import pytest

from gongkai.report.formats import FORMATS, Unit

from .api_data import AMOUNT, DRAFT_MARK, REASON, Published, published_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(world: Any) -> Published:
    return published_world(world)


def _api_cells(client: Any, year: int, region: int | None = None) -> dict[int, dict[str, Any]]:
    """agency pk → cells, read report by report through the API."""
    query = {"year": year} | ({"region": region} if region else {})
    listed = client.get("/api/reports", query).json()
    return {i["agency"]["id"]: client.get(i["url"]).json()["cells"] for i in listed["items"]}


def _csv(body: bytes) -> dict[int, dict[str, str]]:
    rows = csv.DictReader(io.StringIO(body.decode("utf-8-sig")))
    return {int(r["agency_id"]): r for r in rows}


def _parquet(body: bytes) -> dict[int, dict[str, Any]]:
    return {r["agency_id"]: r for r in pq.read_table(io.BytesIO(body)).to_pylist()}


def _xlsx(body: bytes) -> dict[int, dict[str, Any]]:
    sheet = openpyxl.load_workbook(io.BytesIO(body))["数据"]
    head, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    return {int(r[0]): dict(zip(head, r, strict=True)) for r in rows}


def test_a_year_reads_the_same_through_api_csv_parquet_and_xlsx(client: Any, data: Published):
    api = _api_cells(client, 2020)
    assert {a: c["apply.new.total"] for a, c in api.items()} == data.new_2020
    csv_rows = _csv(client.get("/api/bulk/2020.csv").content)
    parquet_rows = _parquet(client.get("/api/bulk/2020.parquet").content)
    xlsx_rows = _xlsx(client.get("/api/bulk/2020.xlsx").content)
    assert set(csv_rows) == set(parquet_rows) == set(xlsx_rows) == set(api)
    spec = FORMATS["2019"].cells
    for agency, cells in api.items():
        assert set(cells) == set(spec)
        for key, value in cells.items():
            text, typed, shown = (
                csv_rows[agency][key],
                parquet_rows[agency][key],
                xlsx_rows[agency][key],
            )
            if value is None:
                assert (text, typed, shown) == ("", None, None), key
            elif spec[key].unit is Unit.AMOUNT:
                assert Decimal(text) == typed == Decimal(value), key
                assert shown == float(Decimal(value)), key
            else:
                assert int(text) == typed == shown == value, key
        assert csv_rows[agency]["version"] == str(parquet_rows[agency]["version"])
    assert api[data.jia_2020.agency_id][AMOUNT] == "12.75"  # exact, as text, in JSON


def test_cell_across_agencies_matches_the_reports(client: Any, data: Published, world: Any):
    body = client.get("/api/cells/apply.new.total", {"year": 2020}).json()
    assert body["count"] == body["reported"] == 2
    assert body["total"] == sum(data.new_2020.values())
    assert {i["agency"]["id"]: i["value"] for i in body["items"]} == data.new_2020
    amount = client.get(f"/api/cells/{AMOUNT}", {"year": 2020}).json()
    assert amount["unit"] == "amount" and amount["total"] == "12.75"  # 乙镇 gave none: None, not 0
    assert {i["agency"]["id"]: i["value"] for i in amount["items"]} == {
        world.jia.pk: "12.75",
        world.yi.pk: None,
    }


def test_only_the_current_published_version(client: Any, data: Published, world: Any):
    jia = client.get(f"/api/reports/{world.jia.pk}/2020").json()
    assert jia["version"] == 2
    assert [v["number"] for v in jia["versions"]] == [2, 1]
    assert jia["versions"][0]["reason"] == "更正申请数量"
    yi = client.get(f"/api/reports/{world.yi.pk}/2020").json()
    assert yi["version"] == 1 and yi["cells"]["apply.new.total"] == 7  # 更正 still a draft
    assert client.get(f"/api/reports/{world.yi.pk}/2021").status_code == 404  # a draft
    assert client.get(f"/api/reports/{world.county.pk}/2020").status_code == 404  # an upload


def _every_body(client: Any, world: Any) -> list[tuple[str, bytes]]:
    urls = [
        "/api/agencies",
        "/api/reports",
        "/api/years",
        "/api/cells/apply.new.total",
        "/api/bulk/all.csv",
        "/api/bulk/2020.csv",
        "/api/bulk/2021.csv",
        f"/data/regions/{world.county.pk}/",
        "/data/",
    ]
    for agency in (world.jia, world.yi, world.county):
        urls += [f"/api/reports/{agency.pk}/{year}" for year in (2020, 2021)]
    return [(url, client.get(url).content) for url in urls]


def test_drafts_notes_and_people_never_appear(client: Any, data: Published, world: Any):
    names = [u.username for u in world.users.values() if u.is_authenticated]
    for url, body in _every_body(client, world):
        text = body.decode("utf-8-sig")
        assert str(DRAFT_MARK) not in text, url
        assert REASON not in text and "王小明" not in text, url
        for name in names:
            assert name not in text, url
    listed = client.get("/api/reports").json()
    assert sorted((i["agency"]["id"], i["year"]) for i in listed["items"]) == sorted(
        [(world.jia.pk, 2020), (world.yi.pk, 2020), (world.jia.pk, 2021)]
    )
    # The override's finding is published by its code only: its message quotes the note.
    findings = client.get(f"/api/reports/{world.jia.pk}/2020").json()["findings"]
    assert "MANUAL_OVERRIDE" in {f["code"] for f in findings["items"]}
    assert findings["errors"] == 0


def test_region_and_year_filters(client: Any, data: Published, world: Any):
    assert set(_api_cells(client, 2020, region=world.jia.pk)) == {world.jia.pk}
    assert set(_api_cells(client, 2020, region=world.county.pk)) == {world.jia.pk, world.yi.pk}
    assert set(_csv(client.get(f"/api/bulk/2020.csv?region={world.yi.pk}").content)) == {
        world.yi.pk
    }
    years = client.get("/api/years").json()
    assert years == [
        {"year": 2020, "format": "2019", "reports": 2},
        {"year": 2021, "format": "2021", "reports": 1},
    ]
    every = _parquet(client.get("/api/bulk/all.parquet").content)
    assert len(every) == 2  # keyed by agency: 甲镇's two years and 乙镇's one
    agencies = client.get("/api/agencies", {"region": world.county.pk}).json()
    by_id = {a["id"]: a for a in agencies["items"]}
    assert by_id[world.jia.pk]["region"] == ["某县人民政府"]
    assert by_id[world.jia.pk]["published_years"] == [2020, 2021]
    assert by_id[world.county.pk]["published_years"] == []


def test_pagination(client: Any, data: Published):
    first = client.get("/api/reports", {"limit": 2}).json()
    rest = client.get("/api/reports", {"limit": 2, "offset": 2}).json()
    assert first["count"] == rest["count"] == 3
    assert len(first["items"]) == 2 and len(rest["items"]) == 1
    seen = {(i["agency"]["id"], i["year"]) for i in first["items"] + rest["items"]}
    assert len(seen) == 3


def test_region_chart_page_shows_the_api_numbers(client: Any, data: Published, world: Any):
    page = client.get(f"/data/regions/{world.county.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert '<td class="new">11</td>' in text and '<td class="new">5</td>' in text
    assert f'href="/api/bulk/2020.csv?region={world.county.pk}"' in text
    assert f'href="/api/bulk/2020.parquet?region={world.county.pk}"' in text
    assert "<script>" not in text  # no inline script (CSP): data in json_script, code in a file
    total = client.get("/api/cells/apply.new.total", {"year": 2020, "region": world.county.pk})
    assert total.json()["total"] == 11
    assert client.get("/data/regions/999999/").status_code == 404
