"""The background half of a report upload: the job handler the worker runs.

The file was stored with the job by the upload view; here it is parsed and checked in a child
process under the worker's limits, and only then saved, in one transaction (``_save_import``).
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from gongkai.jobs.limits import JobFailed
from gongkai.jobs.models import Job
from gongkai.jobs.services import progress, read_input

from .services import ImportRefused, Upload, import_upload


def run_upload(job: Job) -> dict[str, Any]:
    data = read_input(job)
    upload = Upload(job.input_name, data, job.params.get("content_type", ""))
    progress(job, 20, "正在解析和核验（独立进程，有时间和内存上限）")
    try:
        obj = import_upload(
            job.agency,  # type: ignore[arg-type]
            upload,
            by=job.created_by,
            year=job.params.get("year"),
            limited=True,
        )
    except ImportRefused as exc:
        raise JobFailed(str(exc)) from None
    summary = (
        f"已导入 {obj.agency.name} {obj.year}年度报告：{obj.get_status_display()}"
        f"（错误 {obj.error_count}，提示 {obj.warning_count}）"
    )
    url = reverse("reports:detail", args=[obj.pk])
    return {"summary": summary, "url": url, "label": "查看报告", "report": obj.pk}
