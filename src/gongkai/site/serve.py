"""Serve the web app with gunicorn: migrate, collect static files, optionally load the demo.

``main(host, port, demo=False)`` is what ``gongkai serve`` calls; ``python -m gongkai.site.serve``
does the same from a shell. The background worker (``manage.py db_worker``) runs beside
gunicorn, both children of this process (``supervise.py``). Without ``SECRET_KEY`` or
``SECRET_KEY_FILE`` in the environment, a key is generated once into
``$GONGKAI_DATA_DIR/secret_key`` and reused, so sessions survive restarts.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from pathlib import Path

# gunicorn closes an idle kept-alive connection after 2 s by default: a browser (or a proxy)
# that sends its next request just then gets "connection reset". Keep them longer than the pause
# between a person's clicks; `make loadtest` showed the resets with the default.
KEEP_ALIVE = ("--keep-alive", "30")


def main(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    demo: bool = False,
    workers: int = 2,
    worker: bool = True,
) -> None:
    """Prepare the database and static files, then run gunicorn and the background worker
    (``worker=False``: replace this process with gunicorn alone, the worker run elsewhere)."""
    _ensure_secret_key()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.site.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    if demo:
        from .demo import format_logins, load_demo

        print(format_logins(load_demo()))
    print(f"gongkai: http://{host}:{port}/", flush=True)
    argv = [
        sys.executable, "-m", "gunicorn", "gongkai.site.wsgi",
        "--bind", f"{host}:{port}",
        "--workers", str(workers), "--threads", "4", *KEEP_ALIVE,
        "--access-logfile", "-", "--no-control-socket",
    ]  # fmt: skip
    if not worker:
        os.execv(sys.executable, argv)
    from .supervise import Supervisor

    print("gongkai: 后台任务进程（manage.py db_worker）随服务启动", flush=True)
    sys.exit(Supervisor(argv).run())


def _ensure_secret_key() -> None:
    if os.environ.get("SECRET_KEY") or os.environ.get("SECRET_KEY_FILE"):
        return
    data_dir = Path(os.environ.get("GONGKAI_DATA_DIR", "data"))
    data_dir.mkdir(parents=True, exist_ok=True)
    key_file = data_dir / "secret_key"
    if not key_file.exists():
        key_file.touch(mode=0o600)
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
    os.environ["SECRET_KEY_FILE"] = str(key_file.resolve())


def cli(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m gongkai.site.serve", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--demo", action="store_true", help="load the demo agencies and logins")
    parser.add_argument(
        "--no-worker", action="store_true", help="do not start manage.py db_worker alongside"
    )
    args = parser.parse_args(argv)
    main(args.host, args.port, demo=args.demo, workers=args.workers, worker=not args.no_worker)


if __name__ == "__main__":
    cli()
