"""The real queue: the web side only enqueues; ``manage.py db_worker``, a separate process on
its own SQLite database, runs the jobs. A runaway upload is killed by its child's CPU limit, the
worker survives it, says why in Chinese, saves nothing, and goes on to import the next file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from .factories.reports import seed_bytes
from .factories.runaway import runaway_docx

SUBMIT = """
from gongkai.agencies.models import Agency
from gongkai.jobs.models import Job
from gongkai.jobs.services import submit
from pathlib import Path
import json, os
agency = Agency.objects.create(name="甲镇人民政府", kind="township", code="jia")
files = json.loads(os.environ["JOB_FILES"])
jobs = [submit(Job.Kind.REPORT_UPLOAD, agency=agency, by=None, params={"year": 2020},
               input_name=name, input_data=Path(path).read_bytes()) for name, path in files]
print(json.dumps([j.state for j in jobs]))
"""


def _manage(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "gongkai.site.manage", *args],
        env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def test_db_worker_process_runs_uploads_and_survives_a_runaway(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "GONGKAI_"))}
    env |= {
        "DJANGO_SETTINGS_MODULE": "gongkai.site.settings",
        "SECRET_KEY": "worker-test-" + "x" * 40,
        "GONGKAI_DATA_DIR": str(tmp_path),
        "GONGKAI_TASK_CPU_SECONDS": "1",
    }
    (tmp_path / "runaway.docx").write_bytes(runaway_docx())
    name, data = seed_bytes("001_")
    (tmp_path / "seed.txt").write_bytes(data)
    env["JOB_FILES"] = json.dumps(
        [["大文件.docx", str(tmp_path / "runaway.docx")], [name, str(tmp_path / "seed.txt")]]
    )
    _manage(env, "migrate", "--verbosity", "0")
    states = json.loads(_manage(env, "shell", "--command", SUBMIT).strip().splitlines()[-1])
    db = tmp_path / "gongkai.sqlite3"
    assert states == ["queued", "queued"]  # enqueued only: nothing ran in the submitting process
    assert _rows(db, "SELECT count(*) FROM reports_annualreport") == [(0,)]

    _manage(env, "db_worker", "--batch", "--no-startup-delay", "--interval", "0.1")

    jobs = _rows(db, "SELECT input_name, state, error, progress, input FROM jobs_job ORDER BY id")
    assert jobs[0][:3] == (
        "大文件.docx",
        "failed",
        "任务超时：CPU 时间超过 1 秒，已终止，未保存任何内容",
    )
    assert jobs[1][:2] == (name, "done") and jobs[1][3] == 100
    assert [j[4] for j in jobs] == ["", ""]  # inputs removed once processed
    reports = _rows(db, "SELECT year, original_name FROM reports_annualreport")
    assert reports == [(2020, name)]  # only the good file; nothing of the runaway one
    queue = _rows(db, "SELECT status FROM django_tasks_database_dbtaskresult ORDER BY enqueued_at")
    assert queue == [("SUCCESSFUL",), ("SUCCESSFUL",)]
