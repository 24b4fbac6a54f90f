"""Background jobs in the request-free path: a runaway upload is stopped by the OS limits of its
child process, the job says why in Chinese and nothing is saved; the job page is polled with
htmx and is scoped like its agency. (tests/web/test_jobs_worker.py runs the real worker.)"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.jobs.access import jobs_visible_to
from gongkai.jobs.models import Job
from gongkai.reports.models import AnnualReport, ReportCell

from .factories.reports import seed_bytes
from .factories.runaway import runaway_docx

pytestmark = pytest.mark.django_db
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(scope="module")
def runaway() -> bytes:
    return runaway_docx()


def _upload(client: Any, agency: Any, name: str, data: bytes, ctype: str = "text/plain") -> Any:
    files = [SimpleUploadedFile(name, data, ctype)]
    return client.post(
        reverse("reports:upload"), {"agency": agency.pk, "year": "2020", "files": files}
    )


def _only_job() -> Job:
    (job,) = Job.objects.all()
    return job


def _nothing_saved(job: Job) -> None:
    assert not AnnualReport.objects.exists() and not ReportCell.objects.exists()
    assert not job.input  # the uploaded input is not kept either
    assert job.finished_at is not None


def test_upload_runs_as_a_job_and_links_the_report(world: Any, client_as: Any) -> None:
    response = _upload(client_as("clerk_jia"), world.jia, *seed_bytes("004_"))
    job = _only_job()
    obj = AnnualReport.objects.get(agency=world.jia, year=2020)
    assert job.kind == Job.Kind.REPORT_UPLOAD and job.state == Job.State.DONE
    assert job.progress == 100 and job.result["report"] == obj.pk
    assert job.created_by == world.user("clerk_jia") and job.task_id
    body = response.content.decode()
    assert "已导入 甲镇人民政府 2020年度报告" in body
    assert reverse("reports:detail", args=[obj.pk]) in body
    assert 'hx-get="' not in body  # finished: the block no longer polls


def test_runaway_parse_hits_the_cpu_limit(
    world: Any, client_as: Any, settings: Any, runaway: bytes
) -> None:
    settings.GONGKAI_TASK_CPU_SECONDS = 1
    response = _upload(client_as("clerk_jia"), world.jia, "大文件.docx", runaway, DOCX)
    job = _only_job()
    assert job.state == Job.State.FAILED
    assert job.error == "任务超时：CPU 时间超过 1 秒，已终止，未保存任何内容"
    assert job.error in response.content.decode()
    _nothing_saved(job)


def test_runaway_parse_hits_the_memory_limit(world: Any, client_as: Any, settings: Any) -> None:
    # Above what a job's child holds before it starts (≈220 MB of address space, mostly the
    # libraries): an ordinary report is read within it; a 300,000-paragraph DOCX is not.
    settings.GONGKAI_TASK_MEMORY_MB = 300
    client = client_as("clerk_jia")
    _upload(client, world.jia, *seed_bytes("004_"))
    assert _only_job().state == Job.State.DONE
    AnnualReport.objects.all().delete()
    Job.objects.all().delete()
    _upload(client, world.jia, "大文件.docx", runaway_docx(paragraphs=300_000), DOCX)
    job = _only_job()
    assert job.state == Job.State.FAILED
    assert job.error == "内存超限：超过 300 MB，已终止，未保存任何内容"
    _nothing_saved(job)


def test_runaway_parse_hits_the_wall_clock_limit(
    world: Any, client_as: Any, settings: Any, runaway: bytes
) -> None:
    settings.GONGKAI_TASK_WALL_SECONDS = 1
    _upload(client_as("clerk_jia"), world.jia, "大文件.docx", runaway, DOCX)
    job = _only_job()
    assert job.error == "任务超时：超过 1 秒仍未完成，已终止，未保存任何内容"
    _nothing_saved(job)


def test_refused_file_fails_the_job_with_the_reason(world: Any, client_as: Any) -> None:
    _upload(client_as("clerk_jia"), world.jia, "x.pdf", b"%PDF-1.4 garbage")
    job = _only_job()
    assert job.state == Job.State.FAILED and job.error.startswith("无法读取该文件")
    _nothing_saved(job)


def test_job_page_polls_until_the_job_ends(world: Any, client_as: Any) -> None:
    job = Job.objects.create(
        kind=Job.Kind.REPORT_UPLOAD, agency=world.jia, created_by=world.user("clerk_jia")
    )
    Job.objects.filter(pk=job.pk).update(state=Job.State.RUNNING, progress=20, step="正在解析")
    client = client_as("clerk_jia")
    url = reverse("jobs:detail", args=[job.pk])
    page = client.get(url).content.decode()
    assert "<html" in page and f'hx-get="{url}"' in page and "20% 正在解析" in page
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and f'hx-get="{url}"' in fragment
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.DONE, progress=100, result={"summary": "已导入", "url": "/reports/1/"}
    )
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-get" not in fragment and 'href="/reports/1/"' in fragment


def test_jobs_are_scoped_like_their_agency(world: Any) -> None:
    mine = Job.objects.create(
        kind=Job.Kind.REPORT_UPLOAD, agency=world.jia, created_by=world.user("clerk_jia")
    )
    mail = Job.objects.create(kind=Job.Kind.REMINDER_MAIL)
    assert list(jobs_visible_to(world.user("reviewer_jia"))) == [mine]  # same agency, edits it
    assert list(jobs_visible_to(world.user("clerk_yi"))) == []
    assert list(jobs_visible_to(world.user("county_supervisor"))) == []  # not theirs to edit
    assert set(jobs_visible_to(world.user("admin"))) == {mine, mail}


def _import(client: Any, agency: Any, name: str, text: str) -> Any:
    url = reverse("disclosures:register_import", kwargs={"pk": agency.pk})
    return client.post(url, {"file": SimpleUploadedFile(name, text.encode("utf-8"))})


def test_register_import_runs_as_a_job(world: Any, client_as: Any) -> None:
    from .test_disclosures_registers import CSV_OK

    response = _import(client_as("clerk_jia"), world.jia, "a.csv", CSV_OK)
    job = _only_job()
    assert response.status_code == 302 and response["Location"] == reverse(
        "jobs:detail", args=[job.pk]
    )
    assert job.kind == Job.Kind.REGISTER_IMPORT and job.state == Job.State.DONE
    assert job.result["summary"] == "已导入 2 条登记。"
    assert world.jia.register_entries.count() == 2


def test_register_import_errors_fail_the_job_and_save_nothing(world: Any, client_as: Any) -> None:
    from .test_disclosures_registers import CSV_OK

    bad = CSV_OK + "行政许可,2026-13-01,2026-12-31,,,\n"
    client = client_as("clerk_jia")
    _import(client, world.jia, "b.csv", bad)
    job = _only_job()
    assert job.state == Job.State.FAILED
    assert job.error == "导入失败，未保存任何内容：\n第4行「起始日期」：无法识别“2026-13-01”。"
    assert not world.jia.register_entries.exists()
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert "导入失败，未保存任何内容：<br>第4行「起始日期」" in page


@pytest.mark.parametrize(("kind", "magic"), [("pdf", b"%PDF"), ("docx", b"PK")])
def test_whole_year_export_runs_as_a_job_with_a_file(
    world: Any, client_as: Any, kind: str, magic: bytes
) -> None:
    from .factories.workspace import workspace_for

    ws = workspace_for(world.jia)
    client = client_as("county_supervisor")  # sees 甲镇's workspace, so may export it
    response = client.get(reverse("workspace:export", kwargs={"pk": ws.pk}), {"kind": kind})
    job = _only_job()
    assert response["Location"] == reverse("jobs:detail", args=[job.pk])
    assert job.kind == Job.Kind.YEAR_EXPORT and job.state == Job.State.DONE, job.error
    download = client.get(reverse("jobs:output", args=[job.pk]))
    assert b"".join(download.streaming_content).startswith(magic)
    assert job.output_name == f"甲镇人民政府{ws.year}年政府信息公开工作年度报告.{kind}"
    assert download["Content-Disposition"].startswith("attachment")
    assert client_as("clerk_yi").get(reverse("jobs:output", args=[job.pk])).status_code == 404


def test_reminder_command_enqueues_mail_for_the_worker(world: Any, settings: Any) -> None:
    from django.core import mail
    from django.core.management import call_command

    from .test_applications_deadlines import _overdue_case

    clerk = world.user("clerk_jia")
    clerk.email = "jia@example.org"
    clerk.save()
    _overdue_case(world)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    call_command("send_deadline_reminders", "--date", "2026-11-09")
    job = _only_job()
    assert job.kind == Job.Kind.REMINDER_MAIL and job.state == Job.State.QUEUED
    assert mail.outbox == []  # the command only enqueued it
    from gongkai.jobs.tasks import run_job

    run_job.call(job.pk)  # what the worker does
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.result["sent"] == 1
    [message] = mail.outbox
    assert message.to == ["jia@example.org"]


def test_a_job_whose_worker_died_is_failed_not_polled_forever(
    world: Any, client_as: Any, settings: Any
) -> None:
    import datetime as dt

    from django.utils import timezone

    settings.GONGKAI_TASK_WALL_SECONDS = 1
    job = Job.objects.create(
        kind=Job.Kind.REPORT_UPLOAD, agency=world.jia, created_by=world.user("clerk_jia")
    )
    started = timezone.now() - dt.timedelta(seconds=2 * 1 + 61)  # 2 × wall + 1 min
    Job.objects.filter(pk=job.pk).update(state=Job.State.RUNNING, started_at=started)
    client = client_as("clerk_jia")
    fresh = Job.objects.create(kind=Job.Kind.REPORT_UPLOAD, agency=world.jia)
    Job.objects.filter(pk=fresh.pk).update(state=Job.State.RUNNING, started_at=timezone.now())
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert (
        "处理中断：后台任务进程已停止或被系统终止，未保存任何内容" in page and "hx-get" not in page
    )
    client.get(reverse("jobs:list"))
    assert Job.objects.get(pk=fresh.pk).state == Job.State.RUNNING  # within its limits: untouched
