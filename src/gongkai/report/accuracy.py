"""How well a parsed report matches a hand label (``tests/data/real/*.expected.json``).

A label is what a person read in the published report: every cell's value, the cells whose
reading is uncertain, and the report's real defects (identities it breaks, narrative that
contradicts its tables). Scoring is one function so the tests and ``make bench`` count the
same way.

* A cell is **exact** when the parser's value equals the label's. Where the label marks the
  reading uncertain, null is accepted too; a cell labelled unreadable (null and uncertain)
  has no truth to score and is left out of the count.
* A labelled defect is **found** when a finding with its code names one of its cells.
* An error-level finding is **false** when no labelled defect has its code and shares a cell
  with it — on a consistent report, every error-level finding is false.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .findings import Finding, Severity
from .jsonio import cell_to_json
from .model import Report


@dataclass
class Score:
    cells: int = 0
    exact: int = 0
    unscored: int = 0
    wrong: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # key → (got, expected)
    defects: int = 0
    defects_found: int = 0
    missed: list[str] = field(default_factory=list)
    false_errors: list[Finding] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.exact / self.cells if self.cells else 1.0


def score(report: Report, label: dict[str, Any]) -> Score:
    """Compare ``report`` (parsed and checked) with ``label`` (an ``.expected.json``)."""
    out = Score()
    uncertain = set(label.get("uncertain", ()))
    for key, expected in label.get("cells", {}).items():
        got = cell_to_json(report.cells.get(key))
        if expected is None and key in uncertain:
            out.unscored += 1
            continue
        out.cells += 1
        if got == expected or (got is None and key in uncertain):
            out.exact += 1
        else:
            out.wrong[key] = (got, expected)
    defects = label.get("defects", [])
    for defect in defects:
        out.defects += 1
        if any(_names(f, defect) for f in report.findings):
            out.defects_found += 1
        else:
            out.missed.append(f"{defect['code']} {defect.get('note', '')}".strip())
    for f in report.findings:
        if f.severity is Severity.ERROR and not any(_names(f, d) for d in defects):
            out.false_errors.append(f)
    return out


def _names(f: Finding, defect: dict[str, Any]) -> bool:
    if f.code != defect["code"]:
        return False
    cells = set(defect.get("cells", ()))
    return not cells or not f.cells or bool(cells & set(f.cells))
