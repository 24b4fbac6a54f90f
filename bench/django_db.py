"""Django on a throwaway database for the web benches: SQLite in the bench's temporary folder, or,
on the server ``DATABASE_URL`` names (scripts/with-postgres.sh gives a throwaway PostgreSQL), a
fresh test database beside it (``test_<name>``, dropped and made anew), so that no bench sees
another's rows and none ever writes into the database it was pointed at."""

from __future__ import annotations

import atexit
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
    else:
        from django.db import connection

        name = settings.DATABASES["default"]["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
        atexit.register(connection.creation.destroy_test_db, name, verbosity=0)
    return str(settings.DATABASES["default"]["ENGINE"]).rsplit(".", 1)[-1]
