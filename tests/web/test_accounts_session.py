"""The idle timeout: a session ends GONGKAI_SESSION_IDLE_MINUTES after the last request."""

from __future__ import annotations

from typing import Any

import time_machine
from django.urls import reverse


def test_an_active_session_lives_on_an_idle_one_ends(
    world: Any, client_as: Any, settings: Any
) -> None:
    idle = settings.SESSION_COOKIE_AGE
    assert idle == 30 * 60  # the default
    with time_machine.travel("2026-11-02 09:00 +0800", tick=False) as traveller:
        client = client_as("clerk_jia")
        home = reverse("home")
        assert client.get(home).status_code == 200
        for _ in range(4):  # two hours of work, a request every 25 minutes
            traveller.shift(25 * 60)
            assert client.get(home).status_code == 200
        traveller.shift(idle + 60)
        response = client.get(home)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
