"""End to end in the browser: a clerk uploads a report, sees the contradiction, corrects it;
the supervisor sees every agency and the aggregate. Playwright + Debian chromium, live server."""

from __future__ import annotations

import re
from typing import Any

import pytest

from gongkai.site.demo import load_demo

from .browsing import ARTIFACTS, login
from .factories.reports import SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db: None, settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    load_demo()


def test_clerk_uploads_corrects_and_supervisor_sees_the_sum(
    demo: None,
    live_server: Any,
    page: Any,
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server.url, "clerk")
    page.get_by_role("link", name="年度报告").first.click()
    page.get_by_role("link", name="上传报告").click()
    seed = next(SEEDS.glob("004_*.txt"))
    page.set_input_files("#id_files", str(seed))
    page.get_by_role("button", name="上传并核验").click()
    assert "已导入" in page.locator("#outcomes").inner_text()
    page.screenshot(path=str(ARTIFACTS / "reports-upload.png"), full_page=True)

    page.get_by_role("link", name="查看报告").click()
    findings = page.locator("#findings").inner_text()
    assert "正文前后矛盾" in findings and "14" in findings and "16" in findings
    assert page.locator("#report-status").inner_text() == "有错误"
    mark = page.locator("article mark.finding-error").first
    assert "14" in mark.inner_text()
    page.screenshot(path=str(ARTIFACTS / "report-findings.png"), full_page=True)

    page.locator("summary", has_text="更正正文").click()
    page.select_option("#pick-section", "overview")
    page.get_by_role("button", name="载入正文").click()
    text = page.input_value("#id_text")
    page.fill("#id_text", re.sub(r"全年主动公开信息\s*14\s*条", "全年主动公开信息16条", text))
    page.fill("#section-reason", "与表二核对，全年主动公开16条")
    page.get_by_role("button", name="保存正文").click()
    page.wait_for_url(re.compile(r".*/reports/\d+/$|.*#findings$"))
    assert "正文已更正" in page.locator(".messages").inner_text()
    assert "正文前后矛盾" not in page.locator("#findings").inner_text()
    assert page.locator("#report-status").inner_text() in {"无问题", "已导入（有提示）"}
    page.screenshot(path=str(ARTIFACTS / "report-corrected.png"), full_page=True)
    page.get_by_role("button", name="退出").click()

    login(page, live_server.url, "supervisor")
    page.get_by_role("link", name="统计看板").first.click()
    page.get_by_role("link", name="国务院办公厅政府信息与政务公开办公室").click()
    table = page.locator("table.agencies").inner_text()
    for name in (
        "北白象镇人民政府",
        "崔桥镇人民政府",
        "英林镇人民政府",
        "乐清市机关事务管理中心",
        "永安市小陶镇人民政府",
    ):
        assert name in table
    assert "5/14 已上传" in page.locator("#agencies h2").inner_text()
    assert page.locator("#aggregate article.gongkai-report").count() == 1
    page.wait_for_selector("#chart-outcome svg")
    page.screenshot(path=str(ARTIFACTS / "dashboard-supervisor.png"), full_page=True)
