from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "gongkai.workspace"
    verbose_name = "年度报告工作台"
    default_auto_field = "django.db.models.BigAutoField"
