"""The demo world: idempotent, and its logins see what they should."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

from gongkai.accounts.models import Membership
from gongkai.accounts.permissions import agencies_visible_to, can_edit_agency_data
from gongkai.agencies.models import Agency
from gongkai.site.demo import PASSWORD

pytestmark = pytest.mark.django_db

SEED_AGENCIES = {
    "北白象镇人民政府", "崔桥镇人民政府", "英林镇人民政府", "乐清市机关事务管理中心", "永安市小陶镇人民政府",
}  # fmt: skip


def _run() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_load_demo_prints_logins_and_is_idempotent() -> None:
    first = _run()
    counts = (Agency.objects.count(), Membership.objects.count(), get_user_model().objects.count())
    history = Agency.history.count()
    assert _run() == first
    assert counts == (
        Agency.objects.count(), Membership.objects.count(), get_user_model().objects.count(),
    )  # fmt: skip
    assert Agency.history.count() == history, "a second run must not add audit noise"
    for username in ("clerk", "reviewer", "supervisor", "admin"):
        assert f"{username}" in first and PASSWORD in first
        login = RequestFactory().post("/accounts/login/")  # django-axes needs the request
        assert authenticate(login, username=username, password=PASSWORD) is not None


def test_demo_supervisor_sees_all_five_seed_agencies_and_clerk_only_hers() -> None:
    _run()
    users = get_user_model().objects
    supervisor_sees = {a.name for a in agencies_visible_to(users.get(username="supervisor"))}
    assert supervisor_sees >= SEED_AGENCIES
    clerk = users.get(username="clerk")
    assert [a.name for a in agencies_visible_to(clerk)] == ["北白象镇人民政府"]
    assert can_edit_agency_data(clerk, Agency.objects.get(name="北白象镇人民政府"))
    county_sees = {a.name for a in agencies_visible_to(users.get(username="county"))}
    assert county_sees == {"乐清市人民政府", "北白象镇人民政府", "乐清市机关事务管理中心"}
