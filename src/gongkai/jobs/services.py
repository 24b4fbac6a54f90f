"""Submitting a job and recording its progress; the handlers (one per kind) live in their apps.

A job's row is written in small steps, each its own statement, so a page polling it sees the
progress while the handler works; the handler saves its results in one transaction at the end,
so a job that fails or is killed leaves nothing half-saved.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from gongkai.agencies.models import Agency

from .models import Job


def submit(
    kind: str,
    *,
    agency: Agency | None,
    by: Any,
    params: dict[str, Any] | None = None,
    input_name: str = "",
    input_data: bytes | None = None,
) -> Job:
    """Create the job row and put it on the queue (the Immediate backend of the tests runs it
    at once). Returns the row as it stands after enqueueing."""
    from .tasks import run_job

    user = by if getattr(by, "is_authenticated", False) else None
    job = Job(kind=kind, agency=agency, created_by=user, params=params or {})
    job.input_name = input_name[:255]
    if input_data is not None:
        job.input.save(input_name or "input", ContentFile(input_data), save=False)
    job.save()
    result = run_job.enqueue(job.pk)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job


def progress(job: Job, percent: int, step: str) -> None:
    job.progress, job.step = percent, step[:200]
    Job.objects.filter(pk=job.pk).update(progress=percent, step=job.step)


def start(job: Job) -> None:
    job.state, job.started_at = Job.State.RUNNING, timezone.now()
    job.save(update_fields=["state", "started_at"])
    progress(job, 5, "开始处理")


def finish(job: Job, result: dict[str, Any]) -> None:
    job.state, job.result, job.progress = Job.State.DONE, result, 100
    job.step, job.finished_at = "完成", timezone.now()
    job.save(
        update_fields=[
            "state",
            "result",
            "progress",
            "step",
            "finished_at",
            "output",
            "output_name",
        ]
    )


def fail(job: Job, reason: str) -> None:
    job.state, job.error, job.finished_at = Job.State.FAILED, reason, timezone.now()
    job.step = "失败"
    job.save(update_fields=["state", "error", "step", "finished_at"])


STALE = "处理中断：后台任务进程已停止或被系统终止，未保存任何内容，请重新提交"


def expire_if_stale(job: Job) -> Job:
    """A job whose worker died mid-way (killed, machine restarted) stays "running" in its row.
    Its limited child cannot outlive the wall-clock limit, so twice that plus a minute after
    it started the job is failed, and its page stops polling. (Its transaction, if any, was
    rolled back with the dead connection: nothing was half-saved.)"""
    limit = dt.timedelta(seconds=2 * settings.GONGKAI_TASK_WALL_SECONDS + 60)
    if (
        job.state == Job.State.RUNNING
        and job.started_at
        and timezone.now() - job.started_at > limit
    ):
        fail(job, STALE)
    return job


def read_input(job: Job) -> bytes:
    with job.input.open("rb") as f:
        return f.read()


def drop_input(job: Job) -> None:
    """The uploaded input is not kept once processed (a stored report keeps its own original)."""
    if job.input:
        job.input.delete(save=False)
        Job.objects.filter(pk=job.pk).update(input="")


def save_output(job: Job, name: str, data: bytes) -> None:
    """Attach the result file (saved with the row by ``finish``)."""
    job.output_name = name[:255]
    job.output.save(name, ContentFile(data), save=False)
