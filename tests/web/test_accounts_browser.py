"""Accounts in the browser: the lockout page, changing one's password, enrolling 动态口令."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.site.demo import PASSWORD, load_demo

from .browsing import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NEW = "新的-密码-2026-gongkai"


@pytest.fixture
def demo(transactional_db: None) -> None:
    load_demo()


def _try(tab: Any, base: str, username: str, password: str) -> None:
    tab.goto(base + "/accounts/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", password)
    tab.get_by_role("button", name="登录").click()


def test_wrong_passwords_lock_the_login_with_a_chinese_page(
    demo: None, live_server: Any, page: Any
) -> None:
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        _try(page, live_server.url, "clerk", f"wrong-{attempt}")
        assert "用户名或密码不正确" in page.locator("main").inner_text()
    _try(page, live_server.url, "clerk", "wrong-last")
    _try(page, live_server.url, "clerk", PASSWORD)
    assert page.locator("h1").inner_text() == "登录已暂停"
    assert "找回密码" in page.locator("#locked-out ~ p").inner_text()


def test_a_clerk_changes_her_password_from_the_top_bar(
    demo: None, live_server: Any, page: Any
) -> None:
    login(page, live_server.url, "clerk")
    page.locator("#nav-account").click()
    page.fill("#id_old_password", PASSWORD)
    page.fill("#id_new_password1", NEW)
    page.fill("#id_new_password2", NEW)
    page.get_by_role("button", name="修改密码").click()
    assert page.locator("h1").inner_text() == "密码已修改"
    logout(page)
    _try(page, live_server.url, "clerk", NEW)
    page.wait_for_url(live_server.url + "/")


def test_the_supervisor_enrols_and_then_logs_in_with_a_token(
    demo: None, live_server: Any, page: Any
) -> None:
    login(page, live_server.url, "supervisor")
    page.goto(live_server.url + "/accounts/otp/")
    assert page.locator("#otp-qr svg").is_visible()
    device = TOTPDevice.objects.get(user__username="supervisor")
    page.fill("#id_token", f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="启用").click()
    assert page.locator("#otp-enabled").is_visible()
    logout(page)
    _try(page, live_server.url, "supervisor", PASSWORD)
    assert page.locator("h1").inner_text() == "输入动态口令"
    page.goto(live_server.url + "/admin/")
    assert page.locator("h1").inner_text() == "输入动态口令"
