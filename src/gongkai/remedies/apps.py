from django.apps import AppConfig


class RemediesConfig(AppConfig):
    name = "gongkai.remedies"
    verbose_name = "复议诉讼"
    default_auto_field = "django.db.models.BigAutoField"
