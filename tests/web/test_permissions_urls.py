"""Every URL pattern of the project, for every persona, gives the expected status.

A new view must be added to ``EXPECTED`` below, or ``test_every_url_pattern_is_covered`` fails:
so no view ships without someone deciding who may see it. Out-of-scope objects are 404, never 403.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from . import (
    accounts_urls,
    applications_urls,
    disclosures_urls,
    jobs_urls,
    opendata_urls,
    portal_urls,
    workspace_urls,
)
from .conftest import PERSONAS

LOGIN = "login"  # 302 to the login page, with ?next=
HOME = "home"  # 302 to the home page
ADMIN_LOGIN = "admin-login"

ALL_IN = {p: 200 for p in PERSONAS if p != "anonymous"}


def _scoped(**by_persona: Any) -> dict[str, Any]:
    return {"anonymous": LOGIN, **by_persona}


# Agency pages: 甲镇 for its own clerk and reviewer, 乙镇 for its own clerk, all three for the
# county supervisor and the superuser; nobody else, and nothing for the user without a role.
_AGENCY_SCOPE = {
    "jia": _scoped(
        clerk_jia=200,
        clerk_yi=404,
        reviewer_jia=200,
        county_supervisor=200,
        outsider=404,
        admin=200,
    ),
    "yi": _scoped(
        clerk_jia=404,
        clerk_yi=200,
        reviewer_jia=404,
        county_supervisor=200,
        outsider=404,
        admin=200,
    ),
    "county": _scoped(
        clerk_jia=404,
        clerk_yi=404,
        reviewer_jia=404,
        county_supervisor=200,
        outsider=404,
        admin=200,
    ),
    "missing": _scoped(**{p: 404 for p in ALL_IN}),
}

# url name → list of (method, kwargs by agency key or None, data, {persona: expected})
EXPECTED: dict[str, list[tuple[str, str | None, dict[str, str], dict[str, Any]]]] = {
    "home": [("get", None, {}, {"anonymous": LOGIN, **ALL_IN})],
    "login": [("get", None, {}, {"anonymous": 200, **{p: HOME for p in ALL_IN}})],
    "logout": [("post", None, {}, {p: LOGIN for p in PERSONAS})],
    "agencies:detail": [("get", key, {}, exp) for key, exp in _AGENCY_SCOPE.items()],
    "agencies:history": [("get", key, {}, exp) for key, exp in _AGENCY_SCOPE.items()],
    # Annual reports (reports app): a report is seen like its agency ("report-jia" is 甲镇's);
    # uploads and corrections only by the agency's own clerk/reviewer (and the superuser); a
    # supervisor who sees the report but may not correct it gets 403, the rest 404.
    "reports:list": [("get", None, {}, {"anonymous": LOGIN, **ALL_IN})],
    "reports:upload": [
        (
            "get",
            None,
            {},
            _scoped(
                clerk_jia=200,
                clerk_yi=200,
                reviewer_jia=200,
                county_supervisor=404,
                outsider=404,
                admin=200,
            ),
        )
    ],
    **{
        name: [("get", f"report-{key}", data, exp) for key, exp in _AGENCY_SCOPE.items()]
        for name, data in (
            ("reports:detail", {}),
            ("reports:original", {}),
            ("reports:export", {"kind": "md"}),
            ("reports:history", {}),
        )
    },
    **{
        name: [
            (
                "post",
                "report-jia",
                {},
                _scoped(
                    clerk_jia=400,  # empty form: re-shown with errors
                    clerk_yi=404,
                    reviewer_jia=400,
                    county_supervisor=403,
                    outsider=404,
                    admin=400,
                ),
            ),
            ("post", "report-missing", {}, _scoped(**{p: 404 for p in ALL_IN})),
        ]
        for name in ("reports:correct_cell", "reports:correct_section")
    },
    # The crop of a scan beside an OCR'd cell: seen like the report, but these sample reports
    # were not scanned, so no cell has a crop (tests/web/test_reports_ocr.py shows the 200s).
    "reports:scan_crop": [
        ("get", f"report-{key}", {"cell": "apply.new.total"}, _scoped(**{p: 404 for p in ALL_IN}))
        for key in _AGENCY_SCOPE
    ],
    # The supervisor dashboard: over an agency the user may see (its visible subtree).
    "dashboard:index": [("get", None, {}, {"anonymous": LOGIN, **ALL_IN})],
    **{
        name: [("get", key, {}, exp) for key, exp in _AGENCY_SCOPE.items()]
        for name in ("dashboard:agency", "dashboard:aggregate_xlsx", "dashboard:agencies_xlsx")
    },
    # 主动公开 and 复议诉讼 (disclosures, remedies apps): see tests/web/disclosures_urls.py.
    **disclosures_urls.EXPECTED,
    # 依申请公开 (applications app): see tests/web/applications_urls.py.
    **applications_urls.EXPECTED,
    # 年度报告工作台 and the published report (workspace app): see tests/web/workspace_urls.py.
    **workspace_urls.EXPECTED,
    # Password change and reset, 动态口令 (accounts app): see tests/web/accounts_urls.py.
    **accounts_urls.EXPECTED,
    # The public portal (/gk/): see tests/web/portal_urls.py.
    **portal_urls.EXPECTED,
    # Background jobs (jobs app): see tests/web/jobs_urls.py.
    **jobs_urls.EXPECTED,
    # Open data: the read-only API (/api/) and the region charts (/data/): see opendata_urls.py.
    **opendata_urls.EXPECTED,
}


def _object_pk(world: Any, key: str) -> int:
    """An agency's pk, or for "report-<agency>" the pk of a stored report of that agency."""
    if key.startswith("report-"):
        from .factories.reports import report_for

        agency = getattr(world, key.removeprefix("report-"), None)
        return report_for(agency).pk if agency else 999_999
    application = applications_urls.object_pk(world, key)
    if application is not None:
        return application
    job = jobs_urls.object_pk(world, key)
    if job is not None:
        return job
    portal = portal_urls.object_pk(world, key)
    if portal is not None:
        return portal
    workspace = workspace_urls.object_pk(world, key)
    if workspace is not None:
        return workspace
    ours = disclosures_urls.object_pk(world, key)
    if ours is not None:
        return ours
    agency = getattr(world, key, None)
    return agency.pk if agency else 999_999


