"""The security headers are on every response: every URL pattern, admin, static files, errors.

Before django-csp's middleware, the applications, disclosures and remedies pages had no
Content-Security-Policy at all (it was a per-view decorator on a few apps).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html

from .url_walk import each_case

pytestmark = pytest.mark.django_db

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def assert_secure(response: Any, where: str) -> None:
    for name, value in HEADERS.items():
        assert response.headers.get(name) == value, f"{where}: {name}"
    assert "camera=()" in response.headers.get("Permissions-Policy", ""), where
    policy = response.headers.get("Content-Security-Policy", "")
    assert "default-src 'none'" in policy or "default-src 'self'" in policy, where
    scripts = re.search(r"script-src ([^;]*)", policy)
    assert scripts is None or "unsafe-inline" not in scripts.group(1), where
    assert "unsafe-eval" not in policy, where


def assert_no_inline_code(response: Any, where: str) -> None:
    """No inline script runs; every <style> element carries this response's nonce."""
    if not response.headers.get("Content-Type", "").startswith("text/html"):
        return
    doc = lxml_html.fromstring(response.content or b"<p></p>")
    for script in doc.iter("script"):
        kind = script.get("type", "text/javascript")
        assert script.get("src") or kind == "application/json", f"{where}: inline script"
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"])
    for style in doc.iter("style"):
        assert nonce and style.get("nonce") == nonce.group(1), f"{where}: <style> without nonce"
    for element in doc.iter():
        events = [a for a in element.attrib if a.startswith("on")]
        assert not events, f"{where}: inline handler {events}"


@pytest.mark.parametrize("persona", ["admin", "anonymous"])
def test_every_url_has_the_headers(persona: str, world: Any, client_as: Any) -> None:
    checked = 0
    for case in each_case(world):
        client = client_as(persona)  # again after "logout"
        response = getattr(client, case.method)(case.url, case.data)
        where = f"{persona} {case.method.upper()} {case.url}"
        assert_secure(response, where)
        assert_no_inline_code(response, where)
        checked += 1
    assert checked > 60


def test_admin_static_and_missing_pages_have_the_headers(world: Any, client_as: Any) -> None:
    client = client_as("admin")
    for url in ("/admin/", "/admin/agencies/agency/", "/static/gongkai/site.css", "/nowhere/"):
        response = client.get(url)
        assert_secure(response, url)
        assert_no_inline_code(response, url)


def test_csrf_failure_has_the_headers(world: Any) -> None:
    response = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "x"})
    assert response.status_code == 403
    assert_secure(response, "csrf failure")


def test_report_page_style_runs_only_with_its_nonce(world: Any, client_as: Any) -> None:
    from .factories.reports import report_for

    obj = report_for(world.jia)
    first = client_as("clerk_jia").get(reverse("reports:detail", args=[obj.pk]))
    second = client_as("clerk_jia").get(reverse("reports:detail", args=[obj.pk]))
    nonces = [
        re.search(r"'nonce-([^']+)'", r.headers["Content-Security-Policy"]).group(1)  # type: ignore[union-attr]
        for r in (first, second)
    ]
    assert nonces[0] != nonces[1], "a fresh nonce per response"
    assert f'<style nonce="{nonces[0]}">' in first.content.decode()
