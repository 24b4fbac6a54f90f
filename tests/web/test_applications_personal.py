"""Applicants' personal data: masked everywhere, in full only for the agency's staff, logged."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from gongkai.applications.models import AccessLog
from gongkai.applications.models.application import mask_middle, mask_name

from .factories.applications import application_for

NAME, ID, PHONE = "张三丰", "330102199001011234", "13812345678"


def test_masks() -> None:
    assert mask_name("张三丰") == "张**"
    assert mask_name("李四") == "李**"
    assert mask_middle(ID, 4, 4) == "3301**********1234"
    assert mask_middle("123", 4, 4) == "***"


@pytest.mark.parametrize("persona", ["clerk_jia", "reviewer_jia", "county_supervisor", "admin"])
def test_lists_and_pages_show_masked_data_only(persona: str, world: Any, client_as: Any) -> None:
    app = application_for(world.jia, applicant_name=NAME, applicant_id_number=ID)
    client = client_as(persona)
    for url in (reverse("applications:list"), reverse("applications:detail", args=[app.pk])):
        body = client.get(url).content.decode()
        assert "张**" in body, url
        assert NAME not in body and ID not in body and PHONE not in body, url
    assert not AccessLog.objects.exists()


@pytest.mark.parametrize("persona", ["clerk_jia", "reviewer_jia"])
def test_staff_see_the_full_data_and_each_view_is_logged(
    persona: str, world: Any, client_as: Any
) -> None:
    app = application_for(world.jia, applicant_name=NAME, applicant_id_number=ID)
    client = client_as(persona)
    for _ in range(2):
        body = client.get(reverse("applications:personal", args=[app.pk])).content.decode()
        assert NAME in body and ID in body and PHONE in body
    log = AccessLog.objects.filter(application=app)
    assert log.count() == 2
    assert {entry.user.username for entry in log} == {persona}


@pytest.mark.parametrize(("persona", "status"), [("county_supervisor", 403), ("admin", 403)])
def test_others_who_see_the_application_get_no_personal_data(
    persona: str, status: int, world: Any, client_as: Any
) -> None:
    app = application_for(world.jia)
    response = client_as(persona).get(reverse("applications:personal", args=[app.pk]))
    assert response.status_code == status
    assert not AccessLog.objects.exists()


def test_notice_download_is_logged(world: Any, client_as: Any) -> None:
    app = application_for(world.jia)
    response = client_as("clerk_jia").get(
        reverse("applications:notice", args=[app.pk]), {"kind": "receipt"}
    )
    assert response.status_code == 200
    assert AccessLog.objects.get().what == "生成登记回执（受理通知）"
