"""Cells of a scanned report a clerk should compare with the scan: those OCR read with low
confidence and those a single misread digit would explain (``checks/ocr.py``).

Each comes with the reading the identities suggest, if any, so the page can offer both as
one-click corrections through the audited correction service.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.report.checks.ocr import LOW_CONFIDENCE
from gongkai.report.model import Report, Value

MAX_SHOWN = 40


@dataclass(frozen=True)
class ScanCheck:
    key: str
    label: str
    value: Value
    confidence: float
    reading: Value  # what the identities suggest instead, or None


def scan_checks(report: Report) -> list[ScanCheck]:
    suggested = {
        f.cells[0]: f.expected
        for f in report.findings
        if f.code == "OCR_MISREAD_SUSPECTED" and f.cells
    }
    out = []
    for key, spec in report.spec.cells.items():
        prov = report.provenance.get(key)
        if prov is None or prov.box is None or prov.confidence is None:
            continue
        if key in suggested or prov.confidence < LOW_CONFIDENCE:
            out.append(
                ScanCheck(
                    key, spec.label, report.cells.get(key), prov.confidence, suggested.get(key)
                )
            )
    out.sort(key=lambda c: (c.reading is None, c.confidence))
    return out[:MAX_SHOWN]
