"""A test-only reader for the sandbox (``WorkerConfig.reader``): misbehaves on marked files.

Files starting with ``HANG`` block forever, ``EAT`` allocate memory until the limit stops them,
``SPIN`` burn CPU forever, ``CRASH`` end the process the hard way; every other file goes to
gongkai's own parse + check. Runs inside the real sandbox process, under its real limits.
"""

from __future__ import annotations

import os
import time

from gongkai.report.model import Report
from gongkai.report.pipeline import load_bytes


def read(data: bytes, source: str) -> Report:
    if data.startswith(b"HANG"):
        time.sleep(3600)
    if data.startswith(b"EAT"):
        hoard = []
        while True:
            hoard.append(bytearray(64 * 1024 * 1024))
    if data.startswith(b"SPIN"):
        n = 0
        while True:
            n += 1
    if data.startswith(b"CRASH"):
        os._exit(3)
    return load_bytes(data, source)


def read_slowly(data: bytes, source: str) -> Report:
    """gongkai's own reader, a quarter of a second per file: time to press Ctrl-C mid-run."""
    time.sleep(0.25)
    return load_bytes(data, source)
