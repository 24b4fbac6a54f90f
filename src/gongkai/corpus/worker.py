"""The worker side: runs each file in a sandbox process and turns a death into a reason.

``process_chunk(chunk, config)`` is the one function the engines (process pool or Dask) run.
It keeps one long-lived sandbox per worker thread — starting Python and importing the parser
for each file would cost more than parsing it — and restarts it after a file killed it. A file
that hangs past ``timeout`` seconds of wall-clock time is killed here; one that spins is
stopped by its CPU limit; one that eats memory hits RLIMIT_AS. Either way the file is
recorded with its reason and the next file goes on in a fresh sandbox.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import select
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass, field

from . import frames
from .arrow import Tables, tables_of
from .rows import Rows, failure_rows

STARTUP_SECONDS = 30.0  # starting Python and importing the parser, on a busy machine
# (hash, source, bytes) of one file to parse.
Work = tuple[str, str, bytes]


@dataclass(frozen=True)
class WorkerConfig:
    """Per-file limits and the reader; travels to every worker with each chunk."""

    timeout: float = 120.0  # seconds, wall clock and CPU, per file
    memory_mb: int | None = 2048  # address space of the sandbox process
    reader: str | None = None  # "module:function"; None = gongkai's own parse + check
    aliases: dict[str, str] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.timeout, self.memory_mb, self.reader, tuple(sorted(self.aliases))))


class SandboxError(RuntimeError):
    """The sandbox process could not start at all (not a file's fault): ends the run."""


class Sandbox:
    """One sandbox process (``sandbox.py``) and the pipe to it."""

    def __init__(self, config: WorkerConfig) -> None:
        self.config = config
        self.proc: subprocess.Popen[bytes] | None = None

    def _start(self) -> subprocess.Popen[bytes]:
        env = dict(os.environ)
        # The sandbox imports what this process can (a test's reader module included).
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        proc = subprocess.Popen(
            [sys.executable, "-m", "gongkai.corpus.sandbox"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert proc.stdin is not None and proc.stdout is not None
        frames.send(
            proc.stdin,
            {
                "timeout": self.config.timeout,
                "memory_mb": self.config.memory_mb,
                "reader": self.config.reader,
                "aliases": self.config.aliases,
            },
        )
        # Wait until Python has started and the parser is imported, so no file's time
        # allowance is spent on that.
        ready, _, _ = select.select([proc.stdout], [], [], STARTUP_SECONDS)
        if not ready or frames.recv(proc.stdout.fileno()) != "ready":
            proc.kill()
            proc.wait()
            raise SandboxError("无法启动解析进程（sandbox）")
        return proc

    def run(self, digest: str, source: str, data: bytes) -> Rows:
        if self.proc is None or self.proc.poll() is not None:
            self.proc = self._start()
        proc = self.proc
        assert proc.stdin is not None and proc.stdout is not None
        try:
            frames.send(proc.stdin, (digest, source, data))
        except (BrokenPipeError, OSError):
            return self._died(digest, source, data)
        ready, _, _ = select.select([proc.stdout], [], [], self.config.timeout)
        if not ready:
            self.close()
            reason = f"处理超过 {self.config.timeout:g} 秒仍未完成，已终止"
            return failure_rows(
                digest, source, "timeout", reason, _kind_of(data), self.config.timeout
            )
        answer = frames.recv(proc.stdout.fileno())
        if answer is None:
            return self._died(digest, source, data)
        rows: Rows = answer[0]
        leave: bool = answer[1]
        if leave:
            self.close()
        return rows

    def _died(self, digest: str, source: str, data: bytes) -> Rows:
        """The sandbox ended while on this file: say why, from how it ended."""
        assert self.proc is not None
        code = self.proc.wait()
        self.proc = None
        if code == -signal.SIGXCPU:
            status, reason = "timeout", f"CPU 时间超过 {self.config.timeout:g} 秒，已终止"
        elif code == -signal.SIGKILL:
            status, reason = "memory", "工作进程被系统终止（多为内存耗尽）"
        else:
            status, reason = "killed", f"工作进程异常退出（退出码 {code}）"
        return failure_rows(digest, source, status, reason, _kind_of(data), None)

    def close(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


def _kind_of(data: bytes) -> str | None:
    from ..report.parse import UnreadableInput
    from ..report.parse.detect import detect_kind

    try:
        return detect_kind(data)
    except UnreadableInput:
        return None


_local = threading.local()
_all: list[Sandbox] = []


def _sandbox(config: WorkerConfig) -> Sandbox:
    """This thread's sandbox for ``config`` (a pool process or Dask worker thread keeps one)."""
    box: Sandbox | None = getattr(_local, "sandbox", None)
    if box is None or box.config != config:
        if box is not None:
            box.close()
        box = Sandbox(config)
        _local.sandbox = box
        _all.append(box)
    return box


@atexit.register
def _close_all() -> None:
    for box in _all:
        box.close()


def process_chunk(chunk: list[Work], config: WorkerConfig) -> Tables:
    """Parse and check each file of the chunk in this worker's sandbox; never raises for a file.

    Returns the chunk's rows as Arrow tables: converted here, in parallel, not in the writer."""
    box = _sandbox(config)
    out = Rows()
    for digest, source, data in chunk:
        out.extend(box.run(digest, source, data))
    return tables_of(out)


def ignore_interrupt() -> None:
    """Pool-process initializer: Ctrl-C is for the parent, which stops the run cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
