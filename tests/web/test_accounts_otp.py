"""Optional TOTP (动态口令) for supervisors and administrators, enforced on the site and /admin/.

The clock is frozen and moved by hand: django-otp accepts each token once (a later time step is
needed after enrolment) and slows down guessing after a wrong token."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from .factories.accounts import PASSWORD

STEP = 31  # seconds: the next TOTP time step, and past django-otp's 1 s throttle delay


@pytest.fixture
def clock() -> Iterator[Any]:
    with time_machine.travel("2026-11-02 09:00 +0800", tick=False) as traveller:
        yield traveller


def _token(device: TOTPDevice) -> str:
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def _wrong(device: TOTPDevice) -> str:
    return "000000" if _token(device) != "000000" else "111111"


def _enrol(client: Client, user: Any, clock: Any) -> TOTPDevice:
    setup = reverse("accounts:otp_setup")
    page = client.get(setup)
    assert page.status_code == 200
    assert "<svg" in page.content.decode() and 'id="otp-secret"' in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    bad = client.post(setup, {"token": _wrong(device)})
    assert bad.status_code == 400 and "动态口令不正确" in bad.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    clock.shift(STEP)
    assert client.post(setup, {"token": _token(device)}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    clock.shift(STEP)
    return device


@pytest.mark.parametrize("persona", ["clerk_jia", "reviewer_jia", "outsider"])
def test_only_supervisors_and_admins_may_enrol(persona: str, world: Any, client_as: Any) -> None:
    assert client_as(persona).get(reverse("accounts:otp_setup")).status_code == 403
    assert not TOTPDevice.objects.exists()


def _password_login(page: str, username: str) -> Client:
    client = Client()
    response = client.post(reverse(page), {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


@pytest.mark.parametrize(
    ("persona", "page", "target"),
    [
        ("county_supervisor", "login", "dashboard:index"),
        ("admin", "login", "home"),
        ("admin", "admin:login", "admin:index"),
    ],
)
def test_once_enrolled_every_login_asks_for_a_token(
    persona: str, page: str, target: str, world: Any, client_as: Any, clock: Any
) -> None:
    enrolling = client_as(persona)
    device = _enrol(enrolling, world.user(persona), clock)
    assert enrolling.get(reverse(target)).status_code == 200, "the enrolling session is verified"

    client = _password_login(page, persona)
    verify = reverse("accounts:otp_verify")
    for url in (reverse(target), reverse("admin:index"), reverse("applications:list")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(verify), url
    wrong = client.post(verify, {"token": _wrong(device), "next": reverse(target)})
    assert wrong.status_code == 400 and "动态口令不正确" in wrong.content.decode()
    clock.shift(STEP)
    ok = client.post(verify, {"token": _token(device), "next": reverse(target)})
    assert ok.status_code == 302 and ok["Location"] == reverse(target)
    assert client.get(reverse(target)).status_code == 200


def test_without_a_device_nothing_changes(world: Any) -> None:
    client = _password_login("admin:login", "admin")
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("accounts:otp_verify")).status_code == 302


def test_turning_it_off_takes_a_token(world: Any, client_as: Any, clock: Any) -> None:
    client = client_as("county_supervisor")
    device = _enrol(client, world.user("county_supervisor"), clock)
    setup = reverse("accounts:otp_setup")
    assert "otp-enabled" in client.get(setup).content.decode()
    assert client.post(setup, {"token": _wrong(device)}).status_code == 200
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    clock.shift(STEP)
    assert client.post(setup, {"token": _token(device)}).status_code == 302
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get(reverse("home")).status_code == 200


def test_the_verify_page_refuses_foreign_redirects(world: Any, client_as: Any, clock: Any) -> None:
    device = _enrol(client_as("county_supervisor"), world.user("county_supervisor"), clock)
    other = _password_login("login", "county_supervisor")
    response = other.post(
        reverse("accounts:otp_verify"), {"token": _token(device), "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("home")
