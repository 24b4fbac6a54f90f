"""Run one function in a child process with hard CPU-time, memory and wall-clock limits.

Checks inside a parser cannot stop every runaway (a C library looping, a 95 MB XML tree); the
kernel can. ``run_limited`` starts ``python -m gongkai.jobs.child``, which limits itself before
reading its input; whatever happens there, the worker process survives and gets either the
function's value, the exception it raised, or ``LimitExceeded`` with the reason in Chinese.
"""

from __future__ import annotations

import logging
import pickle
import signal
import subprocess
import sys
from dataclasses import dataclass
from typing import Any

from django.conf import settings

log = logging.getLogger(__name__)
NOTHING_SAVED = "已终止，未保存任何内容"


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

    Returns its value, re-raises its exception, or raises LimitExceeded. ``django``: set Django
    up in the child first (slower; for functions whose module imports models).
    """
    limits = limits or Limits.from_settings()
    command = [
        sys.executable, "-m", "gongkai.jobs.child",
        str(limits.cpu_seconds), str(limits.memory_mb * 1024 * 1024),
    ]  # fmt: skip
    if django:
        command.append("--django")
    payload = pickle.dumps((target, args, kwargs))
    try:
        done = subprocess.run(
            command, input=payload, capture_output=True, timeout=limits.wall_seconds, check=False
        )
    except subprocess.TimeoutExpired:  # subprocess.run has killed the child
        raise LimitExceeded(
            f"任务超时：超过 {limits.wall_seconds} 秒仍未完成，{NOTHING_SAVED}"
        ) from None
    if done.returncode != 0 or not done.stdout:
        raise LimitExceeded(_death(done.returncode, limits, done.stderr))
    kind, value = pickle.loads(done.stdout)
    if kind == "memory":
        raise LimitExceeded(f"内存超限：超过 {limits.memory_mb} MB，{NOTHING_SAVED}")
    if kind == "raised":
        raise value
    return value


def _death(returncode: int, limits: Limits, stderr: bytes) -> str:
    if returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        return f"任务超时：CPU 时间超过 {limits.cpu_seconds} 秒，{NOTHING_SAVED}"
    log.warning("job child exited %s: %s", returncode, stderr[-2000:].decode(errors="replace"))
    if b"MemoryError" in stderr or returncode in (-signal.SIGSEGV, -signal.SIGABRT):
        return f"内存超限：超过 {limits.memory_mb} MB，{NOTHING_SAVED}"
    return f"处理进程异常退出（退出码 {returncode}），{NOTHING_SAVED}"
