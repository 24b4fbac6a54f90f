"""Permission expectations of the workspace URLs (年度报告工作台), merged into the every-URL test.

Keys: "workspace-<agency>" is a compiled draft workspace of that agency; "public-jia" is 甲镇's
workspace taken through submit → approve → publish (see ``object_pk``). A workspace is seen like
its agency and changed by the agency's clerks and reviewers (and the superuser); only the
agency's own reviewer (负责人) reviews — not the superuser. The public page of a report is open
to everyone, anonymous included, once published, and 404 for everyone before.
"""

from __future__ import annotations

from typing import Any

from .factories.workspace import published_workspace, workspace_for

LOGIN = "login"
_PEOPLE = ("clerk_jia", "clerk_yi", "reviewer_jia", "county_supervisor", "outsider", "admin")
_ALL = (*_PEOPLE, "anonymous")


def _by(default: Any, **given: Any) -> dict[str, Any]:
    return {"anonymous": LOGIN, **{p: default for p in _PEOPLE}, **given}


_SEE = {
    "workspace-jia": _by(404, clerk_jia=200, reviewer_jia=200, county_supervisor=200, admin=200),
    "workspace-yi": _by(404, clerk_yi=200, county_supervisor=200, admin=200),
    "workspace-missing": _by(404),
}


def _edit(ok: int) -> dict[str, dict[str, Any]]:
    return {
        "workspace-jia": _by(404, clerk_jia=ok, reviewer_jia=ok, admin=ok, county_supervisor=403),
        "workspace-yi": _by(404, clerk_yi=ok, admin=ok, county_supervisor=403),
        "workspace-missing": _by(404),
    }


_REVIEW = {
    "workspace-jia": _by(
        404, reviewer_jia=400, clerk_jia=403, admin=403, county_supervisor=403
    ),  # empty form: re-shown with errors to the reviewer
    "workspace-yi": _by(404, clerk_yi=403, admin=403, county_supervisor=403),
    "workspace-missing": _by(404),
}
_PUBLIC = {
    "workspace-jia": dict.fromkeys(_ALL, 404),  # not published: does not exist for anyone
    "public-jia": dict.fromkeys(_ALL, 200),
    "workspace-missing": dict.fromkeys(_ALL, 404),
}

Case = tuple[str, str | None, dict[str, str], dict[str, Any]]
EXPECTED: dict[str, list[Case]] = {
    "workspace:list": [("get", None, {}, _by(200))],
    "workspace:open": [
        ("post", None, {}, _by(400, county_supervisor=404, outsider=404)),
    ],
    "workspace:detail": [("get", k, {}, e) for k, e in _SEE.items()],
    "workspace:export": [("get", k, {"kind": "md"}, e) for k, e in _SEE.items()],
    "workspace:compile": [("post", k, {}, e) for k, e in _edit(302).items()],
    "workspace:section": [("post", k, {}, e) for k, e in _edit(400).items()],
    "workspace:override": [("post", k, {}, e) for k, e in _edit(400).items()],
    "workspace:revert": [("post", k, {}, e) for k, e in _edit(302).items()],
    "workspace:submit": [("post", k, {}, e) for k, e in _edit(302).items()],
    "workspace:publish": [("post", k, {}, e) for k, e in _edit(302).items()],
    "workspace:correct": [("post", k, {}, e) for k, e in _edit(400).items()],  # no reason
    "workspace:review": [("post", k, {}, e) for k, e in _REVIEW.items()],
    "published:report": [("get", k, {}, e) for k, e in _PUBLIC.items()],
    "published:export": [("get", k, {"kind": "md"}, e) for k, e in _PUBLIC.items()],
}


def object_pk(world: Any, key: str) -> int | None:
    """The pk for "workspace-<agency>" / "public-<agency>"; None for keys that are not ours."""
    prefix, _, agency_key = key.partition("-")
    if prefix not in {"workspace", "public"} or not agency_key:
        return None
    agency = getattr(world, agency_key, None)
    if agency is None:
        return 999_999
    if prefix == "public":
        users = world.users
        return published_workspace(agency, users["clerk_jia"], users["reviewer_jia"]).pk
    return workspace_for(agency).pk


def admin_rows(world: Any) -> None:
    """A workspace with an override and its events, for the admin walk."""
    from gongkai.workspace.services import override_cell

    ws = workspace_for(world.jia, by=world.users["clerk_jia"])
    override_cell(ws, "apply.new.natural_person", "1", by=world.users["clerk_jia"], reason="测试")
