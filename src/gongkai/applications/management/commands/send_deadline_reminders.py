import datetime as dt

from django.core.management.base import BaseCommand, CommandParser

from gongkai.applications.services.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "给每位经办人发送依申请公开期限提醒（已逾期、即将到期、等待申请人）。"
        "Example: manage.py send_deadline_reminders --date 2026-11-23"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=dt.date.fromisoformat, default=None)

    def handle(self, *args: object, **options: object) -> None:
        today = options["date"] or dt.date.today()
        n = send_reminders(today)  # type: ignore[arg-type]
        self.stdout.write(f"已发送提醒 {n} 封")
