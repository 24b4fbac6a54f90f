"""In the browser, on a phone-sized screen: a member of the public finds an agency, reads its
guide, searches its catalogue, applies online, gets the number and code (and the e-mail), the
clerk sees the application in the work list with its due date, the applicant answers a 补正
online, sees the reply and downloads the notice. Every public page passes axe-core with no
serious or critical violation and weighs under 200 KB."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail

from gongkai.agencies.models import Agency
from gongkai.applications.models import Application, EventKind
from gongkai.applications.services.clocks import clocks_for
from gongkai.applications.services.notices import docx_text
from gongkai.applications.services.workflow import decide, record_event
from gongkai.site.demo import load_demo

from .browsing import ARTIFACTS, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Axe()
PAGE_WEIGHT_LIMIT = 200 * 1024
WEIGHT_JS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const parts = performance.getEntriesByType('resource');
  return [nav, ...parts].reduce((sum, e) => sum + (e.decodedBodySize || 0), 0);
}"""


def _check_page(page: Any, where: str) -> None:
    """axe-core: no serious or critical violation; and the page with its CSS under 200 KB."""
    results = AXE.run(page)
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, f"{where}: " + "; ".join(f"{v['id']}: {v['help']}" for v in bad)
    weight = page.evaluate(WEIGHT_JS)
    assert 0 < weight < PAGE_WEIGHT_LIMIT, f"{where}: {weight} bytes"


def test_the_public_finds_applies_corrects_and_downloads(
    transactional_db: None, live_server: Any, page: Any
) -> None:
    load_demo()
    agency = Agency.objects.get(code="demo-beibaixiang")
    base = live_server.url
    page.set_viewport_size({"width": 375, "height": 812})

    # find the agency and read its guide
    page.goto(f"{base}/gk/")
    _check_page(page, "index")
    page.get_by_role("link", name="北白象镇人民政府").click()
    page.wait_for_load_state()
    assert "政府信息公开工作机构（办公室）" in page.locator("main").inner_text()
    _check_page(page, "guide")

    # search the catalogue, open an item
    page.get_by_role("link", name="公开目录", exact=True).click()
    page.get_by_label("关键词").fill("公共预算收入")
    page.get_by_role("button", name="检索").click()
    page.wait_for_load_state()
    assert "共 1 条" in page.locator("main").inner_text()
    _check_page(page, "catalogue")
    page.get_by_role("link", name="北白象镇2026年财政预算").click()
    page.wait_for_load_state()
    assert "一般公共预算收入" in page.locator("main").inner_text()
    _check_page(page, "item")

    # apply: first with nothing filled in, then properly
    page.goto(f"{base}/gk/{agency.pk}/apply/")
    _check_page(page, "apply")
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_load_state()
    assert page.get_by_text("请描述申请公开的政府信息").is_visible()
    _check_page(page, "apply with errors")
    page.get_by_label("自然人（公民）").check()
    page.get_by_label("姓名", exact=True).fill("赵公开")
    page.locator("#id_id_number").fill("11010519491231002X")
    page.get_by_label("联系电话（必填）").fill("13900002222")
    page.get_by_label("电子邮箱（必填）").fill("zhao@example.org")
    page.locator("#id_description").fill("2026年北白象镇农村道路养护经费的使用情况")
    page.get_by_label("电子（电子邮件发送）").check()
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_selector("#tracking-number")
    number = page.locator("#tracking-number").inner_text()
    code = page.locator("#access-code").inner_text()
    _check_page(page, "applied")
    assert len(mail.outbox) == 1 and number in mail.outbox[0].body and code in mail.outbox[0].body

    # the clerk's work list: the application, its nearest clock
    application = Application.objects.get(online__tracking_number=number)
    assert application.received == dt.date.today() and application.channel == "online"
    clocks = clocks_for(application)
    login(page, base, "clerk")
    page.goto(f"{base}/applications/")
    row = page.locator("tr", has=page.get_by_role("link", name=application.number))
    assert str(clocks.correction_notice_due.date) in row.inner_text()
    clerk = application.handler or _user("clerk")
    today = dt.date.today()
    record_event(
        application,
        EventKind.CORRECTION_REQUESTED,
        today,
        by=clerk,
        reason="请写明具体的道路名称",
        data={"days": 10, "unit": "working_days"},
    )

    # the applicant tracks it and answers the 补正 online
    page.context.clear_cookies()
    page.goto(f"{base}/gk/track/")
    page.get_by_label("查询号").fill(number)
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询").click()
    page.wait_for_selector("#state")
    assert page.locator("#state").inner_text() == "需补正"
    assert "请写明具体的道路名称" in page.locator("main").inner_text()
    _check_page(page, "tracked")
    page.get_by_label("补正内容").fill("北白象镇沿江路、镇中路")
    page.get_by_role("button", name="提交补正").click()
    page.wait_for_selector("#state")
    assert page.locator("#state").inner_text() == "已补正"
    restarted = clocks_for(application).due
    assert restarted is not None and str(restarted) in page.locator("#due").inner_text()

    # the clerk replies; the applicant sees it and downloads the notice
    record_event(application, EventKind.ACCEPTED, today, by=clerk)
    decide(application, "granted", today, "予以公开，见所附经费使用明细。", by=clerk)
    page.reload()
    assert page.locator("#state").inner_text() == "已答复"
    with page.expect_download() as download:
        page.get_by_role("link", name="答复告知书（Word）").click()
    text = docx_text(Path(download.value.path()).read_bytes())
    assert "予以公开，见所附经费使用明细。" in text and "北白象镇人民政府" in text
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "portal-tracked.png"), full_page=True)


def _user(username: str) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)
