"""The browser the UI tests drive: Debian's chromium through Playwright, and the steps every
scenario shares (log in, log out). Without chromium the tests FAIL (never skip): a missing browser
is a broken test machine, not a reason to ship untested pages (scripts/system-packages.sh)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gongkai.site.demo import PASSWORD

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def page(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "Debian chromium is not installed (no `chromium` on PATH); the browser tests need it: "
            "apt-get install chromium (scripts/system-packages.sh). Never `playwright install`."
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM work is all done before.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser.new_page(locale="zh-CN")
        finally:
            browser.close()


def login(tab: Any, base: str, username: str) -> None:
    """Log in as a demo user (fresh cookies) and land on the home page."""
    tab.context.clear_cookies()
    tab.goto(base + "/accounts/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", PASSWORD)
    tab.get_by_role("button", name="登录").click()
    tab.wait_for_url(base + "/")


def logout(tab: Any) -> None:
    tab.get_by_role("button", name="退出").click()
