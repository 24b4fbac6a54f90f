from django.core.management.base import BaseCommand

from gongkai.applications.demo import load_demo_applications


class Command(BaseCommand):
    help = "登记北白象镇2026年的演示申请（可重复运行）。Example: manage.py load_demo_applications"

    def handle(self, *args: object, **options: object) -> None:
        n = load_demo_applications()
        self.stdout.write(f"新建演示申请 {n} 件")
