"""Functions for ``gongkai.jobs.limits.run_limited`` to run in its limited child: a runaway of
each kind, and probes of what the child inherits."""

from __future__ import annotations

import os
import signal
import sys
import time

_calls = 0


def spin() -> None:
    while True:
        pass


def hog_memory(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "woke"


def exit_with(status: int) -> None:
    os._exit(status)


def crash() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def count_calls() -> int:
    """1 in a fresh child: nothing a job leaves behind reaches the next one."""
    global _calls
    _calls += 1
    return _calls


def imported(name: str) -> bool:
    """Whether ``name`` was loaded before this call (by the fork server's preload)."""
    return name in sys.modules
