"""Part 二 of the annual report from the registers, in the layout of the report year.

Rules (documented here because the format does not state them):

- flows (制发、废止、新公开、处理决定、采购项目、金额) are the sum of the year's entries, and None when
  no entry of the year records that figure — never 0 by default;
- 现行有效件数 (2021) / 对外公开总数量 (2019) of year Y is the latest recorded stock of year Y; with
  none recorded it is chained: the stock of Y−1 + 制发 (2021) or 新公开 (2019) − 废止 of Y; with no
  earlier stock at all it is None;
- 上一年项目数量 (2019) is the latest recorded 项目数量 at or before the end of Y−1, and 本年增/减 is
  the latest 项目数量 recorded within Y minus that (None unless both are known).
"""

from __future__ import annotations

from decimal import Decimal

from gongkai.agencies.models import Agency
from gongkai.report.formats import format_for_year

from .models import RegisterEntry

Value = int | Decimal | None

_FLOW_2019 = {"new_made": "issued", "new_published": "published", "decisions": "decisions"}
_FLOW_2019 |= {"projects": "projects", "amount": "amount"}
_FLOW_2021 = {"issued": "issued", "repealed": "repealed", "decisions": "decisions"}
_FLOW_2021 |= {"amount": "amount"}


class _Ledger:
    def __init__(self, agency: Agency, year: int) -> None:
        self.rows = list(
            RegisterEntry.objects.filter(agency=agency, period_start__year__lte=year).order_by(
                "period_end", "pk"
            )
        )

    def flow(self, subject: str, figure: str, year: int) -> Value:
        values = [
            getattr(r, figure)
            for r in self.rows
            if r.subject == subject and r.period_start.year == year
        ]
        known = [v for v in values if v is not None]
        return sum(known[1:], known[0]) if known else None

    def latest(self, subject: str, figure: str, *, upto: int, since: int | None = None) -> Value:
        values = [
            getattr(r, figure)
            for r in self.rows
            if r.subject == subject
            and r.period_end.year <= upto
            and (since is None or r.period_end.year >= since)
            and getattr(r, figure) is not None
        ]
        return values[-1] if values else None

    def first_year(self) -> int | None:
        return min((r.period_start.year for r in self.rows), default=None)

    def stock(self, subject: str, year: int, added: str) -> Value:
        """现行有效件数/对外公开总数量 at the end of ``year``, recorded or chained."""
        first = self.first_year()
        if first is None or year < first:
            return None
        recorded = self.latest(subject, "stock", upto=year, since=year)
        if recorded is not None:
            return recorded
        before = self.stock(subject, year - 1, added)
        if before is None:
            return None
        plus = self.flow(subject, added, year) or 0
        minus = self.flow(subject, "repealed", year) or 0
        return before + plus - minus


def part_two(agency: Agency, year: int) -> dict[str, Value]:
    """Every ``active.*`` cell of ``format_for_year(year)``: a number, or None if not recorded."""
    layout = format_for_year(year)
    ledger = _Ledger(agency, year)
    flows = _FLOW_2019 if layout.version == "2019" else _FLOW_2021
    added = "published" if layout.version == "2019" else "issued"
    values: dict[str, Value] = {}
    for grid in layout.active:
        for row in grid.rows:
            for column in grid.columns:
                values[grid.key(row, column)] = _cell(
                    ledger, row.key, column.key, year, flows, added
                )
    return values


def _cell(
    ledger: _Ledger, subject: str, column: str, year: int, flows: dict[str, str], added: str
) -> Value:
    if column in flows:
        return ledger.flow(subject, flows[column], year)
    if column in {"in_force", "total_published"}:
        return ledger.stock(subject, year, added)
    previous = ledger.latest(subject, "items", upto=year - 1)
    if column == "prev_count":
        return previous
    if column == "change":
        now = ledger.latest(subject, "items", upto=year, since=year)
        return None if now is None or previous is None else now - previous
    raise KeyError(f"no register rule for active.{subject}.{column}")
