"""Permission expectations of the background-job URLs, merged into the every-URL test.

"job-jia" is an upload job 甲镇's clerk submitted, finished with a result file: seen by those
who edit 甲镇's data (its clerk and reviewer) and the superuser; the county supervisor, who may
see 甲镇 but not upload for it, gets 404 like everyone else. "job-mail" (no agency) is the
superuser's only.
"""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile

from gongkai.jobs.models import Job

LOGIN = "login"
_PEOPLE = ("clerk_jia", "clerk_yi", "reviewer_jia", "county_supervisor", "outsider", "admin")


def _by(default: Any, **given: Any) -> dict[str, Any]:
    return {"anonymous": LOGIN, **{p: default for p in _PEOPLE}, **given}


_SEE = {
    "job-jia": _by(404, clerk_jia=200, reviewer_jia=200, admin=200),
    "job-mail": _by(404, admin=200),
    "job-missing": _by(404),
}

Case = tuple[str, str | None, dict[str, str], dict[str, Any]]
EXPECTED: dict[str, list[Case]] = {
    "jobs:list": [("get", None, {}, _by(200))],
    "jobs:detail": [("get", k, {}, e) for k, e in _SEE.items()],
    "jobs:output": [("get", k, {}, e) for k, e in _SEE.items() if k != "job-mail"],
}


def object_pk(world: Any, key: str) -> int | None:
    if not key.startswith("job-"):
        return None
    if key == "job-missing":
        return 999_999
    if key == "job-mail":
        return Job.objects.create(kind=Job.Kind.REMINDER_MAIL, state=Job.State.DONE).pk
    job = Job(kind=Job.Kind.YEAR_EXPORT, agency=world.jia, created_by=world.user("clerk_jia"))
    job.state, job.output_name = Job.State.DONE, "甲镇.docx"
    job.output.save("jia.docx", ContentFile(b"PK..."), save=False)
    job.save()
    return job.pk


def admin_rows(world: Any) -> None:
    """A row in django-tasks-db's queue table (its admin pages are walked): a job really
    enqueued on the database backend, not run."""
    from django.test import override_settings

    from gongkai.jobs.tasks import run_job

    job = Job.objects.create(kind=Job.Kind.REMINDER_MAIL, params={"date": "2026-11-09"})
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        run_job.enqueue(job.pk)
