from django.apps import AppConfig


class SiteConfig(AppConfig):
    """Project-wide pages, templates and static files (base layout, home, login)."""

    name = "gongkai.site"
    label = "gongkai_site"
    verbose_name = "站点"
