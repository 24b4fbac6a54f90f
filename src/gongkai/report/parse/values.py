"""Reading a table cell's number: counts, signed changes and amounts with their unit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .normalize import halfwidth

# A cell that stands for "no value" in published tables (not zero: the value is unknown).
_BLANKS = frozenset({"", "-", "--", "—", "——", "–", "/", "\\", "－", "―", "─", "━", "..."})
_NUMBER = re.compile(
    r"^(?P<sign>[+\-−增减])?\s*(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?\s*(?P<unit>万元|元|件|条|项|个|份)?$"
)
WAN_YUAN = "万元"
YUAN = "元"
_TEN_THOUSAND = Decimal(10000)


@dataclass(frozen=True)
class CellValue:
    """What one cell holds: a number (int or Decimal), a blank, or unreadable text."""

    raw: str
    value: int | Decimal | None
    unit: str | None = None  # "万元" / "元" when the cell prints a money unit
    blank: bool = False

    @property
    def readable(self) -> bool:
        return self.blank or self.value is not None


@lru_cache(maxsize=8192)
def read_cell(raw: str) -> CellValue:
    text = halfwidth(raw).strip()
    if text in _BLANKS:
        return CellValue(raw, None, blank=True)
    m = _NUMBER.match(text)
    if m is None:
        return CellValue(raw, None)
    digits = m["num"].replace(",", "") + (m["frac"] or "")
    try:
        number = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        return CellValue(raw, None)
    if m["sign"] in ("-", "−", "减"):  # "减12" in a 本年增/减 cell is −12
        number = -number
    unit = m["unit"] if m["unit"] in (WAN_YUAN, YUAN) else None
    value: int | Decimal = int(number) if m["frac"] is None else number
    return CellValue(raw, value, unit)


def is_value_text(raw: str) -> bool:
    """True when the cell reads as a number or a blank placeholder (not a label)."""
    return read_cell(raw).readable


def header_unit(label: str) -> str | None:
    """The money unit a column header declares: "（单位：万元，…）" or "（元）"."""
    text = halfwidth(label)
    if WAN_YUAN in text:
        return WAN_YUAN
    if re.search(r"[(:：]\s*元|单位\s*[:：]?\s*元", text):
        return YUAN
    return None


def to_wan_yuan(value: int | Decimal, unit: str | None) -> Decimal:
    """An amount in 万元, exactly; a value in 元 is divided by 10,000."""
    number = Decimal(value)
    if unit == YUAN:
        number = number / _TEN_THOUSAND
    whole = number.to_integral_value()  # 200, never 2E+2 (what normalize() makes of it)
    return whole if number == whole else number.normalize()
