"""The background half of the daily reminder mail: the job handler the worker runs (the
management command only enqueues it, so a slow SMTP server holds no web or cron process)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gongkai.jobs.models import Job
from gongkai.jobs.services import progress

from .services.reminders import send_reminders


def run_reminders(job: Job) -> dict[str, Any]:
    today = dt.date.fromisoformat(job.params["date"])
    progress(job, 20, "正在汇总各经办人的待办并发送邮件")
    sent = send_reminders(today)
    return {"summary": f"已发送提醒 {sent} 封（{today}）。", "sent": sent}
