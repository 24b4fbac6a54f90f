"""The child process that does the heavy part of a job, under limits the OS enforces.

``python -m gongkai.jobs.child CPU_SECONDS MEMORY_BYTES [--django]`` first sets its own hard limits
(RLIMIT_CPU, RLIMIT_AS; no core files), then reads a pickled ``("module:function", args,
kwargs)`` from stdin, runs it and writes a pickled reply to stdout: ``("ok", value)``,
``("raised", exception)`` or ``("memory", None)``. A runaway function is stopped by the kernel
(SIGXCPU, or allocation failing) — the parent (``limits.run_limited``) reads the exit status.
``--django`` sets Django up (settings from the environment) for targets whose module imports
models; the child still never touches the database: the parent saves, after success.
"""

from __future__ import annotations

import importlib
import pickle
import resource
import sys
from typing import Any


def set_limits(cpu_seconds: int, memory_bytes: int) -> None:
    # The soft CPU limit sends SIGXCPU (which terminates); one second later the hard one SIGKILLs.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


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


def main(argv: list[str]) -> None:
    set_limits(int(argv[1]), int(argv[2]))
    target, args, kwargs = pickle.loads(sys.stdin.buffer.read())
    if len(argv) > 3 and argv[3] == "--django":  # the target's module imports models
        import django

        django.setup()
    reply = call(target, args, kwargs)
    try:
        data = pickle.dumps(reply)
    except MemoryError:
        data = pickle.dumps(("memory", None))
    except Exception as exc:  # an exception or value that does not pickle
        data = pickle.dumps(("raised", RuntimeError(f"{type(exc).__name__}: {exc}")))
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main(sys.argv)
