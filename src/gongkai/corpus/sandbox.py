"""The sandbox process: parses and checks files one at a time under resource limits.

Started by ``worker.Sandbox`` as ``python -m gongkai.corpus.sandbox``. Its address space is
capped once (RLIMIT_AS, ``--memory``); before each file the soft CPU limit (RLIMIT_CPU) is set
to the CPU used so far plus the file's allowance, so a file that spins gets SIGXCPU. A file
that sleeps or blocks is the parent's to kill (wall-clock timeout). After a MemoryError the
process says so and exits, and the parent starts a fresh one.

The reader is ``gongkai.report.pipeline.load_bytes`` unless the configuration names another
``module:function`` with the same signature (the tests inject hostile readers this way).
"""

from __future__ import annotations

import os
import resource
import signal
import sys
import time
from collections.abc import Callable
from importlib import import_module
from typing import Any

from . import frames
from .rows import Rows, failure_rows, report_rows

DEFAULT_READER = "gongkai.report.pipeline:load_bytes"


def load_reader(spec: str) -> Callable[[bytes, str], Any]:
    module, _, name = spec.partition(":")
    fn: Callable[[bytes, str], Any] = getattr(import_module(module), name)
    return fn


def limit_memory(megabytes: int | None) -> None:
    if megabytes:
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def allow_cpu(seconds: float) -> None:
    """Let the next file use ``seconds`` more CPU time; SIGXCPU ends the process after that."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(used + seconds) + 1
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def handle(
    reader: Callable[[bytes, str], Any],
    digest: str,
    source: str,
    data: bytes,
    aliases: dict[str, str] | None,
) -> tuple[Rows, bool]:
    """(rows, exit afterwards). Never raises: every failure becomes a recorded reason."""
    from ..report.parse import UnreadableInput
    from ..report.parse.detect import detect_kind

    start = time.perf_counter()
    kind: str | None = None
    try:
        kind = detect_kind(data)
        report = reader(data, source)
        return report_rows(
            report, digest, source, kind, time.perf_counter() - start, aliases
        ), False
    except UnreadableInput as exc:
        status, reason, leave = "unreadable", str(exc), False
    except MemoryError:
        status, reason, leave = "memory", "内存超出上限，已终止该文件的处理", True
    except RecursionError:
        status, reason, leave = "failed", "文件结构嵌套过深，无法解析", False
    except Exception as exc:  # a parser bug must not end the run: record it and go on
        status, reason, leave = "failed", f"解析出错：{type(exc).__name__}: {exc}"[:500], False
    seconds = time.perf_counter() - start
    return failure_rows(digest, source, status, reason, kind, seconds), leave


def main() -> None:
    from ..report.parse.limits import ocr_time_limit

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # Frames go out on a private copy of stdout; anything a library prints goes to stderr.
    stdin, stdout = sys.stdin.buffer.fileno(), os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    config = frames.recv(stdin)
    if config is None:
        return
    limit_memory(config["memory_mb"])
    reader = load_reader(config["reader"] or DEFAULT_READER)
    aliases = config["aliases"]
    frames.send(stdout, "ready")
    while True:
        message = frames.recv(stdin)
        if message is None:
            return
        digest, source, data = message
        allow_cpu(config["timeout"])
        # OCR of a scan runs in Tesseract child processes the CPU limit does not see: give it
        # most of the file's time, so it stops with a reason before the parent kills us
        with ocr_time_limit(0.9 * config["timeout"]):
            rows, leave = handle(reader, digest, source, data, aliases)
        frames.send(stdout, (rows, leave))
        if leave:
            return


if __name__ == "__main__":
    main()
