"""The checks (核验) of an annual report: what a clerk or a reader should look at again.

``run_checks(report, previous=None)`` returns the findings (stage CHECK) in a stable order:

1. layout for the year (``layout.py``);
2. each cell on its own — invalid, negative, fractional, missing (``values.py``), in the
   official reading order of the cells;
3. the 勾稽关系 of parts 三 and 四 that do not hold, ordered by their first cell, then one
   IDENTITY_UNVERIFIABLE for those that cannot be evaluated (``identities.py``); for cells
   read by OCR, the one misread digit that would explain them, if exactly one does (``ocr.py``);
4. the narrative against the tables and itself, in order of kind (``narrative.py``);
5. with ``previous``, the cross-year checks (``cross_year.py``).

The checks never raise on a well-typed ``Report``, whatever its values or text.
"""

from __future__ import annotations

from ..findings import Finding
from ..model import Report
from .cross_year import check_cross_year
from .identities import check_identities
from .layout import check_layout
from .narrative import check_narrative
from .ocr import check_ocr
from .values import check_values

__all__ = [
    "check_cross_year",
    "check_identities",
    "check_layout",
    "check_narrative",
    "check_ocr",
    "check_values",
    "run_checks",
]


def run_checks(report: Report, previous: Report | None = None) -> list[Finding]:
    """Every check of ``report``; with ``previous`` (last year's report) the cross-year ones too."""
    findings = [
        *check_layout(report),
        *check_values(report),
        *check_identities(report),
        *check_ocr(report),
        *check_narrative(report),
    ]
    if previous is not None:
        findings.extend(check_cross_year(report, previous))
    return findings
