"""In the browser, on a phone-sized screen: an applicant signs up (a weak password first),
applies with the e-mail pre-filled, finds the application under 我的申请 and opens its status
page without the code, and logs out. Each account page passes axe-core (no serious or
critical violation) and runs under the site's CSP (no inline script or style to break)."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.agencies.models import Agency
from gongkai.portal.models import OnlineRequest

from .factories.agencies import AgencyFactory
from .test_portal_browser import _check_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_applicant_signs_up_applies_and_finds_it(
    transactional_db: None, live_server: Any, page: Any
) -> None:
    agency = AgencyFactory(name="甲镇人民政府", kind=Agency.Kind.GOVERNMENT, code="jia")
    base = live_server.url
    page.set_viewport_size({"width": 375, "height": 812})
    violations: list[str] = []
    page.on(
        "console", lambda m: violations.append(m.text) if "Content Security" in m.text else None
    )

    page.goto(f"{base}/gk/")
    page.get_by_role("link", name="我的申请").click()  # not logged in: the login page
    page.wait_for_load_state()
    _check_page(page, "login")
    page.get_by_role("link", name="注册").click()
    page.wait_for_load_state()
    _check_page(page, "signup")
    page.get_by_label("电子邮箱").fill("wang@example.org")
    page.get_by_label("密码（必填）", exact=True).fill("12345678")
    page.get_by_label("再次输入密码").fill("12345678")
    page.get_by_role("button", name="注册").click()
    page.wait_for_load_state()
    assert "这个密码太常见，容易被猜中，请换一个" in page.locator("main").inner_text()
    page.get_by_label("密码（必填）", exact=True).fill("huang-he-liu-2026")
    page.get_by_label("再次输入密码").fill("huang-he-liu-2026")
    page.get_by_role("button", name="注册").click()
    page.wait_for_url(f"{base}/gk/account/")
    _check_page(page, "my applications (empty)")

    page.goto(f"{base}/gk/{agency.pk}/apply/")
    assert page.get_by_label("电子邮箱（必填）").input_value() == "wang@example.org"
    page.get_by_label("自然人（公民）").check()
    page.get_by_label("姓名", exact=True).fill("王小明")
    page.locator("#id_id_number").fill("11010519491231002X")
    page.get_by_label("联系电话（必填）").fill("13900001111")
    page.locator("#id_description").fill("2025年本镇道路维修工程的招标文件")
    page.get_by_label("电子（电子邮件发送）").check()
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url(f"{base}/gk/applied/")
    number = page.locator("#tracking-number").inner_text()

    page.get_by_role("link", name="我的申请").click()
    page.wait_for_load_state()
    _check_page(page, "my applications")
    row = page.locator("#my-applications tbody tr")
    assert row.count() == 1 and "甲镇人民政府" in row.inner_text() and "已登记" in row.inner_text()
    page.get_by_role("link", name=number).click()
    page.wait_for_load_state()
    assert number in page.locator("main").inner_text() and "办理经过" in page.content()
    assert OnlineRequest.objects.get().account is not None

    page.goto(f"{base}/gk/account/")
    page.get_by_role("button", name="退出登录").click()
    page.wait_for_url(f"{base}/gk/")
    page.goto(f"{base}/gk/account/")
    assert page.url == f"{base}/gk/account/login/"
    assert violations == []
