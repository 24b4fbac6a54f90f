"""In chromium, the strict policy breaks nothing: no CSP violation on the report page (its
nonce'd style), the dashboard (echarts drawing SVG, htmx) or the admin, and the charts still draw."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from .factories.reports import report_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page: Any, base: str, user: Any) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": base}])


def test_pages_run_under_the_policy(world: Any, live_server: Any, page: Any) -> None:
    obj = report_for(world.jia)
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    _log_in(page, live_server.url, world.user("admin"))
    for url in (
        reverse("reports:detail", args=[obj.pk]),
        reverse("dashboard:agency", args=[world.jia.pk]) + "?year=2020",
        reverse("admin:index"),
        reverse("admin:agencies_agency_changelist"),
        reverse("home"),
    ):
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        if url.startswith("/dashboard/"):
            page.wait_for_selector("#chart-outcome svg")
        if url.startswith("/reports/"):  # the nonce'd stylesheet applied: cells are bordered
            width = page.eval_on_selector("table td", "e => getComputedStyle(e).borderTopWidth")
            assert width != "0px"
    assert violations == []
