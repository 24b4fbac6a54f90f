"""The background half of a part 二 register import: the job handler the worker runs.

The spreadsheet is read in a limited child process (a hostile XLSX cannot hold the worker);
the rows are then checked and saved all together or not at all (``import_entries``).
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from gongkai.jobs.limits import JobFailed, run_limited
from gongkai.jobs.models import Job
from gongkai.jobs.services import progress, read_input

from .imports import ImportError_, import_entries

MAX_LISTED = 50  # errors shown on the job page


def run_import(job: Job) -> dict[str, Any]:
    data = read_input(job)
    name = job.input_name
    progress(job, 20, "正在读取表格（独立进程，有时间和内存上限）")
    try:
        rows = run_limited("gongkai.disclosures.imports:read_rows", name, data, django=True)
        progress(job, 60, f"正在校验并保存 {max(len(rows) - 1, 0)} 行")
        entries = import_entries(job.agency, name, data, by=job.created_by, rows=rows)  # type: ignore[arg-type]
    except ImportError_ as exc:
        more = len(exc.errors) - MAX_LISTED
        listed = exc.errors[:MAX_LISTED] + ([f"……另有 {more} 处错误"] if more > 0 else [])
        raise JobFailed("\n".join(["导入失败，未保存任何内容：", *listed])) from None
    return {
        "summary": f"已导入 {len(entries)} 条登记。",
        "url": reverse("disclosures:registers", kwargs={"pk": job.agency_id}),
        "label": "查看登记",
    }
