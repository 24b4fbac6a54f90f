"""Run the web server and the background worker side by side, as children of one process.

``gongkai serve`` (and so ``make demo``) needs both: the server only enqueues uploads, imports,
exports and mail; ``manage.py db_worker`` runs them. This parent starts both, restarts the worker
if it dies, and on SIGTERM/SIGINT (or when the server exits) stops both and waits for them.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from types import FrameType

WORKER = [sys.executable, "-m", "gongkai.site.manage", "db_worker", "--interval", "1"]
GRACE_SECONDS = 10


class Supervisor:
    def __init__(self, server: list[str], worker: list[str] = WORKER) -> None:
        self.server_command, self.worker_command = server, worker
        self.stopping = False

    def run(self) -> int:
        """Start both, and return the server's exit status once everything has stopped."""
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        self.worker = subprocess.Popen(self.worker_command)
        self.server = subprocess.Popen(self.server_command)
        while not self.stopping and self.server.poll() is None:
            if self.worker.poll() is not None:
                print(
                    f"gongkai: 后台任务进程已退出（{self.worker.returncode}），重新启动", flush=True
                )
                self.worker = subprocess.Popen(self.worker_command)
            time.sleep(0.5)
        for process in (self.server, self.worker):
            _terminate(process)
        return 0 if self.stopping else self.server.returncode or 0

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True


def _terminate(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
