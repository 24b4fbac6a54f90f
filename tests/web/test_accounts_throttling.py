"""Failed-login throttling (django-axes) on both login pages: the site's and the admin's."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from .factories.accounts import PASSWORD

PAGES = [("login", "clerk_jia"), ("admin:login", "admin")]


def _login(client: Client, page: str, username: str, password: str) -> Any:
    return client.post(reverse(page), {"username": username, "password": password})


@pytest.mark.parametrize(("page", "persona"), PAGES)
def test_after_the_limit_even_the_right_password_is_refused(
    page: str, persona: str, world: Any, settings: Any
) -> None:
    client = Client()
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        response = _login(client, page, persona, f"wrong-{attempt}")
        assert response.status_code in (200, 429), attempt
    response = _login(client, page, persona, PASSWORD)
    assert response.status_code == 429
    body = response.content.decode()
    assert "登录已暂停" in body and "30 分钟" in body
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("home")).status_code == 302  # still not logged in


@pytest.mark.parametrize(("page", "persona"), PAGES)
def test_fewer_failures_than_the_limit_then_the_right_password_gets_in(
    page: str, persona: str, world: Any, settings: Any
) -> None:
    client = Client()
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, page, persona, f"wrong-{attempt}").status_code == 200
    response = _login(client, page, persona, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(world.user(persona).pk)


def test_the_lock_is_per_username_and_address(world: Any, settings: Any) -> None:
    """Locking clerk_jia from one address locks neither clerk_yi there nor clerk_jia elsewhere."""
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(attacker, "login", "clerk_jia", f"wrong-{attempt}")
    assert _login(attacker, "login", "clerk_jia", PASSWORD).status_code == 429
    assert _login(attacker, "login", "clerk_yi", PASSWORD).status_code == 302
    office = Client(REMOTE_ADDR="198.51.100.7")
    assert _login(office, "login", "clerk_jia", PASSWORD).status_code == 302


def test_the_lock_ends_after_the_cool_off(world: Any, settings: Any) -> None:
    client = Client()
    with time_machine.travel("2026-11-02 09:00 +0800", tick=False) as traveller:
        for attempt in range(settings.AXES_FAILURE_LIMIT):
            _login(client, "login", "clerk_jia", f"wrong-{attempt}")
        assert _login(client, "login", "clerk_jia", PASSWORD).status_code == 429
        traveller.shift(31 * 60)
        assert _login(client, "login", "clerk_jia", PASSWORD).status_code == 302
