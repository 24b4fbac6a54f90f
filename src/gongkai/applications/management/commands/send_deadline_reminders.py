import datetime as dt

from django.core.management.base import BaseCommand, CommandParser

from gongkai.jobs.models import Job
from gongkai.jobs.services import submit


class Command(BaseCommand):
    help = (
        "给每位经办人发送依申请公开期限提醒（已逾期、即将到期、等待申请人）：提交后台任务，"
        "由后台任务进程（manage.py db_worker）发送。"
        "Example: manage.py send_deadline_reminders --date 2026-11-23"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=dt.date.fromisoformat, default=None)

    def handle(self, *args: object, **options: object) -> None:
        today = options["date"] or dt.date.today()
        job = submit(
            Job.Kind.REMINDER_MAIL,
            agency=None,
            by=None,
            params={"date": today.isoformat()},  # type: ignore[attr-defined]
        )
        if job.state == Job.State.DONE:  # a backend that ran it at once
            self.stdout.write(job.result["summary"])
        elif job.state == Job.State.FAILED:
            self.stderr.write(job.error)
        else:
            self.stdout.write(f"已提交提醒邮件任务 #{job.pk}，由后台任务进程发送")
