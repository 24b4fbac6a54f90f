"""Personal data in the Django admin (masked for everyone) and the append-only access log."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.db.models import ProtectedError
from django.urls import reverse
from docx import Document

from gongkai.applications.models import AccessLog, Application
from gongkai.applications.models.access import AppendOnly

from .conftest import PERSONAS
from .factories.applications import application_for

DOCX = "application/vnd.openxmlformats-officedocument"
NAME, ID, PHONE, OLD_PHONE = "张三丰", "330102199001011234", "13812345678", "13911112222"


def _changed_application(world: Any) -> Application:
    """An application whose contact was corrected: its history holds the old and new values."""
    app = application_for(world.jia, applicant_contact=OLD_PHONE)
    app.applicant_contact = PHONE
    app.save()
    return app


def _admin_pages(app: Application) -> list[str]:
    record = app.history.order_by("history_id").first()
    return [
        reverse("admin:applications_application_changelist"),
        reverse("admin:applications_application_change", args=[app.pk]),
        reverse("admin:applications_application_history", args=[app.pk]),
        reverse("admin:applications_application_simple_history", args=[app.pk, record.history_id]),
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_role_reads_personal_data_in_the_admin(persona: str, world: Any, client_as: Any) -> None:
    app = _changed_application(world)
    client = client_as(persona)
    for url in _admin_pages(app):
        response = client.get(url)
        body = response.content.decode()
        for value in (NAME, ID, PHONE, OLD_PHONE):
            assert value not in body, f"{persona} {url}: {value}"
        if persona == "admin":
            assert response.status_code == 200, url
    if persona == "admin":  # the masked values are what the superuser sees instead
        body = client.get(_admin_pages(app)[1]).content.decode()
        assert "张**" in body and "3301**********1234" in body and "138****5678" in body
        history = client.get(_admin_pages(app)[2]).content.decode()
        assert "139****2222" in history and "138****5678" in history
    assert not AccessLog.objects.exists()


def test_the_admin_cannot_change_personal_data_of_an_application(
    world: Any, client_as: Any
) -> None:
    app = application_for(world.jia)
    client = client_as("admin")
    url = reverse("admin:applications_application_change", args=[app.pk])
    form = client.get(url).context["adminform"].form
    assert not {"applicant_name", "applicant_id_number", "applicant_contact"} & set(form.fields)


def _entry(world: Any) -> AccessLog:
    app = application_for(world.jia)
    return AccessLog.objects.create(application=app, user=world.user("clerk_jia"), what="查看")


def test_the_access_log_admin_is_read_only_even_for_the_superuser(
    world: Any, client_as: Any
) -> None:
    entry = _entry(world)
    client = client_as("admin")
    change = reverse("admin:applications_accesslog_change", args=[entry.pk])
    assert client.get(change).status_code == 200  # viewing is allowed
    assert client.post(change, {"what": "改过"}).status_code == 403
    delete = reverse("admin:applications_accesslog_delete", args=[entry.pk])
    assert client.get(delete).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:applications_accesslog_add")).status_code == 403
    changelist = reverse("admin:applications_accesslog_changelist")
    response = client.post(
        changelist, {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"}
    )
    assert "delete_selected" not in client.get(changelist).content.decode()
    assert response.status_code in (200, 302)
    entry.refresh_from_db()
    assert entry.what == "查看" and AccessLog.objects.count() == 1


def test_the_access_log_is_append_only_in_code(world: Any) -> None:
    entry = _entry(world)
    entry.what = "改过"
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()
    with pytest.raises(AppendOnly):
        AccessLog.objects.all().delete()
    with pytest.raises(AppendOnly):
        AccessLog.objects.filter(pk=entry.pk).update(what="改过")
    with pytest.raises(ProtectedError):
        entry.application.delete()  # the log outlives any attempt to delete its application
    assert AccessLog.objects.get().what == "查看"


# Every place an application's personal data can appear, × every persona: the full data is
# shown exactly where the persona may see it (the agency's own clerk and reviewer, on the
# pages made for it), and each such showing adds one entry to the access log.
PLACES = {
    "list": lambda app: reverse("applications:list"),
    "detail": lambda app: reverse("applications:detail", args=[app.pk]),
    "personal": lambda app: reverse("applications:personal", args=[app.pk]),
    "attachment": lambda app: reverse("applications:attachment", args=[app.pk]),
    "notice": lambda app: reverse("applications:notice", args=[app.pk]) + "?kind=receipt",
    "admin list": lambda app: reverse("admin:applications_application_changelist"),
    "admin change": lambda app: reverse("admin:applications_application_change", args=[app.pk]),
    "admin history": lambda app: reverse("admin:applications_application_history", args=[app.pk]),
}
FULL = {"personal", "attachment", "notice"}
STAFF = {"clerk_jia", "reviewer_jia"}


def _text(response: Any) -> str:
    if response.get("Content-Type", "").startswith(DOCX):
        document = Document(BytesIO(response.content))
        return "\n".join(p.text for p in document.paragraphs)
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_role_in_each_place(
    persona: str, place: str, world: Any, client_as: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    app = application_for(world.jia)
    app.attachment.save("申请书.txt", ContentFile(f"申请人 {NAME} {ID}".encode()))
    response = client_as(persona).get(PLACES[place](app))
    text = _text(response)
    shown = NAME in text
    assert shown == (persona in STAFF and place in FULL), f"{persona} {place}"
    if not shown:
        assert ID not in text and PHONE not in text, f"{persona} {place}"
    assert AccessLog.objects.filter(application=app).count() == int(shown), f"{persona} {place}"
    if shown:
        assert AccessLog.objects.get().user == world.user(persona)
