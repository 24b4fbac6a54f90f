"""What runs inside a job's child process, under limits the OS enforces.

``run_in_fork`` is the child's whole life: it first sets its own hard limits (RLIMIT_CPU,
RLIMIT_AS; no core files), then runs ``"module:function"`` on the arguments and sends a pickled
reply down the pipe: ``("ok", value)``, ``("raised", exception)`` or ``("memory", None)``. A
runaway function is stopped by the kernel (SIGXCPU, or allocation failing); the parent
(``limits.run_limited``) reads the exit status. The child never touches the database: the
parent saves, after success.
"""

from __future__ import annotations

import importlib
import os
import pickle
import resource
from multiprocessing.connection import Connection
from typing import Any

# Exit status of a child that ran out of memory before it could even say so.
MEMORY_EXIT = 3


def set_limits(cpu_seconds: int, memory_bytes: int) -> None:
    # The soft CPU limit sends SIGXCPU (which terminates); one second later the hard one SIGKILLs.
    # A forked child's CPU time starts at zero, so the allowance is the job's own.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_in_fork(
    reply_to: Connection,
    cpu_seconds: int,
    memory_bytes: int,
    target: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    django: bool,
) -> None:
    try:
        set_limits(cpu_seconds, memory_bytes)
        if django:  # the target's module imports models (the fork server has usually set up)
            _setup_django()
        reply = call(target, args, kwargs)
        try:
            data = pickle.dumps(reply)
        except MemoryError:
            data = pickle.dumps(("memory", None))
        except Exception as exc:  # an exception or value that does not pickle
            data = pickle.dumps(("raised", RuntimeError(f"{type(exc).__name__}: {exc}")))
        reply_to.send_bytes(data)
    except MemoryError:
        os._exit(MEMORY_EXIT)


def _setup_django() -> None:
    from django.apps import apps

    if not apps.ready:
        import django

        django.setup()


def call(target: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[str, Any]:
    module, _, name = target.partition(":")
    try:
        return "ok", getattr(importlib.import_module(module), name)(*args, **kwargs)
    except MemoryError:
        return "memory", None
    except Exception as exc:
        return ("memory", None) if out_of_memory(exc) else ("raised", exc)


def out_of_memory(exc: BaseException | None) -> bool:
    """Whether a failure was the memory limit. Parsers wrap MemoryError in their own error, and
    lxml reports a failed allocation as "unknown error"; so besides the exception chain, a peak
    address space within 20 % of the limit counts as running out of memory."""
    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, MemoryError):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    return limit != resource.RLIM_INFINITY and _peak_bytes() >= 0.8 * limit


def _peak_bytes() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0
