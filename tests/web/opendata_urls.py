"""Permission expectations of the open data (/api/ and /data/), merged into the every-URL test.

Everything here is public and answers every persona alike: published data for anyone, and 404
or 400 for what does not exist. Keys: "api-report-jia" is 甲镇's published report (agency and
year), "api-report-yi" 乙镇's unpublished draft; "api-cell" a cell key; "api-bulk-<year>-<ext>"
and "api-bulk-all-<ext>" bulk files; "jia"/"county"/"missing" agencies (regions).
"""

from __future__ import annotations

from typing import Any

from gongkai.workspace.models import Workspace

from .conftest import PERSONAS
from .factories.workspace import YEAR, published_workspace, workspace_for


def _all(status: Any) -> dict[str, Any]:
    return dict.fromkeys(PERSONAS, status)


_LISTS = ("api:agencies", "api:cells", "api:years", "api:openapi-json")
EXPECTED: dict[str, list[tuple[str, str | None, dict[str, str], dict[str, Any]]]] = {
    **{name: [("get", None, {}, _all(200))] for name in _LISTS},
    "api:api-root": [("get", None, {}, _all(200))],
    "api:reports": [("get", None, {}, _all(200)), ("get", None, {"year": "x"}, _all(400))],
    "api:report": [
        ("get", "api-report-jia", {}, _all(200)),
        ("get", "api-report-yi", {}, _all(404)),
    ],
    "api:cell": [
        ("get", "api-cell", {}, _all(200)),
        ("get", "api-cell", {"region": "x"}, _all(400)),
    ],
    "api:bulk_year": [
        ("get", f"api-bulk-{YEAR}-csv", {}, _all(200)),
        ("get", f"api-bulk-{YEAR}-parquet", {"region": "x"}, _all(400)),
    ],
    "api:bulk_all": [("get", "api-bulk-all-xlsx", {}, _all(200))],
    "opendata:index": [("get", None, {}, _all(200))],
    "opendata:region": [
        ("get", "county", {}, _all(200)),
        ("get", "jia", {}, _all(200)),
        ("get", "missing", {}, _all(404)),
    ],
}


def url_kwargs(world: Any, key: str) -> dict[str, Any] | None:
    """URL arguments for our keys (None for keys that are not ours)."""
    if key.startswith("api-report-"):
        agency = getattr(world, key.removeprefix("api-report-"))
        if not Workspace.objects.filter(agency=agency, year=YEAR).exists():  # once per test
            if agency == world.jia:
                users = world.users
                published_workspace(agency, users["clerk_jia"], users["reviewer_jia"])
            else:
                workspace_for(agency)
        return {"agency": agency.pk, "year": YEAR}
    if key == "api-cell":
        return {"key": "apply.new.total"}
    if key.startswith("api-bulk-"):
        *_, period, ext = key.split("-")
        return {"ext": ext} if period == "all" else {"year": int(period), "ext": ext}
    return None
