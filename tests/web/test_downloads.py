"""Uploaded files go back as sandboxed downloads, whatever they are: an application's
attachment follows the same rules as a report's original (gongkai.reports.security).

Before, an attachment named ``*.html`` was served as ``text/html`` without the sandbox policy.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from .factories.applications import application_for

pytestmark = pytest.mark.django_db

HOSTILE = b"<html><script>alert(document.cookie)</script></html>"


def _download(client: Any, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, url
    assert b"".join(response.streaming_content) == HOSTILE
    return response


def assert_sandboxed_download(response: Any, content_type: str) -> None:
    assert response.headers["Content-Type"] == content_type
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("name", ["申请书.html", "scan.svg", "note.txt", "x.js", "noext"])
def test_attachment_of_any_type_is_a_sandboxed_download(
    name: str, world: Any, client_as: Any
) -> None:
    app = application_for(world.jia)
    app.attachment.save(name, ContentFile(HOSTILE))
    url = reverse("applications:attachment", args=[app.pk])
    response = _download(client_as("clerk_jia"), url)
    assert_sandboxed_download(response, "application/octet-stream")


def test_attachment_document_keeps_its_type(world: Any, client_as: Any) -> None:
    app = application_for(world.jia)
    app.attachment.save("申请书.pdf", ContentFile(HOSTILE))
    response = _download(client_as("clerk_jia"), reverse("applications:attachment", args=[app.pk]))
    assert_sandboxed_download(response, "application/pdf")
    assert "filename*=utf-8''" in response.headers["Content-Disposition"]
