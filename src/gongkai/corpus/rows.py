"""A parsed report (or a failure) as row tuples in the order of ``schema.py``.

Runs in the sandbox process, so what travels back to the parent is plain tuples — cheap to
pickle — and the parent only appends them to the batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..report.findings import Severity
from ..report.jsonio import cell_to_json
from ..report.model import Report
from .codes import IDENTITY_CODES
from .names import agency_id, region_of

Row = tuple[Any, ...]


@dataclass
class Rows:
    """The rows one or more files add to each batch table."""

    reports: list[Row] = field(default_factory=list)
    cells: list[Row] = field(default_factory=list)
    findings: list[Row] = field(default_factory=list)
    narrative: list[Row] = field(default_factory=list)

    def extend(self, other: Rows) -> None:
        self.reports += other.reports
        self.cells += other.cells
        self.findings += other.findings
        self.narrative += other.narrative

    def hashes(self) -> list[str]:
        return [row[0] for row in self.reports]


def report_rows(
    report: Report,
    digest: str,
    source: str,
    kind: str,
    seconds: float,
    aliases: dict[str, str] | None = None,
) -> Rows:
    aid = agency_id(report.agency, aliases)
    year = report.year
    spec = report.spec
    cells: list[Row] = []
    for key, value in report.cells.items():
        prov = report.provenance.get(key)
        text = cell_to_json(value)
        cells.append(
            (
                digest,
                year,
                aid,
                key,
                None if value is None else float(value),
                None if text is None else str(text),
                spec.cells[key].column.unit.value,
                prov.unit if prov else None,
                prov.raw if prov else None,
                prov.page if prov else None,
                prov.line if prov else None,
            )
        )
    findings = [
        (
            digest,
            year,
            aid,
            f.code,
            f.severity.value,
            f.stage.value,
            list(f.cells),
            f.message,
            text_of(f.expected),
            text_of(f.actual),
            f.location.line if f.location else None,
        )
        for f in report.findings
    ]
    narrative = [
        (digest, year, aid, section, text) for section, text in report.sections.items() if text
    ]
    severities = [f.severity for f in report.findings]
    row = (
        digest,
        source,
        report.agency,
        aid,
        region_of(aid),
        year,
        report.format,
        kind,
        report.title,
        "ok",
        None,
        severities.count(Severity.ERROR),
        severities.count(Severity.WARNING),
        severities.count(Severity.INFO),
        sum(1 for f in report.findings if f.code in IDENTITY_CODES),
        sum(1 for v in report.cells.values() if v is not None),
        seconds,
        None,
    )
    return Rows([row], cells, findings, narrative)


def failure_rows(
    digest: str, source: str, status: str, reason: str, kind: str | None, seconds: float | None
) -> Rows:
    """A file that gave no report: recorded with why, so a second run does not retry it."""
    row = (digest, source, None, None, None, None, None, kind, None, status, reason)
    return Rows([(*row, None, None, None, None, None, seconds, None)])


def text_of(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return str(cell_to_json(value))
    if isinstance(value, tuple | list):
        return ", ".join(str(text_of(v)) for v in value)
    return str(value)
