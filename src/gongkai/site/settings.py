"""Django settings for the gongkai web application.

Every deployment knob is an environment variable with a safe default for the embedded mode
(one machine, SQLite under ``GONGKAI_DATA_DIR``). Production is ``DEBUG`` off (the default): then
``SECRET_KEY`` (or ``SECRET_KEY_FILE``) must be set and ``manage.py check --deploy`` is clean once
``GONGKAI_HTTPS=1`` and ``ALLOWED_HOSTS`` are set. See docs/deployment.md for the full list.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

from .env import envbool, envint, envlist, envsecret, envstr

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(envstr("GONGKAI_DATA_DIR", "data")).resolve()

DEBUG = envbool("DEBUG", False)

SECRET_KEY = envsecret("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set: set SECRET_KEY or SECRET_KEY_FILE "
            "(or DEBUG=1 for development, which uses a throwaway key)"
        )
    SECRET_KEY = "dev-only-" + get_random_secret_key()

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "simple_history",
    "gongkai.site",
    "gongkai.agencies",
    "gongkai.accounts",
    "gongkai.reports",
    "gongkai.dashboard",
    "gongkai.applications",
    "gongkai.disclosures",
    "gongkai.remedies",
    "gongkai.workspace",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "gongkai.site.urls"
WSGI_APPLICATION = "gongkai.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


# Database: SQLite in the data directory unless DATABASE_URL says otherwise.
def _database() -> dict[str, object]:
    url = envstr("DATABASE_URL", "")
    if not url:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{DATA_DIR / 'gongkai.sqlite3'}"
    try:
        config = dict(dj_database_url.parse(url, conn_health_checks=True))
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL cannot be parsed: {exc}") from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets the web workers read while one writes; IMMEDIATE avoids "database is
        # locked" on upgrade from a read to a write transaction.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    else:
        config["CONN_MAX_AGE"] = envint("DATABASE_CONN_MAX_AGE", 0, minimum=0)
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Chinese first; English available through the language switcher (set_language).
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "site" / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(envstr("GONGKAI_STATIC_ROOT", str(DATA_DIR / "static"))).resolve()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"

# Uploaded reports (Word, PDF, HTML) larger than this are refused by the upload forms.
GONGKAI_MAX_UPLOAD_MB = envint("GONGKAI_MAX_UPLOAD_MB", 20, minimum=1)
GONGKAI_MAX_UPLOAD_BYTES = GONGKAI_MAX_UPLOAD_MB * 1024 * 1024

# E-mail: printed to the console unless an SMTP host is configured.
EMAIL_HOST = envstr("EMAIL_HOST", "")
EMAIL_BACKEND = envstr(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = envint("EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL are mutually exclusive")
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "gongkai@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# HTTPS: off for the embedded mode on http://127.0.0.1; on for any public deployment.
GONGKAI_HTTPS = envbool("GONGKAI_HTTPS", False)
SECURE_SSL_REDIRECT = GONGKAI_HTTPS
SESSION_COOKIE_SECURE = GONGKAI_HTTPS
CSRF_COOKIE_SECURE = GONGKAI_HTTPS
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31_536_000 if GONGKAI_HTTPS else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
if envbool("GONGKAI_TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "WARNING")},
}
