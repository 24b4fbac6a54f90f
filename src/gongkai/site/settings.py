"""Django settings for the gongkai web application.

Every deployment knob is an environment variable with a safe default for the embedded mode
(one machine, SQLite under ``GONGKAI_DATA_DIR``). Production is ``DEBUG`` off (the default): then
``SECRET_KEY`` (or ``SECRET_KEY_FILE``) must be set and ``manage.py check --deploy`` is clean once
``GONGKAI_HTTPS=1`` and ``ALLOWED_HOSTS`` are set. See docs/deployment.md for the full list.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from csp.constants import NONCE
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
    "csp",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "gongkai.site",
    "gongkai.agencies",
    "gongkai.accounts",
    "gongkai.reports",
    "gongkai.dashboard",
    "gongkai.applications",
    "gongkai.disclosures",
    "gongkai.remedies",
    "gongkai.workspace",
    "gongkai.portal",
    "gongkai.opendata",
    "gongkai.jobs",
]

MIDDLEWARE = [
    # First, so that every response (static files, admin, error pages) gets the headers.
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "gongkai.accounts.middleware.IdleTimeoutMiddleware",
    "gongkai.accounts.middleware.OTPRequiredMiddleware",
    "gongkai.portal.middleware.PortalAccountMiddleware",  # public accounts stay out of staff
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
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

# Accounts: login throttling (django-axes), idle timeout, TOTP (django-otp). docs/deployment.md.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock a username from one address (not the address alone: a shared office NAT would lock out
# everyone; not the username alone: anyone could lock a colleague out from anywhere).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = envint("GONGKAI_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = envint("GONGKAI_LOGIN_LOCKOUT_MINUTES", 30, minimum=1) / 60  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "gongkai.accounts.views.locked_out"
AXES_VERBOSE = False
# Idle timeout: the session ends this long after the user's last request.
SESSION_COOKIE_AGE = envint("GONGKAI_SESSION_IDLE_MINUTES", 30, minimum=1) * 60
OTP_TOTP_ISSUER = "gongkai"
# A device's secret (its key and QR code) is shown once, to its owner, when enrolling; the admin
# never shows it, not even to a superuser (who could otherwise pass as any user's second factor).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Chinese only: the English interface was never more than a few words, so its switch is gone
# (docs/design.md, "Safe edges"). Findings still come in English from `gongkai check --lang en`.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
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

# The public portal (/gk/): online applications a day per IP address and per e-mail or phone,
# failed tracking attempts a day per IP address, and the size of an applicant's attachment.
GONGKAI_PORTAL_APPLICATIONS_PER_IP = envint("GONGKAI_PORTAL_APPLICATIONS_PER_IP", 10, minimum=1)
GONGKAI_PORTAL_APPLICATIONS_PER_CONTACT = envint(
    "GONGKAI_PORTAL_APPLICATIONS_PER_CONTACT", 5, minimum=1
)
GONGKAI_PORTAL_TRACKING_FAILURES_PER_IP = envint(
    "GONGKAI_PORTAL_TRACKING_FAILURES_PER_IP", 20, minimum=1
)
GONGKAI_PORTAL_MAX_ATTACHMENT_MB = envint("GONGKAI_PORTAL_MAX_ATTACHMENT_MB", 10, minimum=1)
GONGKAI_PORTAL_SIGNUPS_PER_IP = envint("GONGKAI_PORTAL_SIGNUPS_PER_IP", 10, minimum=1)

# Applicants' personal data is anonymised this many days after the application was closed
# (manage.py anonymise_applications; default five years, 行政诉讼法第四十六条).
GONGKAI_PERSONAL_DATA_RETENTION_DAYS = envint(
    "GONGKAI_PERSONAL_DATA_RETENTION_DAYS", 5 * 365 + 1, minimum=1
)

# Background work (uploads, imports, whole-year exports, reminder mail): a queue in the same
# database, run by ``manage.py db_worker`` (started by ``gongkai serve``). The heavy part of
# each task runs in a child process with OS-enforced limits: CPU seconds (RLIMIT_CPU), address
# space in MB (RLIMIT_AS) and a wall-clock timeout. See docs/deployment.md.
TASKS = {"default": {"BACKEND": envstr("GONGKAI_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
GONGKAI_TASK_CPU_SECONDS = envint("GONGKAI_TASK_CPU_SECONDS", 120, minimum=1)
GONGKAI_TASK_MEMORY_MB = envint("GONGKAI_TASK_MEMORY_MB", 1024, minimum=256)
GONGKAI_TASK_WALL_SECONDS = envint("GONGKAI_TASK_WALL_SECONDS", 300, minimum=1)

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
# Security headers on every response (docs/design.md, "Safe edges"). SecurityMiddleware adds
# X-Content-Type-Options, Referrer-Policy and Cross-Origin-Opener-Policy (set explicitly here).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No inline script anywhere; the one inline <style> (the report layout) carries the nonce; style
# attributes stay allowed because the core's HTML sizes table columns with them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", NONCE],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY: dict[str, list[str]] = {
    name: []
    for name in ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort")
}
CSRF_FAILURE_VIEW = "gongkai.site.errors.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "WARNING")},
}
