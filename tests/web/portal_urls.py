"""Permission expectations of the public portal (/gk/), merged into the every-URL test.

Public pages answer everyone alike (an agency that does not exist is 404); the tracking pages
answer only a session that proved the number and code, so without one every persona is sent
back to the tracking form (302); the applicant account's pages (/gk/account/) answer only a
session logged in through the portal, so every persona is sent to its login (302); the 公开指南
editor is the agency's own clerk's and reviewer's.
Keys: "jia"/"missing" agencies; "published-jia" a published item, "draft-jia" an unpublished one;
"online-jia" an online application's tracking record.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .conftest import PERSONAS
from .factories.disclosures import item_for, published_item

LOGIN = "login"


def _all(status: Any) -> dict[str, Any]:
    return dict.fromkeys(PERSONAS, status)


_PUBLIC = {"jia": _all(200), "missing": _all(404)}
_TRACKED = [("get", "online-jia", {}, _all(302)), ("get", "online-missing", {}, _all(302))]

EXPECTED: dict[str, list[tuple[str, str | None, dict[str, str], dict[str, Any]]]] = {
    "portal:index": [("get", None, {}, _all(200)), ("get", None, {"q": "甲镇"}, _all(200))],
    "portal:reports": [("get", None, {}, _all(200))],
    **{
        name: [("get", key, {}, exp) for key, exp in _PUBLIC.items()]
        for name in ("portal:agency", "portal:catalogue", "portal:agency_reports", "portal:apply")
    },
    "portal:item": [
        ("get", "published-jia", {}, _all(200)),
        ("get", "draft-jia", {}, _all(404)),
        ("get", "published-missing", {}, _all(404)),
    ],
    "portal:applied": [("get", None, {}, _all(302))],
    "portal:track": [("get", None, {}, _all(200)), ("post", None, {}, _all(400))],
    "portal:tracked": _TRACKED,
    "portal:notice": _TRACKED,
    "portal:correct": [("post", "online-jia", {}, _all(302))],
    "portal:edit_guide": [
        (
            "get",
            "jia",
            {},
            {
                **_all(404),
                "anonymous": LOGIN,
                "clerk_jia": 200,
                "reviewer_jia": 200,
                "admin": 200,
                "county_supervisor": 403,
            },
        ),
        ("get", "missing", {}, {**_all(404), "anonymous": LOGIN}),
    ],
    # The applicant account: sign-up and login open to all; its own pages only to a session
    # logged in through the portal (no persona here is), the rest go to the portal's login.
    "portal:account": [("get", None, {}, _all(302))],
    "portal:account_claim": [("get", None, {}, _all(302)), ("post", None, {}, _all(302))],
    "portal:account_signup": [("get", None, {}, _all(200)), ("post", None, {}, _all(400))],
    "portal:account_login": [("get", None, {}, _all(200)), ("post", None, {}, _all(400))],
    "portal:account_logout": [("post", None, {}, _all(302))],
    "portal:sitemap": [("get", None, {}, _all(200))],
    "portal:sitemap_pages": [("get", None, {}, _all(200))],
    "portal:sitemap_agencies": [("get", None, {}, _all(200))],
    "portal:sitemap_items": [("get", None, {}, _all(200))],
}


def object_pk(world: Any, key: str) -> int | None:
    """The pk for "published-…", "draft-…" and "online-…" keys, or None if the key is not ours."""
    prefix, _, agency_key = key.partition("-")
    if prefix not in {"published", "draft", "online"}:
        return None
    agency = getattr(world, agency_key, None)
    if agency is None:
        return 999_999
    if prefix == "draft":
        return item_for(agency).pk
    if prefix == "published":
        clerk, reviewer = world.user("clerk_jia"), world.user("reviewer_jia")
        return published_item(agency, clerk, reviewer, published_on=dt.date(2026, 3, 10)).pk
    from .factories.portal import online_application

    return online_application(agency).online.pk


def admin_rows(world: Any) -> None:
    """A 公开指南 with its history, for the admin walk."""
    from gongkai.portal.models import Guide

    Guide(
        agency=world.jia,
        scope="主动公开的范围",
        how_to_apply="申请方式",
        office_name="甲镇党政办公室",
        address="人民路1号",
        hours="工作日",
        phone="0577-1",
        fees="不收费",
        remedies="复议、诉讼",
    ).save()
