"""In the browser: a clerk drafts an item, reviewers step through the chain, it is published."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.agencies.models import Agency
from gongkai.site.demo import load_demo

from .browsing import ARTIFACTS, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _step(page: Any, button: str, opinion: str = "") -> None:
    form = page.locator("form.step", has=page.get_by_role("button", name=button))
    if opinion:
        form.locator("textarea").fill(opinion)
    form.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def test_clerk_drafts_and_the_chain_publishes(
    transactional_db: None,
    live_server: Any,
    page: Any,
) -> None:
    load_demo()
    agency = Agency.objects.get(code="demo-beibaixiang")
    base = live_server.url
    login(page, base, "clerk")
    page.goto(f"{base}/disclosures/agency/{agency.pk}/new/")
    page.fill("#id_title", "北白象镇2026年秋季征兵公告")
    page.fill("#id_formed_on", "2026-11-16")
    page.select_option("#id_category", label="人事信息")
    page.select_option("#id_article_item", value="15")
    page.get_by_label("政府网站").check()
    page.get_by_role("button", name="保存").click()
    page.wait_for_selector("#status")
    item_url = page.url
    assert page.locator("#status").inner_text() == "草稿"
    _step(page, "提交审核")
    login(page, base, "reviewer")
    page.goto(item_url)
    _step(page, "科室负责人意见", "内容属实，同意公开。")
    login(page, base, "clerk")
    page.goto(item_url)
    _step(page, "保密审查", "不涉及国家秘密。")
    login(page, base, "reviewer")
    page.goto(item_url)
    _step(page, "领导审批", "同意。")
    page.fill("#published-on", "2026-11-23")
    page.get_by_role("button", name="发布").click()
    page.wait_for_load_state()
    assert page.locator("#status").inner_text() == "已公开"
    assert page.locator("#steps tr").count() == 6  # header + 5 steps
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "disclosure-published.png"), full_page=True)
