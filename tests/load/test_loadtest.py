"""The load test's own machinery, run small: data built, gunicorn and the worker started, Locust
driving every kind of user, figures printed, nothing lost. Its speed targets are judged only by
``make loadtest`` (``--no-targets`` here: a timed assertion has no place in a unit test)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_small_load_run_prints_figures_and_loses_nothing(tmp_path: Path) -> None:
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["TMPDIR"] = str(tmp_path)
    argv = [sys.executable, "-m", "bench.load.run", "--agencies", "12", "--applications", "300"]
    argv += [
        "--users",
        "8",
        "--spawn-rate",
        "8",
        "--duration",
        "12",
        "--workers",
        "2",
        "--no-targets",
    ]
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    out = done.stdout
    assert done.returncode == 0, out + done.stderr
    for page in ("/applications/new/ (register)", "/dashboard/[root]/", "/annual-reports/[id]/"):
        assert page in out
    assert "p95" in out and "吞吐量" in out
    assert "名工作人员在" in out  # timings start once every staff user has logged in
    written = int(out.split("运行中登记的申请：")[1].split(" 件")[0])
    found = int(out.split("运行后在数据库中找到：")[1].split(" 件")[0])
    assert written > 0 and found == written
    assert "达标：无错误，无丢失" in out
