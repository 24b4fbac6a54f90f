"""In chromium: the job page polls with htmx, shows the progress, and swaps in the result link
when the worker finishes — without a reload (the job is advanced from the test, as the worker
would)."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.jobs.models import Job

from .factories.accounts import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_job_page_shows_progress_then_the_result(world: Any, live_server: Any, page: Any) -> None:
    job = Job.objects.create(
        kind=Job.Kind.REPORT_UPLOAD,
        agency=world.jia,
        created_by=world.user("clerk_jia"),
        input_name="2020年报.docx",
        state=Job.State.RUNNING,
        progress=20,
        step="正在解析和核验",
    )
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", "clerk_jia")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(live_server.url + "/")
    page.goto(f"{live_server.url}/jobs/{job.pk}/")
    status = page.locator(f"#job-{job.pk}")
    assert "20% 正在解析和核验" in status.inner_text()
    assert page.locator("progress").get_attribute("value") == "20"

    Job.objects.filter(pk=job.pk).update(progress=60, step="正在保存")
    page.get_by_text("60% 正在保存").wait_for(timeout=10_000)
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.DONE,
        progress=100,
        result={
            "summary": "已导入 甲镇人民政府 2020年度报告",
            "url": "/reports/",
            "label": "查看报告",
        },
    )
    page.get_by_role("link", name="查看报告").wait_for(timeout=10_000)
    assert "已完成" in status.inner_text() and page.locator("progress").count() == 0
    page.get_by_role("link", name="查看报告").click()
    page.wait_for_url(live_server.url + "/reports/")
