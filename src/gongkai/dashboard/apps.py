from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "gongkai.dashboard"
    verbose_name = "统计看板"
