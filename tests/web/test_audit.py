"""The audit trail records who changed what, when, from what to what, and why."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import time_machine
from django.urls import reverse

from gongkai.accounts.models import Membership, Role
from gongkai.accounts.services import grant_role, revoke_role
from gongkai.agencies.audit import changes_of
from gongkai.agencies.services import update_agency

from .factories.agencies import AgencyFactory

CREATED = datetime.fromisoformat("2021-01-04 09:00:00+08:00")
RENAMED = datetime.fromisoformat("2021-01-15 10:30:00+08:00")


def test_agency_change_records_who_when_old_new_and_why(world: Any) -> None:
    admin = world.user("admin")
    with time_machine.travel(CREATED, tick=False):
        agency = AgencyFactory(name="甲镇人民政府", parent=world.county.parent, code="jia2")
    with time_machine.travel(RENAMED, tick=False):
        update_agency(agency, name="甲镇人民政府（新）", by=admin, reason="机构更名")
    latest, created = changes_of(agency)
    assert (created.kind, created.when) == ("+", CREATED)
    assert latest.who == admin
    assert latest.when == RENAMED
    assert latest.kind == "~"
    assert latest.reason == "机构更名"
    assert [(f.field, f.old, f.new) for f in latest.fields] == [
        ("名称", "甲镇人民政府", "甲镇人民政府（新）")
    ]


def test_role_grant_and_revoke_are_recorded(world: Any) -> None:
    admin, user = world.user("admin"), world.user("outsider")
    membership = grant_role(user, world.yi, Role.REVIEWER, by=admin, reason="新任负责人")
    revoke_role(membership, by=admin, reason="调岗")
    history = Membership.history.filter(user=user).order_by("history_date")
    assert [(h.history_type, h.history_user, h.history_change_reason) for h in history] == [
        ("+", admin, "新任负责人"),
        ("-", admin, "调岗"),
    ]


def test_history_page_shows_the_change(world: Any, client_as: Any) -> None:
    update_agency(world.jia, code="JIA-001", by=world.user("admin"), reason="补录代码")
    response = client_as("clerk_jia").get(reverse("agencies:history", args=[world.jia.pk]))
    page = response.content.decode()
    assert "机构代码" in page and "JIA-001" in page and "补录代码" in page and "admin" in page


def test_admin_edits_are_attributed_to_the_admin(world: Any, client_as: Any) -> None:
    url = reverse("admin:agencies_agency_change", args=[world.yi.pk])
    data = {"name": "乙镇人民政府", "kind": "township", "parent": world.county.pk, "code": "YI-9"}
    response = client_as("admin").post(url, data)
    assert response.status_code == 302
    latest = world.yi.history.first()
    assert (latest.history_user, latest.code) == (world.user("admin"), "YI-9")
