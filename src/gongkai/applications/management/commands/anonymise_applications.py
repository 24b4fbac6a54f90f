import argparse
import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from gongkai.applications.services.retention import anonymise, due_for_anonymisation


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写作 YYYY-MM-DD：{text!r}") from None


class Command(BaseCommand):
    help = (
        "把办结已超过个人信息保存期限（GONGKAI_PERSONAL_DATA_RETENTION_DAYS）的依申请公开申请"
        "匿名化：申请人姓名、证件号码、联系方式和附件，连同修改记录中的副本。默认只列出，"
        "加 --apply 才修改。Example: manage.py anonymise_applications --apply"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--apply", action="store_true", help="实际匿名化（默认只列出）")
        parser.add_argument("--date", type=_date, default=None, help="以该日为今天（测试用）")

    def handle(self, *args: object, **options: object) -> None:
        today = options["date"] or dt.date.today()
        days = settings.GONGKAI_PERSONAL_DATA_RETENTION_DAYS
        due = due_for_anonymisation(today, days)  # type: ignore[arg-type]
        for application in due:
            self.stdout.write(f"{application.agency} {application.number}")
            if options["apply"]:
                anonymise(application)
        if options["apply"]:
            self.stdout.write(f"已匿名化 {len(due)} 件（保存期限 {days} 日）")
        else:
            self.stdout.write(f"到期 {len(due)} 件（保存期限 {days} 日）；未修改，加 --apply 执行")
