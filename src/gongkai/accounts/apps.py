from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """People and their roles in agencies (memberships)."""

    name = "gongkai.accounts"
    verbose_name = "用户与角色"
