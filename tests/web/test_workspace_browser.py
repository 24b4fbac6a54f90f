"""End to end in the browser: a year of demo activity → the compiled report → a change in the
records changes it → submitted → approved by the 负责人 → published → the public page and its
Word/PDF exports, which read back unchanged. Playwright + Debian chromium, live server."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from gongkai.applications.models import Application
from gongkai.applications.services.workflow import decide
from gongkai.report.jsonio import report_from_dict
from gongkai.report.parse import read_report
from gongkai.workspace.demo import load_demo_workspace
from gongkai.workspace.models import Workspace

from .browsing import ARTIFACTS, login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PETITION = "apply.not_processed.petition.total"


@pytest.fixture
def demo(transactional_db: None, settings: Any, tmp_path: Any) -> Workspace:
    settings.MEDIA_ROOT = tmp_path
    return load_demo_workspace()


def _cell(p: Any, key: str) -> str:
    return p.locator(f'td[data-key="{key}"]').first.inner_text().strip()


def _answer_the_petition_application() -> None:
    """The clerk answers an open demo application: 不予处理 · 信访举报投诉类申请."""
    app = Application.objects.get(request__endswith="2026年第三季度信访件办理情况")
    clerk = get_user_model().objects.get(username="clerk")
    decide(app, "not_processed.petition", dt.date(2026, 10, 21), "属于信访事项", by=clerk)


def test_compile_approve_publish_and_export(
    demo: Workspace,
    live_server: Any,
    page: Any,
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server.url, "clerk")
    page.get_by_role("link", name="报告工作台").first.click()
    page.get_by_role("link", name="北白象镇人民政府").click()
    assert page.locator("#workspace-status").inner_text() == "草稿"
    assert page.locator("#no-findings").is_visible()
    assert _cell(page, "apply.new.total") == "8" and _cell(page, PETITION) == "0"
    page.screenshot(path=str(ARTIFACTS / "workspace-compiled.png"), full_page=True)

    _answer_the_petition_application()  # a change in the records …
    page.get_by_role("button", name="重新生成正文初稿").click()
    page.wait_for_url(re.compile(r".*/workspace/\d+/#findings$"))
    assert _cell(page, PETITION) == "1", "… changes the report"
    assert _cell(page, "apply.carried_out.total") == "3"
    assert "本年度办结5件" in page.locator("section.paper").inner_text()
    assert page.locator("#no-findings").is_visible()

    page.get_by_role("button", name="提交审核").click()
    assert page.locator("#workspace-status").inner_text() == "已提交，待负责人审核"
    assert page.locator("#narrative").count() == 0, "locked once submitted"
    logout(page)

    login(page, live_server.url, "reviewer")
    page.goto(f"{live_server.url}/workspace/{demo.pk}/")
    page.fill("#id_comment", "数据核对无误，同意公开。")
    page.get_by_role("button", name="审核通过").click()
    assert page.locator("#workspace-status").inner_text() == "已审核通过，待发布"
    page.screenshot(path=str(ARTIFACTS / "workspace-approved.png"), full_page=True)
    page.get_by_role("button", name="公开发布").click()
    page.wait_for_url(f"{live_server.url}/annual-reports/{demo.pk}/")
    logout(page)

    page.goto(f"{live_server.url}/annual-reports/{demo.pk}/")  # anonymous, no login
    assert "北白象镇人民政府2026年政府信息公开工作年度报告" in page.locator("main").inner_text()
    assert _cell(page, PETITION) == "1"
    page.screenshot(path=str(ARTIFACTS / "workspace-published.png"), full_page=True)
    demo.refresh_from_db()
    published = report_from_dict(demo.snapshot)
    assert published.findings == [], "zero findings in the published report"
    for label, kind in (("Word", "docx"), ("PDF", "pdf")):
        with page.expect_download() as info:
            page.locator("#downloads").get_by_role("link", name=label).click()
        data = Path(info.value.path()).read_bytes()
        back = read_report(data, f"report.{kind}")
        assert back.cells == published.cells, f"{kind} export reads back differently"
        assert back.sections == published.sections, f"{kind} narrative reads back differently"

    login(page, live_server.url, "county")
    page.get_by_role("link", name="统计看板").first.click()
    page.get_by_role("link", name="乐清市人民政府").click()
    page.goto(page.url.split("?")[0] + "?year=2026")
    row = page.locator("#agencies tr", has_text="北白象镇人民政府").inner_text()
    assert "已公开" in row
    page.screenshot(path=str(ARTIFACTS / "workspace-dashboard.png"), full_page=True)
