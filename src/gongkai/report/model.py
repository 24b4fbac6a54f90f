"""The annual report as data (政府信息公开工作年度报告).

A ``Report`` holds every cell of its format's tables under the canonical keys of
``formats.py`` — ``None`` where the source gives no value, never 0 — plus the narrative of
the six parts, and, when it was parsed, where each value came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .findings import Finding, Location
from .formats import FORMATS, SECTION_KEYS, ReportFormat

Value = int | Decimal | None


@dataclass(frozen=True)
class Provenance:
    """Where a cell's value was read: file, page (PDF/DOCX/scan), line, and the raw text.

    For amounts, ``unit`` keeps the unit the source used ("万元", "元", or None when the
    source printed none) so a converted value can be traced to what was published.
    """

    source: str | None
    raw: str
    page: int | None = None
    line: int | None = None
    unit: str | None = None
    # OCR'd cells only: the cell's box (x, y, w, h) in page pixels and the engine's
    # confidence (0–100), so a clerk can be shown the very spot of the scan
    box: tuple[int, int, int, int] | None = None
    confidence: float | None = None

    @property
    def location(self) -> Location:
        return Location(self.source, self.page, self.line)


@dataclass
class Report:
    format: str
    agency: str | None = None
    year: int | None = None
    title: str | None = None
    cells: dict[str, Value] = field(default_factory=dict)
    sections: dict[str, str | None] = field(default_factory=dict)
    source: str | None = None
    provenance: dict[str, Provenance] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"未知的报告格式：{self.format!r}（应为 2019 或 2021）")
        spec = self.spec
        unknown = set(self.cells) - set(spec.cells)
        if unknown:
            raise ValueError(f"{self.format} 格式没有这些单元格：{', '.join(sorted(unknown))}")
        self.cells = {key: self.cells.get(key) for key in spec.cells}
        self.sections = {key: self.sections.get(key) for key in SECTION_KEYS}

    @property
    def spec(self) -> ReportFormat:
        return FORMATS[self.format]

    @classmethod
    def empty(cls, fmt: str, **kwargs: object) -> Report:
        return cls(format=fmt, **kwargs)  # type: ignore[arg-type]

    def location_of(self, key: str) -> Location | None:
        prov = self.provenance.get(key)
        if prov is not None:
            return prov.location
        return Location(self.source) if self.source else None
