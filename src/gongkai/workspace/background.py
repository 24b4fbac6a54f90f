"""The background half of a whole-year export: compile the year's report from the records,
render it to PDF or Word in a limited child process, and keep the file on the job."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from gongkai.jobs.limits import run_limited
from gongkai.jobs.models import Job
from gongkai.jobs.services import progress, save_output

from .models import Workspace
from .services import assemble

BACKGROUND_KINDS = {"pdf", "docx"}  # the slow renders; html, md and xlsx stay in the request


def run_export(job: Job) -> dict[str, Any]:
    ws = Workspace.objects.select_related("agency").get(pk=job.params["workspace"])
    kind = job.params["kind"]
    progress(job, 20, "正在汇总本年度的登记数据")
    report = assemble(ws)
    progress(job, 50, "正在生成文件（独立进程，有时间和内存上限）")
    data = run_limited("gongkai.report.render:render", report, kind)
    save_output(job, f"{ws.agency.name}{ws.year}年政府信息公开工作年度报告.{kind}", data)
    return {
        "summary": f"已生成 {ws.year} 年度报告（{kind.upper()}）。",
        "url": reverse("workspace:detail", kwargs={"pk": ws.pk}),
        "label": "返回工作台",
    }
