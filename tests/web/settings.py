"""Test settings: the real settings module, fed a test environment as a deployment would be."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-" + "x" * 40)
# Only created, never written: test databases are in memory (SQLite) or on the server.
os.environ.setdefault("GONGKAI_DATA_DIR", os.path.join(tempfile.gettempdir(), "gongkai-test-data"))

from gongkai.site.settings import *  # noqa: F403

# Templates resolve {% static %} without a collectstatic manifest; whitenoise serves from finders.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Background tasks run at enqueue, in the request; tests/web/test_jobs_worker.py runs the real
# db_worker process on its own database.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
