from django.core.management.base import BaseCommand

from gongkai.workspace.demo import load_demo_workspace


class Command(BaseCommand):
    help = (
        "汇编北白象镇2026年度报告工作台（先载入演示申请、主动公开和复议诉讼记录；可重复运行）。"
        " Example: manage.py load_demo_workspace"
    )

    def handle(self, *args: object, **options: object) -> None:
        ws = load_demo_workspace()
        self.stdout.write(
            f"{ws}：{ws.get_status_display()}，错误 {ws.error_count} 个，提示 {ws.warning_count} 个"
        )
