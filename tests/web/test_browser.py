"""What a person does in the browser, with Playwright driving Debian's chromium.

These run in ``make test``. Without chromium they FAIL (never skip): a missing browser is a broken
test machine, not a reason to ship untested pages. Install it with scripts/system-packages.sh.
"""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.site.demo import PASSWORD, load_demo

from .browsing import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db: None) -> None:
    load_demo()


def test_demo_clerk_logs_in_and_sees_her_agency_in_chinese(
    demo: None, live_server: Any, page: Any
) -> None:
    page.goto(live_server.url + "/")
    assert page.url.startswith(live_server.url + "/accounts/login/")
    assert page.locator("h1").inner_text() == "登录"

    page.fill("#id_username", "clerk")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(live_server.url + "/")

    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert page.locator("h1").inner_text() == "我的机关"
    body = page.locator("main").inner_text()
    assert "北白象镇人民政府" in body and "经办人" in body
    assert "英林镇人民政府" not in body, "a clerk must not see another agency"
    stylesheet = page.evaluate(
        "getComputedStyle(document.querySelector('.masthead')).borderBottomStyle"
    )
    assert stylesheet == "solid", "the local stylesheet did not load"

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home-clerk.png"), full_page=True)

    page.get_by_role("button", name="退出").click()
    page.wait_for_url(f"{live_server.url}/accounts/login/")


def test_supervisor_sees_the_demo_tree(demo: None, live_server: Any, page: Any) -> None:
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", "supervisor")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(live_server.url + "/")
    body = page.locator("main").inner_text()
    for name in (
        "北白象镇人民政府",
        "崔桥镇人民政府",
        "英林镇人民政府",
        "乐清市机关事务管理中心",
        "永安市小陶镇人民政府",
    ):
        assert name in body
    page.get_by_role("link", name="英林镇人民政府").click()
    assert page.locator("h1").inner_text() == "英林镇人民政府"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "agency-supervisor.png"), full_page=True)
