"""A clerk handles an application in the browser, from registration to the 部分公开 reply."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from gongkai.applications.demo import load_demo_applications
from gongkai.applications.models import Application
from gongkai.applications.services.clocks import clocks_for
from gongkai.applications.services.notices import docx_text
from gongkai.applications.services.statistics import part_three
from gongkai.site.demo import load_demo

from .browsing import ARTIFACTS, login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _event(tab: Any, kind: str, **fields: str) -> None:
    form = tab.locator("#event-form")
    form.locator("#id_kind").select_option(kind)
    for name, value in fields.items():
        form.locator(f"#id_{name}").fill(value)
    form.get_by_role("button", name="登记办理事项").click()
    tab.wait_for_load_state()
    assert tab.locator(".messages").inner_text().startswith("已登记"), tab.content()[-2000:]


def test_clerk_handles_an_application(live_server: Any, page: Any) -> None:
    load_demo()
    load_demo_applications()  # 北白象镇's 2026 demo cases fill the work list
    url = live_server.url
    ARTIFACTS.mkdir(exist_ok=True)
    login(page, url, "clerk")
    page.get_by_role("navigation").get_by_role("link", name="依申请公开").click()
    page.get_by_role("link", name="登记新申请").click()
    page.select_option("#id_channel", "online")
    page.select_option("#id_applicant_type", "natural_person")
    page.fill("#id_applicant_name", "周明")
    page.fill("#id_applicant_id_number", "330382198805061234")
    page.fill("#id_applicant_contact", "13900001111")
    page.fill("#id_request", "白象村旧村改造补偿标准")
    page.screenshot(path=str(ARTIFACTS / "applications-register.png"), full_page=True)
    page.get_by_role("button", name="登记", exact=True).click()
    page.wait_for_url(re.compile(r"/applications/\d+/$"))
    assert "周**" in page.locator("#applicant").inner_text()
    detail = page.url

    _event(page, "correction_requested", reason="请写明具体村名及年份", days="10")
    _event(page, "correction_received", reason="申请人已补正")
    _event(page, "accepted")
    logout(page)
    login(page, url, "reviewer")
    page.goto(detail)
    _event(page, "extension_approved", reason="需调阅多个村的档案", days="20")
    app = Application.objects.get(applicant_name="周明")
    clocks = clocks_for(app)
    assert page.locator("#extended-due").inner_text() == str(clocks.extended_due)
    assert page.locator("#state").inner_text() == "延期"
    logout(page)

    login(page, url, "clerk")
    page.goto(detail)
    form = page.locator("#decide-form")
    form.locator("#id_outcome").select_option("partial")
    form.locator("#id_reasons").fill("补偿标准予以公开；涉及个人信息的部分不予公开。")
    form.get_by_role("button", name="作出答复").click()
    page.wait_for_load_state()
    assert page.locator("#state").inner_text() == "已答复"
    page.screenshot(path=str(ARTIFACTS / "applications-detail.png"), full_page=True)
    with page.expect_download() as info:
        page.get_by_role("link", name="下载政府信息公开申请答复书（部分公开）（.docx）").click()
    text = docx_text(Path(info.value.path()).read_bytes())
    assert "部分公开" in text and "第三十七条" in text and "周明" in text
    assert "应当先申请行政复议" in text  # 部分公开 since 2024: 复议前置 by default

    page.get_by_role("navigation").get_by_role("link", name="依申请公开").click()
    page.screenshot(path=str(ARTIFACTS / "applications-worklist.png"), full_page=True)
    page.goto(f"{url}/applications/agency/{app.agency_id}/part-three/?year={app.received.year}")
    cells = part_three(app.agency, app.received.year)
    assert cells["apply.partial.natural_person"] == 2  # the demo's one and ours
    row = page.locator('tr[data-row="partial"] td')
    assert row.nth(0).inner_text() == "2" and row.nth(6).inner_text() == "2"
    new = page.locator('tr[data-row="new"] td')
    assert new.nth(6).inner_text() == str(cells["apply.new.total"])
    page.screenshot(path=str(ARTIFACTS / "applications-part-three.png"), full_page=True)
