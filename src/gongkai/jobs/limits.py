"""Run one function in a child process with hard CPU-time, memory and wall-clock limits.

Checks inside a parser cannot stop every runaway (a C library looping, a 95 MB XML tree); the
kernel can. ``run_limited`` forks a child from a fork server (``multiprocessing``'s
"forkserver", warmed by ``gongkai.jobs.preload``); the child limits itself before it runs the
function (``child.run_in_fork``). Whatever happens there, the worker process survives and gets
either the function's value, the exception it raised, or ``LimitExceeded`` with the reason in
Chinese. The fork server is a clean process started once per worker: it holds no database
connection and no state of earlier jobs, and each job's child is a fresh fork of it.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import signal
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from .child import MEMORY_EXIT, run_in_fork

log = logging.getLogger(__name__)
NOTHING_SAVED = "已终止，未保存任何内容"
EXIT_SECONDS = 10  # a child that has replied (or closed its pipe) is given this long to exit
_FORKS = multiprocessing.get_context("forkserver")
_FORKS.set_forkserver_preload(["gongkai.jobs.preload"])


class JobFailed(Exception):
    """The job ends as failed; the message (Chinese) is shown on its page."""


class LimitExceeded(JobFailed):
    """The child was stopped by a limit or died."""


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int
    memory_mb: int
    wall_seconds: int

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            settings.GONGKAI_TASK_CPU_SECONDS,
            settings.GONGKAI_TASK_MEMORY_MB,
            settings.GONGKAI_TASK_WALL_SECONDS,
        )


def run_limited(
    target: str, *args: Any, limits: Limits | None = None, django: bool = False, **kwargs: Any
) -> Any:
    """Run ``target`` (``"module:function"``) on picklable arguments in a limited child.

    Returns its value, re-raises its exception, or raises LimitExceeded. ``django``: make sure
    Django is set up in the child first (for functions whose module imports models).
    """
    limits = limits or Limits.from_settings()
    receive, send = _FORKS.Pipe(duplex=False)
    cpu, memory = limits.cpu_seconds, limits.memory_mb * 1024 * 1024
    child = _FORKS.Process(
        target=run_in_fork, args=(send, cpu, memory, target, args, kwargs, django), daemon=True
    )
    try:
        child.start()
    except (OSError, EOFError) as exc:  # the fork server could not start or fork
        receive.close()
        send.close()
        log.error("job child could not be started: %r", exc)
        raise JobFailed(f"后台处理进程无法启动，{NOTHING_SAVED}") from exc
    try:
        send.close()  # the child holds the sending end now: EOF once it is gone
        data = _reply(receive, limits)
        child.join(EXIT_SECONDS)  # its own exit status, before any kill below could mask it
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()
    if data is None:
        raise LimitExceeded(_death(child.exitcode, limits))
    kind, value = pickle.loads(data)
    if kind == "memory":
        raise LimitExceeded(_memory(limits))
    if kind == "raised":
        raise value
    return value


def _reply(receive: Any, limits: Limits) -> bytes | None:
    """The child's reply, or None when it died without one; LimitExceeded when the wall clock
    runs out first (the child is killed on the way out)."""
    if not receive.poll(limits.wall_seconds):  # True on data and on EOF alike
        raise LimitExceeded(f"任务超时：超过 {limits.wall_seconds} 秒仍未完成，{NOTHING_SAVED}")
    try:
        return bytes(receive.recv_bytes())
    except EOFError:
        return None


def _memory(limits: Limits) -> str:
    return f"内存超限：超过 {limits.memory_mb} MB，{NOTHING_SAVED}"


def _death(exitcode: int | None, limits: Limits) -> str:
    if exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        return f"任务超时：CPU 时间超过 {limits.cpu_seconds} 秒，{NOTHING_SAVED}"
    if exitcode in (MEMORY_EXIT, -signal.SIGSEGV, -signal.SIGABRT):
        return _memory(limits)
    log.warning("job child exited with status %s without a reply", exitcode)
    return f"处理进程异常退出（退出码 {exitcode}），{NOTHING_SAVED}"