def _walk(resolver: URLResolver, prefix: str = "", namespace: str = "") -> list[tuple[str, Any]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += _walk(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            found.append((namespace + (entry.name or prefix + str(entry.pattern)), entry))
    return found


ALL_PATTERNS = _walk(get_resolver())
ADMIN_PATTERNS = [(name, p) for name, p in ALL_PATTERNS if name.startswith("admin:")]
SITE_PATTERNS = [(name, p) for name, p in ALL_PATTERNS if not name.startswith("admin:")]
CASES = [(name, i) for name, cases in EXPECTED.items() for i in range(len(cases))]


def test_every_url_pattern_is_covered() -> None:
    names = {name for name, _ in SITE_PATTERNS}
    assert names - set(EXPECTED) == set(), "views without a permission expectation"
    assert set(EXPECTED) - names == set(), "expectations for URLs that no longer exist"


def _assert_status(response: Any, expected: Any, where: str) -> None:
    if expected == LOGIN:
        assert response.status_code == 302, where
        assert urlsplit(response["Location"]).path == reverse("login"), where
    elif expected == HOME:
        assert response.status_code == 302, where
        assert response["Location"] == reverse("home"), where
    elif expected == ADMIN_LOGIN:
        assert response.status_code == 302, where
        assert urlsplit(response["Location"]).path == reverse("admin:login"), where
    else:
        assert response.status_code == expected, where


def case_url(world: Any, name: str, key: str | None) -> str:
    """The URL of one case of ``EXPECTED`` (also walked by test_security_headers, test_query_fuzz)."""
    kwargs = {}
    if key is not None:
        kwargs = (
            accounts_urls.url_kwargs(world, key)
            or opendata_urls.url_kwargs(world, key)
            or {"pk": _object_pk(world, key)}
        )
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "index"), CASES)
def test_site_url(name: str, index: int, persona: str, world: Any, client_as: Any) -> None:
    method, agency_key, data, expected_by_persona = EXPECTED[name][index]
    url = case_url(world, name, agency_key)
    response = getattr(client_as(persona), method)(url, data)
    where = f"{persona} {method.upper()} {url} ({agency_key or name})"
    _assert_status(response, expected_by_persona[persona], where)


