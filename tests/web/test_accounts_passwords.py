"""Password change for every signed-in user; password reset by e-mail, end to end."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from .factories.accounts import PASSWORD

NEW = "新的-密码-2026-gongkai"


@pytest.mark.parametrize("persona", ["clerk_jia", "county_supervisor", "outsider", "admin"])
def test_every_user_changes_their_password(persona: str, world: Any, client_as: Any) -> None:
    client = client_as(persona)
    assert "修改密码" in client.get(reverse("home")).content.decode()  # the nav link
    url = reverse("accounts:password_change")
    page = client.get(url)
    assert page.status_code == 200 and "旧密码" in page.content.decode()
    wrong = client.post(url, {"old_password": "x", "new_password1": NEW, "new_password2": NEW})
    assert wrong.status_code == 200 and "旧密码不正确" in wrong.content.decode()
    response = client.post(
        url, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_change_done")
    assert client.get(reverse("home")).status_code == 200, "the session survives the change"
    assert _posted_login(persona, PASSWORD).status_code == 200  # the old password is refused
    assert _posted_login(persona, NEW).status_code == 302


def _posted_login(username: str, password: str) -> Any:
    return Client().post(reverse("login"), {"username": username, "password": password})


def test_a_weak_new_password_is_refused_in_chinese(world: Any, client_as: Any) -> None:
    client = client_as("clerk_jia")
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    assert "密码" in response.content.decode() and "常见" in response.content.decode()


def test_password_reset_by_email_end_to_end(world: Any) -> None:
    user = world.user("clerk_jia")
    user.email = "clerk@jia.example.gov.cn"
    user.save()
    client = Client()
    assert "忘记密码" in client.get(reverse("login")).content.decode()
    response = client.post(reverse("accounts:password_reset"), {"email": user.email})
    assert response["Location"] == reverse("accounts:password_reset_done")
    (message,) = mail.outbox
    assert message.to == [user.email] and "重设" in message.subject
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", message.body)
    assert link, message.body
    form = client.get(link.group(1), follow=True)
    assert "设置新密码" in form.content.decode() and form.context["validlink"]
    done = client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    assert done["Location"] == reverse("accounts:password_reset_complete")
    assert _posted_login("clerk_jia", NEW).status_code == 302
    again = client.get(link.group(1), follow=True)  # the link works once
    assert not again.context["validlink"] and "重设链接无效" in again.content.decode()


def test_an_unknown_address_sends_nothing_and_says_the_same(world: Any) -> None:
    response = Client().post(reverse("accounts:password_reset"), {"email": "nobody@example.com"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []
