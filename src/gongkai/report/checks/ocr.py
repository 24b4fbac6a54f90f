"""Numbers read by OCR, proven by the identities rather than trusted.

A cell whose provenance has a ``confidence`` was read from a scan. Where identities do not
hold, a misread digit is one explanation: each such cell's reading is varied one character
at a time through the confusions OCR engines are known for (8↔3, 1↔7, 0↔6 …). If exactly
one variation of a cell makes every identity through it hold, and no other cell's variation
mends the same identity, that is reported with both readings (OCR_MISREAD_SUSPECTED) — the
value itself is never changed: the clerk confirms it against the scan. Two or more
variations that each fit prove nothing, and nothing is said.

Cells the engine was unsure of (confidence under ``LOW_CONFIDENCE``) are listed together
(OCR_LOW_CONFIDENCE) so the web page can show their crops.
"""

from __future__ import annotations

from dataclasses import replace

from ..findings import Finding, finding
from ..formats import Identity
from ..model import Report

LOW_CONFIDENCE = 80.0
# digits OCR engines are known to read for one another (either way round)
_PAIRS = ("38", "17", "06", "56", "09", "08", "68", "89", "35", "14", "27", "49", "58")
CONFUSIONS: dict[str, str] = {
    d: "".join(sorted(p.replace(d, "", 1) for p in _PAIRS if d in p)) for d in "0123456789"
}


def check_ocr(report: Report) -> list[Finding]:
    read = {k: p.raw for k, p in report.provenance.items() if p.confidence is not None}
    if not read:
        return []
    out = [_misread_finding(report, *fix) for fix in suspected_misreads(report, read)]
    low = [
        k
        for k in report.spec.cells
        if k in read and (report.provenance[k].confidence or 0.0) < LOW_CONFIDENCE
    ]
    if low:
        labels = [report.spec.cells[k].label for k in low]
        shown = "、".join(labels[:10]) + (f" 等 {len(labels)} 项" if len(labels) > 10 else "")
        out.append(
            finding(
                "OCR_LOW_CONFIDENCE",
                cells=low,
                location=report.location_of(low[0]),
                count=len(low),
                threshold=f"{LOW_CONFIDENCE:.0f}",
                labels=shown,
            )
        )
    return out


def readings(raw: str) -> list[tuple[str, int]]:
    """Every reading of a plain count one confusable digit away from ``raw``."""
    text = raw.strip()
    if not text.isdigit():
        return []
    out = []
    for i, digit in enumerate(text):
        for other in CONFUSIONS.get(digit, ""):
            candidate = text[:i] + other + text[i + 1 :]
            if len(candidate) > 1 and candidate[0] == "0":
                continue  # "06" is no count anyone prints
            out.append((candidate, int(candidate)))
    return out


def suspected_misreads(report: Report, read: dict[str, str]) -> list[tuple[str, str, str, int]]:
    """[(cell, raw, reading, value)]: OCR'd cells in a broken identity for which exactly one
    one-character reading makes every identity through the cell hold — and no other such
    cell would mend the same broken identity (then nothing is proven, and nothing is said).
    Identities elsewhere (a report's own defects) do not hide a misread."""
    broken = [i for i in report.spec.identities if _holds(report, i) is False]
    if not broken:
        return []
    fixes: dict[str, tuple[str, str, str, int]] = {}
    mends: dict[str, set[int]] = {}
    for key in sorted({k for i in broken for k in i.cells if k in read}):
        if report.cells.get(key) is None:
            continue
        through = [i for i in report.spec.identities if key in i.cells]
        fitting = [
            (reading, value)
            for reading, value in readings(read[key])
            if all(_holds(_with(report, key, value), i) is not False for i in through)
        ]
        if len(fitting) == 1:
            fixes[key] = (key, read[key].strip(), *fitting[0])
            mends[key] = {n for n, i in enumerate(broken) if key in i.cells}
    return [
        fix
        for key, fix in fixes.items()
        if not any(mends[key] & mends[other] for other in fixes if other != key)
    ]


def _with(report: Report, key: str, value: int) -> Report:
    return replace(report, cells={**report.cells, key: value}, findings=[])


def _holds(report: Report, identity: Identity) -> bool | None:
    """Whether ``identity`` holds; None when a term is missing."""
    left = [report.cells.get(k) for k in identity.left]
    right = [report.cells.get(k) for k in identity.right]
    if any(v is None for v in left + right):
        return None
    return sum(left) == sum(right)  # type: ignore[arg-type]


def _misread_finding(report: Report, key: str, raw: str, reading: str, value: int) -> Finding:
    return finding(
        "OCR_MISREAD_SUSPECTED",
        cells=[key],
        actual=report.cells.get(key),
        expected=value,
        location=report.location_of(key),
        label=report.spec.cells[key].label,
        raw=raw,
        reading=reading,
    )
