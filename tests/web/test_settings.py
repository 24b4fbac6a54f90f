"""Settings come from the environment; nonsense fails loudly; production passes check --deploy."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

SETTINGS = "gongkai.site.settings"
_OUR_VARS = (
    "DEBUG", "SECRET_KEY", "SECRET_KEY_FILE", "DATABASE_URL", "ALLOWED_HOSTS", "GONGKAI_HTTPS",
    "GONGKAI_MAX_UPLOAD_MB", "EMAIL_HOST", "EMAIL_USE_TLS", "EMAIL_USE_SSL", "EMAIL_PORT",
)  # fmt: skip


def _execute_settings_module() -> dict[str, Any]:
    """Run the settings file as a fresh module (Django's own settings stay untouched)."""
    import gongkai.site.settings as live

    spec = importlib.util.spec_from_file_location("gongkai.site._settings_probe", live.__file__)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return vars(module)


@pytest.fixture
def load(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    """``load(DEBUG="1", ...)``: the settings module's globals, run afresh in that environment."""

    def run(**env: str) -> dict[str, Any]:
        for name in _OUR_VARS:
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path / "data"))
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return _execute_settings_module()

    return run


def test_embedded_defaults(load: Any, tmp_path: Path) -> None:
    s = load(SECRET_KEY="k" * 50)
    assert s["DEBUG"] is False
    assert s["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert s["DATABASES"]["default"]["NAME"] == str(tmp_path / "data" / "gongkai.sqlite3")
    assert s["LANGUAGE_CODE"] == "zh-hans" and s["TIME_ZONE"] == "Asia/Shanghai"
    assert s["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert s["GONGKAI_MAX_UPLOAD_BYTES"] == 20 * 1024 * 1024


def test_postgres_from_database_url(load: Any) -> None:
    s = load(SECRET_KEY="k" * 50, DATABASE_URL="postgres://u:p@db.example:5433/gongkai")
    db = s["DATABASES"]["default"]
    assert (db["ENGINE"], db["HOST"], db["PORT"], db["NAME"]) == (
        "django.db.backends.postgresql", "db.example", 5433, "gongkai",
    )  # fmt: skip


def test_production_without_secret_key_refuses_to_start(load: Any) -> None:
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY is not set"):
        load()


def test_debug_uses_a_throwaway_key(load: Any) -> None:
    assert load(DEBUG="1")["SECRET_KEY"].startswith("dev-only-")


def test_secret_key_file(load: Any, tmp_path: Path) -> None:
    key_file = tmp_path / "key"
    key_file.write_text("from-a-file-" + "s" * 40 + "\n", encoding="utf-8")
    assert load(SECRET_KEY_FILE=str(key_file))["SECRET_KEY"] == "from-a-file-" + "s" * 40


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG='maybe' is not a boolean"),
        ({"GONGKAI_MAX_UPLOAD_MB": "twenty"}, "GONGKAI_MAX_UPLOAD_MB='twenty' is not an integer"),
        ({"GONGKAI_MAX_UPLOAD_MB": "0"}, "GONGKAI_MAX_UPLOAD_MB=0 is too small"),
        ({"GONGKAI_HTTPS": "2"}, "GONGKAI_HTTPS='2' is not a boolean"),
        ({"EMAIL_PORT": "smtp"}, "EMAIL_PORT='smtp' is not an integer"),
        ({"EMAIL_USE_SSL": "1"}, "EMAIL_USE_TLS and EMAIL_USE_SSL are mutually exclusive"),
        (
            {"SECRET_KEY_FILE": "/nonexistent/key"},
            "SECRET_KEY_FILE='/nonexistent/key' cannot be read",
        ),
        ({"DATABASE_URL": "nosuchdb://x"}, "DATABASE_URL cannot be parsed"),
    ],
)
def test_nonsense_is_improperly_configured(load: Any, env: dict[str, str], message: str) -> None:
    base = {} if "SECRET_KEY_FILE" in env else {"SECRET_KEY": "k" * 50}
    with pytest.raises(ImproperlyConfigured, match=message.replace("(", r"\(")):
        load(**base, **env)


def _check_deploy(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in _OUR_VARS}
    env |= {
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "GONGKAI_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        "SECRET_KEY": "p5Q!r8-production-like-secret-key-with-enough-entropy-x7Zk2",
        "ALLOWED_HOSTS": "gongkai.example.gov.cn",
        "GONGKAI_HTTPS": "1",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
        "SECURE_HSTS_PRELOAD": "1",
        **extra,
    }
    command = [
        sys.executable,
        "-m",
        "gongkai.site.manage",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    ]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_in_production(tmp_path: Path) -> None:
    result = _check_deploy(tmp_path)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_check_deploy_catches_plain_http(tmp_path: Path) -> None:
    """The guard above has teeth: the same settings without HTTPS are reported."""
    result = _check_deploy(tmp_path, GONGKAI_HTTPS="0")
    assert result.returncode != 0
    assert "security.W004" in result.stderr or "security.W008" in result.stderr


@pytest.mark.django_db
def test_migrations_are_complete() -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_tests_run_on_the_database_named_by_database_url() -> None:
    """Under scripts/with-postgres.sh this suite really runs on PostgreSQL, not SQLite."""
    from django.db import connection

    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres", "pgsql")) else "sqlite"
    assert connection.vendor == expected
