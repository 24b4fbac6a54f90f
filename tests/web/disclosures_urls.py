"""Permission expectations of the disclosures and remedies URLs, merged into the every-URL test.

Keys: "jia"/"yi"/"county"/"missing" are agencies; "item-<agency>" a draft 主动公开 item and
"case-<agency>" a 复议 case of that agency (see ``object_pk``). Look-only users (a supervisor)
get 403 where they see the agency but may not enter data; users outside the scope get 404.
"""

from __future__ import annotations

from typing import Any

from .factories.disclosures import case_for, item_for

LOGIN = "login"
_PEOPLE = ("clerk_jia", "clerk_yi", "reviewer_jia", "county_supervisor", "outsider", "admin")


def _scoped(**by_persona: Any) -> dict[str, Any]:
    return {"anonymous": LOGIN, **by_persona}


def _see(*who: str) -> dict[str, Any]:
    return _scoped(**{p: 200 if p in who else 404 for p in _PEOPLE})


SEE = {
    "jia": _see("clerk_jia", "reviewer_jia", "county_supervisor", "admin"),
    "yi": _see("clerk_yi", "county_supervisor", "admin"),
    "county": _see("county_supervisor", "admin"),
    "missing": _see(),
}


def _edit(ok: int, **extra: Any) -> dict[str, dict[str, Any]]:
    jia = {"clerk_jia": ok, "reviewer_jia": ok, "admin": ok, "county_supervisor": 403}
    yi = {"clerk_yi": ok, "admin": ok, "county_supervisor": 403}
    return {
        "jia": _scoped(**{p: 404 for p in _PEOPLE} | jia),
        "yi": _scoped(**{p: 404 for p in _PEOPLE} | yi),
        "missing": _see(),
    }


def _objects(prefix: str, expectations: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {
        f"{prefix}-{k}" if k != "missing" else f"{prefix}-missing": v
        for k, v in expectations.items()
    }


_AGENCY_PAGES = (
    "disclosures:list",
    "disclosures:stats",
    "disclosures:stats_xlsx",
    "disclosures:monthly_xlsx",
    "disclosures:part_two",
    "disclosures:categories",
    "remedies:list",
)

EXPECTED: dict[str, list[tuple[str, str | None, dict[str, str], dict[str, Any]]]] = {
    "disclosures:index": [("get", None, {}, _scoped(**{p: 200 for p in _PEOPLE}))],
    **{name: [("get", k, {}, exp) for k, exp in SEE.items()] for name in _AGENCY_PAGES},
    "disclosures:registers": [
        *[("get", k, {}, exp) for k, exp in SEE.items()],
        *[("post", k, {}, exp) for k, exp in _edit(400).items()],
    ],
    "disclosures:register_import": [("post", k, {}, exp) for k, exp in _edit(400).items()],
    "disclosures:create": [("get", k, {}, exp) for k, exp in _edit(200).items()],
    "remedies:create": [("get", k, {}, exp) for k, exp in _edit(200).items()],
    **{
        name: [("get", k, {}, exp) for k, exp in _objects("item", SEE).items() if "county" not in k]
        for name in ("disclosures:detail", "disclosures:history")
    },
    "disclosures:edit": [("get", k, {}, exp) for k, exp in _objects("item", _edit(200)).items()],
    "disclosures:step": [("post", k, {}, exp) for k, exp in _objects("item", _edit(400)).items()],
    "remedies:edit": [("get", k, {}, exp) for k, exp in _objects("case", _edit(200)).items()],
    "remedies:history": [
        ("get", k, {}, exp) for k, exp in _objects("case", SEE).items() if "county" not in k
    ],
}


def object_pk(world: Any, key: str) -> int | None:
    """The pk for "item-<agency>" / "case-<agency>", or None if the key is not ours."""
    prefix, _, agency_key = key.partition("-")
    if prefix not in {"item", "case"} or not agency_key:
        return None
    agency = getattr(world, agency_key, None)
    if agency is None:
        return 999_999
    return (item_for(agency) if prefix == "item" else case_for(agency)).pk


def admin_rows(world: Any) -> None:
    """One row of every admin-registered model of ours, with history, for the admin walk."""
    from gongkai.disclosures.models import RegisterEntry

    item_for(world.jia)
    case_for(world.jia)
    entry = RegisterEntry(
        agency=world.jia,
        subject="fees",
        amount=1,
        period_start="2026-01-01",
        period_end="2026-12-31",
    )
    entry.save()