def _admin_model(name: str) -> Any:
    for model in admin.site._registry:
        if name.startswith(f"admin:{model._meta.app_label}_{model._meta.model_name}_"):
            return model
    raise AssertionError(f"no registered model for {name}")


def _admin_object_pk(name: str) -> str:
    """The primary key of a real row of the model an admin URL name is about."""
    model = _admin_model(name)
    return str(model._default_manager.order_by("pk").values_list("pk", flat=True)[0])


def _admin_url(pattern: URLPattern, name: str) -> str:
    """A concrete URL for an admin pattern: real primary keys where the pattern takes one."""
    if pattern.name is None:
        return ""  # unnamed redirects and the catch-all: exercised through their named neighbours
    if name.endswith("_simple_history"):  # re_path(object_id, history_id): one audit record
        model = _admin_model(name)
        record = model.history.order_by("history_id").first()
        return reverse(name, args=[record.id, record.history_id])
    kwargs = {}
    for arg in pattern.pattern.converters or pattern.pattern.regex.groupindex:
        if arg in {"object_id", "id", "pk"} and name != "admin:view_on_site":
            kwargs[arg] = _admin_object_pk(name)
        elif arg == "app_label":
            kwargs[arg] = "agencies"
        else:
            kwargs[arg] = "1"  # view_on_site's content type and object: 404 is fine there
    return reverse(name, kwargs=kwargs)


def _refused_to_everyone(name: str) -> bool:
    """An add or delete page of a model whose admin allows that to no one (read-only logs), or
    the page of a TOTP device's secret (OTP_ADMIN_HIDE_SENSITIVE_DATA)."""
    if name.startswith("admin:otp_totp_totpdevice_") and name.endswith(("_config", "_qrcode")):
        return True
    if not name.endswith(("_add", "_delete")):
        return False
    model_admin = admin.site._registry[_admin_model(name)]
    if name.endswith("_add"):
        return not model_admin.has_add_permission(_SUPERUSER_REQUEST)
    return not model_admin.has_delete_permission(_SUPERUSER_REQUEST)


class _Superuser:
    is_active = is_staff = is_superuser = True

    def has_perm(self, perm: str, obj: object = None) -> bool:
        return True


_SUPERUSER_REQUEST = type("Request", (), {"user": _Superuser()})()

AUTOCOMPLETE = {"app_label": "agencies", "model_name": "agency", "field_name": "parent"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_admin_is_for_superusers_only(persona: str, world: Any, client_as: Any) -> None:
    """Non-superusers are sent to the admin login on every admin page; superusers get in."""
    Group.objects.create(name="演示组")  # every registered model has a row to open
    disclosures_urls.admin_rows(world)
    applications_urls.admin_rows(world)
    accounts_urls.admin_rows(world)
    workspace_urls.admin_rows(world)
    jobs_urls.admin_rows(world)
    portal_urls.admin_rows(world)
    from .factories.reports import report_for

    report_for(world.jia, corrected=True)  # an annual report, its history and a correction
    client = client_as(persona)
    checked = 0
    for name, pattern in ADMIN_PATTERNS:
        url = _admin_url(pattern, name)
        if not url or name in {"admin:login", "admin:logout"}:
            continue
        query = AUTOCOMPLETE if name == "admin:autocomplete" else {}
        response = client.get(url, query)
        where = f"{persona} GET {url} ({name})"
        if persona == "admin" and _refused_to_everyone(name):
            # append-only logs: no add or delete; a TOTP device's secret: never shown
            assert response.status_code == 403, where
        elif persona == "admin":
            allowed = {200, 302, 404} if name == "admin:view_on_site" else {200, 302}
            assert response.status_code in allowed, where
        elif name == "admin:jsi18n":
            continue  # the admin's JavaScript catalog holds no data
        else:
            _assert_status(response, ADMIN_LOGIN, where)
        checked += 1
    assert checked > 20
