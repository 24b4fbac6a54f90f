"""``python -m gongkai.site.serve`` (what ``make demo`` runs) starts the background worker beside
gunicorn: a job queued while it runs is processed by that worker, and SIGTERM stops everything."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .factories.reports import seed_bytes
from .test_jobs_worker import SUBMIT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(what: str, check: object, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():  # type: ignore[operator]
                return
        except (OSError, sqlite3.Error):
            pass
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def test_serve_runs_the_worker_that_processes_jobs(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "GONGKAI_"))}
    env |= {"GONGKAI_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "gongkai.site.settings"}
    port = _free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "gongkai.site.serve", "--port", str(port), "--workers", "1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/accounts/login/"
        _wait("the web server", lambda: urllib.request.urlopen(url, timeout=5).status == 200)
        commands = [Path(f"/proc/{c}/cmdline").read_bytes() for c in _children(serve.pid)]
        assert any(b"db_worker" in c for c in commands) and any(b"gunicorn" in c for c in commands)

        name, data = seed_bytes("001_")
        (tmp_path / "seed.txt").write_bytes(data)
        env["JOB_FILES"] = json.dumps([[name, str(tmp_path / "seed.txt")]])
        submitted = subprocess.run(
            [sys.executable, "-m", "gongkai.site.manage", "shell", "--command", SUBMIT],
            env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert submitted.returncode == 0, submitted.stderr[-3000:]
        db = tmp_path / "gongkai.sqlite3"

        def done() -> bool:
            with sqlite3.connect(db) as connection:
                rows = connection.execute("SELECT state FROM jobs_job").fetchall()
            return rows == [("done",)]

        _wait("the worker to run the queued upload", done)
        children = _children(serve.pid)
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(60) == 0
        assert all(not Path(f"/proc/{c}").exists() for c in children)
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()
