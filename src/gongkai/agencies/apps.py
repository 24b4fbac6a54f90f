from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    """Agencies (行政机关) and their supervision hierarchy."""

    name = "gongkai.agencies"
    verbose_name = "机关"
