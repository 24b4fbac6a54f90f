from django.core.management.base import BaseCommand

from gongkai.disclosures.demo import load_demo_disclosures


class Command(BaseCommand):
    help = "为北白象镇人民政府创建 2026 年主动公开、第二十条事项登记和一件复议案件的演示数据（可重复运行）。"

    def handle(self, *args: object, **options: object) -> None:
        count = load_demo_disclosures()
        self.stdout.write(f"北白象镇人民政府 2026 年已公开演示信息 {count} 条。")
