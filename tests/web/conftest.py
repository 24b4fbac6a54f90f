"""Fixed personas across agencies, like healthchecks' alice/bob/charlie.

某县人民政府 (county)        ← supervisor: 县主管 sees the county, 甲镇 and 乙镇
├── 甲镇人民政府 (jia)       ← 甲镇经办 (clerk), 甲镇审核 (reviewer)
└── 乙镇人民政府 (yi)        ← 乙镇经办 (clerk)
other: 无角色 (no membership), 系统管理员 (superuser), anonymous
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from gongkai.accounts.models import Role
from gongkai.agencies.models import Agency

from .browsing import page  # noqa: F401  (the chromium fixture of the browser tests)
from .factories.accounts import MembershipFactory, UserFactory
from .factories.agencies import AgencyFactory

PERSONAS = (
    "clerk_jia",
    "clerk_yi",
    "reviewer_jia",
    "county_supervisor",
    "outsider",
    "admin",
    "anonymous",
)


@dataclass
class World:
    county: Agency
    jia: Agency
    yi: Agency
    users: dict[str, Any]

    def user(self, persona: str) -> Any:
        return self.users[persona]


@pytest.fixture
def world(db: None) -> World:
    county = AgencyFactory(name="某县人民政府", kind=Agency.Kind.GOVERNMENT, code="county")
    jia = AgencyFactory(name="甲镇人民政府", parent=county, code="jia")
    yi = AgencyFactory(name="乙镇人民政府", parent=county, code="yi")
    users = {
        "clerk_jia": MembershipFactory(
            user__username="clerk_jia", agency=jia, role=Role.CLERK
        ).user,
        "clerk_yi": MembershipFactory(user__username="clerk_yi", agency=yi, role=Role.CLERK).user,
        "reviewer_jia": MembershipFactory(
            user__username="reviewer_jia", agency=jia, role=Role.REVIEWER
        ).user,
        "county_supervisor": MembershipFactory(
            user__username="county_supervisor", agency=county, role=Role.SUPERVISOR
        ).user,
        "outsider": UserFactory(username="outsider"),
        "admin": UserFactory(username="admin", is_staff=True, is_superuser=True),
        "anonymous": AnonymousUser(),
    }
    return World(county=county, jia=jia, yi=yi, users=users)


@pytest.fixture
def client_as(client: Any, world: World) -> Any:
    """``client_as("clerk_jia")``: the test client logged in as that persona (or anonymous)."""

    def login(persona: str) -> Any:
        user = world.user(persona)
        if user.is_authenticated:
            client.force_login(user)
        return client

    return login


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> Any:
    """pytest-django's test database, and at the end, on PostgreSQL, the sessions still open on
    it closed first: a live server's request threads can outlive their test, and PostgreSQL will
    not drop a database that anyone is connected to."""
    yield
    from django.db import connection

    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
