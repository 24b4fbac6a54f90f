"""Django on a throwaway database for the web benches: SQLite in the bench's temporary folder, or
the database ``DATABASE_URL`` names (scripts/with-postgres.sh gives a throwaway PostgreSQL)."""

from __future__ import annotations

import os


def setup_django(tmp: str) -> str:
    """Set Django up, migrate, and return the database engine's short name."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.web.settings")
    os.environ["GONGKAI_DATA_DIR"] = tmp
    os.environ["ALLOWED_HOSTS"] = "testserver,localhost"
    import django

    django.setup()
    from django.conf import settings

    if "sqlite" in settings.DATABASES["default"]["ENGINE"]:
        settings.DATABASES["default"]["NAME"] = os.path.join(tmp, "bench.sqlite3")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return str(settings.DATABASES["default"]["ENGINE"]).rsplit(".", 1)[-1]
