"""Uploaded content is hostile: no markup from a report ever becomes live on our pages."""

from __future__ import annotations

from html import escape
from typing import Any

import pytest
from django.urls import reverse
from lxml import html as lxml_html

from gongkai.report.render import render
from gongkai.report.sample import sample_report
from gongkai.reports.services import Upload, import_upload

from .factories.reports import seed_bytes

pytestmark = pytest.mark.django_db

MARKUP = (
    '<script>alert("x")</script><img src="x" onerror="alert(2)">'
    '<a href="javascript:alert(3)">点此</a>'
)
# Live tags (an HTML reader drops them) and the same markup as text (which it keeps as text).
EVIL_AGENCY = MARKUP + escape(MARKUP) + "镇人民政府"
EVIL_TEXT = "全年收到申请。" + MARKUP + escape(MARKUP)


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path


def _hostile_html_report() -> bytes:
    """A real HTML report (our renderer's layout), with live markup spliced into its text."""
    report = sample_report(3, year=2020, agency="XAGENCYX")
    report.sections["overview"] = "XNARRATIVEX" + (report.sections["overview"] or "")
    page = render(report, "html").decode("utf-8")
    page = page.replace("XAGENCYX", EVIL_AGENCY).replace("XNARRATIVEX", EVIL_TEXT)
    return page.encode("utf-8")


def _hostile_text_report() -> tuple[str, bytes]:
    """A real seed report (plain text) with markup in its agency line and narrative."""
    name, data = seed_bytes("001_")
    text = data.decode("utf-8").replace("崔桥镇", MARKUP + "崔桥镇", 1)
    text = text.replace("一、总体情况\n", "一、总体情况\n" + MARKUP, 1)
    return name, text.encode("utf-8")


def _hostile(kind: str) -> Upload:
    if kind == "html":
        return Upload("evil.html", _hostile_html_report(), "text/html")
    name, data = _hostile_text_report()
    return Upload(name, data, "text/html")


def _live_markup(doc: Any) -> list[str]:
    found = []
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "script" and (el.text or "").strip() and "alert" in (el.text or ""):
            found.append("inline script")
        if el.tag == "script" and el.get("src") and not el.get("src").startswith("/static/"):
            found.append(f"script src {el.get('src')}")
        if el.tag == "img" and el.get("src") == "x":
            found.append("injected img")
        for name, value in el.attrib.items():
            if name.startswith("on"):
                found.append(f"{el.tag} {name}")
            if "javascript:" in value.lower():
                found.append(f"{el.tag} {name}={value}")
    return found


@pytest.mark.parametrize("kind", ["html", "text"])
@pytest.mark.parametrize("persona", ["clerk_jia", "county_supervisor"])
def test_hostile_report_renders_inert(world: Any, client_as: Any, persona: str, kind: str) -> None:
    obj = import_upload(world.jia, _hostile(kind), by=None, year=2020)
    texts = str(obj.data["sections"]) + str(obj.data["agency"])
    assert "<script>" in texts, "the text itself is kept (as text)"
    for url in (
        reverse("reports:detail", args=[obj.pk]),
        reverse("reports:detail", args=[obj.pk]) + "?section=overview",
        reverse("reports:history", args=[obj.pk]),
        reverse("reports:list"),
        reverse("dashboard:agency", args=[world.jia.pk]),
    ):
        response = client_as(persona).get(url)
        assert response.status_code == 200, url
        doc = lxml_html.fromstring(response.content)
        assert _live_markup(doc) == [], url
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    page = client_as(persona).get(reverse("reports:detail", args=[obj.pk])).content.decode()
    assert "&lt;script&gt;" in page, "report text is shown escaped"


def test_hostile_original_is_never_served_as_html(world: Any, client_as: Any) -> None:
    obj = import_upload(world.jia, _hostile("html"), by=None)
    response = client_as("clerk_jia").get(reverse("reports:original", args=[obj.pk]))
    assert response.headers["Content-Type"] == "application/octet-stream"
    assert response.headers["Content-Disposition"].startswith("attachment")
