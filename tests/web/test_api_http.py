"""The API as HTTP: a valid OpenAPI document derived from the format declarations, ETags and
304, caching headers, CORS for reading only, and 400 in Chinese for every bad parameter."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate

from gongkai.report.formats import all_cell_keys

from .api_data import applications, correct, publish

pytestmark = pytest.mark.django_db
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def one_report(world: Any) -> Any:
    u = world.users
    return publish(world.jia, 2020, applications(3), u["clerk_jia"], u["reviewer_jia"])


def test_openapi_document_is_valid_and_derived_from_the_formats(client: Any) -> None:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    validate(schema)
    assert {
        "/api/agencies",
        "/api/reports",
        "/api/reports/{agency}/{year}",
        "/api/cells",
        "/api/cells/{key}",
        "/api/years",
        "/api/bulk/{year}.{ext}",
        "/api/bulk/all.{ext}",
    } <= set(schema["paths"])
    (key,) = [
        p for p in schema["paths"]["/api/cells/{key}"]["get"]["parameters"] if p["name"] == "key"
    ]
    assert key["schema"]["enum"] == all_cell_keys()
    catalogue = client.get("/api/cells").json()
    assert [c["key"] for c in catalogue["cells"]] == all_cell_keys()
    assert {f["version"] for f in catalogue["formats"]} == {"2019", "2021"}


def test_etag_cache_headers_and_304(client: Any, one_report: Any, world: Any) -> None:
    url = f"/api/reports/{world.jia.pk}/2020"
    first = client.get(url)
    etag = first["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag)
    assert "public" in first["Cache-Control"] and "max-age=300" in first["Cache-Control"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200
    bulk = client.get("/api/bulk/2020.parquet")
    assert (
        client.get("/api/bulk/2020.parquet", headers={"If-None-Match": bulk["ETag"]}).status_code
        == 304
    )
    u = world.users
    correct(one_report, applications(4), u["clerk_jia"], u["reviewer_jia"])
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert changed.json()["version"] == 2


def test_cors_open_for_reading_only(client: Any, one_report: Any) -> None:
    response = client.get("/api/reports", headers={"Origin": "https://research.example"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/reports",
        headers={"Origin": "https://research.example", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]
    post = client.post("/api/reports", {})
    assert post.status_code == 405 and "Access-Control-Allow-Origin" not in post
    head = client.head("/api/reports")
    assert head.status_code == 200 and head.content == b"" and "ETag" in head


def test_index_points_to_the_description(client: Any) -> None:
    body = client.get("/api/").json()
    assert body["openapi"] == "/api/openapi.json"
    assert body["endpoints"]["reports"] == "/api/reports"


BAD = [
    ("/api/reports?year=abc", 400),
    ("/api/reports?year=1999", 400),
    ("/api/reports?year=2020&limit=0", 400),
    ("/api/reports?limit=5000", 400),
    ("/api/reports?offset=-1", 400),
    ("/api/reports?region=abc", 400),
    ("/api/reports?region=999999", 400),
    ("/api/agencies?region=0", 400),
    ("/api/cells/apply.no_such.total", 400),
    ("/api/cells/apply.new.total?year=20x0", 400),
    ("/api/bulk/2020.doc", 400),
    ("/api/bulk/1999.csv", 400),
    ("/api/bulk/all.csv?region=-3", 400),
    ("/api/years?region=x", 400),
    ("/api/reports/abc/2020", 400),
    ("/api/reports/999999/2020", 404),
]


@pytest.mark.parametrize(("url", "status"), BAD)
def test_bad_requests_are_explained_in_chinese(client: Any, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status, url
    assert response["Content-Type"].startswith("application/json")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert CJK.search(response.json()["detail"]), response.json()


QUERY_VALUES = st.one_of(
    st.integers(-(10**12), 10**12).map(str), st.text(max_size=12), st.sampled_from(["", "2020"])
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    endpoint=st.sampled_from(
        ["/api/reports", "/api/agencies", "/api/cells/apply.new.total", "/api/bulk/2020.csv"]
    ),
    params=st.dictionaries(
        st.sampled_from(["year", "region", "limit", "offset"]), QUERY_VALUES, max_size=4
    ),
)
def test_any_query_is_answered_200_or_400(
    client: Any, endpoint: str, params: dict[str, str]
) -> None:
    response = client.get(endpoint, params)
    assert response.status_code in (200, 400), (endpoint, params, response.content[:300])
    if response.status_code == 400:
        assert CJK.search(response.json()["detail"])
