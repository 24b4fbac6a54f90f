from django.core.management.base import BaseCommand

from gongkai.site.demo import format_logins, load_demo


class Command(BaseCommand):
    help = "创建演示机关、人员与角色（可重复运行），并打印演示账号。"

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(format_logins(load_demo()))
