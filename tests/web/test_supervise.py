"""``gongkai serve`` runs the web server and the background worker as two supervised children:
a worker that dies is started again; SIGTERM stops both (real processes, real signals)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

CHILD = "import os, sys, time; open(sys.argv[1], 'a').write(f'{os.getpid()}\\n'); time.sleep(60)"
RUN = "import sys; from gongkai.site.supervise import Supervisor; sys.exit(Supervisor({!r}, {!r}).run())"


def _pids(path: Path, at_least: int) -> list[int]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        pids = [int(p) for p in path.read_text().split()] if path.exists() else []
        if len(pids) >= at_least:
            return pids
        time.sleep(0.1)
    raise AssertionError(f"{path.name}: fewer than {at_least} processes started")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (exited, not yet reaped) counts as gone
    return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


def test_worker_is_restarted_and_sigterm_stops_both(tmp_path: Path) -> None:
    server_log, worker_log = tmp_path / "server", tmp_path / "worker"
    server = [sys.executable, "-c", CHILD, str(server_log)]
    worker = [sys.executable, "-c", CHILD, str(worker_log)]
    parent = subprocess.Popen([sys.executable, "-c", RUN.format(server, worker)])
    try:
        (server_pid,) = _pids(server_log, 1)
        (first_worker,) = _pids(worker_log, 1)
        os.kill(first_worker, signal.SIGKILL)
        second_worker = _pids(worker_log, 2)[1]
        assert second_worker != first_worker and _alive(server_pid)
        parent.send_signal(signal.SIGTERM)
        assert parent.wait(30) == 0
        assert not _alive(server_pid) and not _alive(second_worker)
    finally:
        if parent.poll() is None:
            parent.kill()
