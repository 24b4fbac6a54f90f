"""Parse, then check: the one path every entry point (CLI, web, bench) takes."""

from __future__ import annotations

from pathlib import Path

from .checks import run_checks
from .findings import Stage
from .model import Report
from .parse import read_path, read_report


def analyse(report: Report, previous: Report | None = None) -> Report:
    """Replace the report's check findings by a fresh run; the parser's findings stay."""
    parsed = [f for f in report.findings if f.stage is Stage.PARSE]
    report.findings = parsed + run_checks(report, previous)
    return report


def load_path(path: str | Path, previous: Report | None = None) -> Report:
    return analyse(read_path(path), previous)


def load_bytes(data: bytes, source: str | None, previous: Report | None = None) -> Report:
    return analyse(read_report(data, source), previous)
