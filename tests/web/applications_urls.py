"""Permission expectations of the applications URLs, merged into the every-URL test.

Keys: "jia"/"yi"/"county"/"missing" are agencies; "application-<agency>" an application of that
agency, with an attachment (see ``object_pk``). An application is seen like its agency; it is
handled by the agency's clerks and reviewers (and the superuser, as a clerk); the applicant's
personal data is shown to the agency's clerks and reviewers only. A user who sees the
application but may not do the thing gets 403; a user outside the scope gets 404.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.base import ContentFile

from .factories.applications import application_for

LOGIN = "login"
_PEOPLE = ("clerk_jia", "clerk_yi", "reviewer_jia", "county_supervisor", "outsider", "admin")


def _by(default: int, **given: Any) -> dict[str, Any]:
    return {"anonymous": LOGIN, **{p: default for p in _PEOPLE}, **given}


_SEE = {
    "jia": _by(404, clerk_jia=200, reviewer_jia=200, county_supervisor=200, admin=200),
    "yi": _by(404, clerk_yi=200, county_supervisor=200, admin=200),
    "county": _by(404, county_supervisor=200, admin=200),
    "missing": _by(404),
}


def _handle(ok: int) -> dict[str, dict[str, Any]]:
    return {
        "application-jia": _by(404, clerk_jia=ok, reviewer_jia=ok, admin=ok, county_supervisor=403),
        "application-yi": _by(404, clerk_yi=ok, admin=ok, county_supervisor=403),
        "application-missing": _by(404),
    }


_PERSONAL = {
    "application-jia": _by(404, clerk_jia=200, reviewer_jia=200, admin=403, county_supervisor=403),
    "application-yi": _by(404, clerk_yi=200, admin=403, county_supervisor=403),
    "application-missing": _by(404),
}

EXPECTED: dict[str, list[tuple[str, str | None, dict[str, str], dict[str, Any]]]] = {
    "applications:list": [("get", None, {}, _by(200))],
    "applications:register": [
        ("get", None, {}, _by(200, county_supervisor=404, outsider=404)),
    ],
    "applications:detail": [
        ("get", f"application-{k}", {}, exp) for k, exp in _SEE.items() if k != "county"
    ],
    "applications:personal": [("get", k, {}, exp) for k, exp in _PERSONAL.items()],
    "applications:attachment": [("get", k, {}, exp) for k, exp in _PERSONAL.items()],
    "applications:all": [("get", None, {}, _by(200))],
    # The fixture's application has no decision yet: the staff who may download get 404.
    "applications:reply": [
        ("get", k, {}, {p: 404 if v == 200 else v for p, v in exp.items()})
        for k, exp in _PERSONAL.items()
    ],
    # A notice carries the applicant's name: the same people as the personal data page.
    "applications:notice": [("get", k, {"kind": "receipt"}, e) for k, e in _PERSONAL.items()],
    **{
        name: [("post", k, {}, exp) for k, exp in _handle(400).items()]  # empty form: errors
        for name in ("applications:event", "applications:decide", "applications:fee")
    },
    "applications:part_three": [("get", k, {"year": "2026"}, exp) for k, exp in _SEE.items()],
}


def object_pk(world: Any, key: str) -> int | None:
    """The pk for an "application-<agency>" key; None for keys that are not ours."""
    if not key.startswith("application-"):
        return None
    agency = getattr(world, key.removeprefix("application-"), None)
    if agency is None:
        return 999_999
    app = application_for(agency)
    app.attachment.save("id-card.txt", ContentFile(b"scan"))
    return app.pk


def admin_rows(world: Any) -> None:
    """One row (and its history) of every admin-registered model of the applications app."""
    from gongkai.applications.models import (
        AccessLog,
        FeeRecord,
        HolidayYear,
        NoticeTemplate,
        RegionalRestDay,
    )
    from gongkai.applications.services.fees import add_fee
    from gongkai.applications.services.notices import DEFAULTS
    from gongkai.applications.services.workflow import decide

    app = application_for(world.jia, received=dt.date(2026, 11, 2))
    decide(app, "granted", dt.date(2026, 11, 3), "予以公开", by=world.user("clerk_jia"))
    add_fee(FeeRecord(application=app, method="per_page", quantity=40, on=dt.date(2026, 11, 3)))
    HolidayYear.objects.create(year=2027, holidays="2027-01-01", source="测试")
    RegionalRestDay.objects.create(
        agency=world.jia, name="三月三", dates="2025-03-31~2025-04-01", source="测试"
    )
    NoticeTemplate.objects.create(
        agency=world.jia,
        kind="receipt",
        file=ContentFile((DEFAULTS / "receipt.docx").read_bytes(), "receipt.docx"),
    )
    AccessLog.objects.create(application=app, user=world.user("clerk_jia"), what="测试")
