from django.apps import AppConfig


class DisclosuresConfig(AppConfig):
    name = "gongkai.disclosures"
    verbose_name = "主动公开"
    default_auto_field = "django.db.models.BigAutoField"
