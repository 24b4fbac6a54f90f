"""The one queued task: run a job by its kind's handler, and record how it ended.

Handlers are ``"module:function"`` paths taking ``(job)`` and returning the result dict for
the page (``url``, ``label``, ``summary``); they raise ``JobFailed`` (Chinese message) to fail,
and run their heavy part through ``limits.run_limited``. Django 6 has this API as
``django.tasks``; on Django 5.2 it is the ``django_tasks`` backport.
"""

from __future__ import annotations

import logging

from django.utils.module_loading import import_string
from django_tasks import task

from . import services
from .limits import JobFailed
from .models import Job

log = logging.getLogger(__name__)

HANDLERS = {
    Job.Kind.REPORT_UPLOAD: "gongkai.reports.background.run_upload",
    Job.Kind.REGISTER_IMPORT: "gongkai.disclosures.background.run_import",
    Job.Kind.YEAR_EXPORT: "gongkai.workspace.background.run_export",
    Job.Kind.REMINDER_MAIL: "gongkai.applications.background.run_reminders",
}
UNEXPECTED = "任务出错，未保存任何内容（错误已记入日志，请联系系统管理员）"


@task()
def run_job(job_id: int) -> str:
    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.state != Job.State.QUEUED:
        return "skipped"  # deleted, or already run by another worker
    services.start(job)
    try:
        result = import_string(HANDLERS[Job.Kind(job.kind)])(job)
    except JobFailed as exc:
        services.fail(job, str(exc))
    except Exception:
        log.exception("job %s (%s) failed", job.pk, job.kind)
        services.fail(job, UNEXPECTED)
    else:
        services.finish(job, result)
    finally:
        services.drop_input(job)
    return str(job.state)
