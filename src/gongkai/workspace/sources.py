"""Where the figures come from: the other apps' records (the one place to fix if they move).

- part 二 (主动公开, 第二十条 registers): ``gongkai.disclosures.services.part_two``
- part 三 (依申请公开): ``gongkai.applications.services.statistics.part_three``
- part 四 (复议诉讼): ``gongkai.remedies.services.part_four``
- published items by 目录类别, for the narrative: ``gongkai.disclosures.services.statistics``
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from gongkai.agencies.models import Agency

Value = int | Decimal | None


@dataclass(frozen=True)
class Published:
    """主动公开 items published in the year: the total and the count per 目录类别 (non-zero)."""

    total: int
    by_category: list[tuple[str, int]]


def part_two(agency: Agency, year: int) -> dict[str, Value]:
    from gongkai.disclosures.services import part_two as compute

    return compute(agency, year)


def part_three(agency: Agency, year: int) -> dict[str, Value]:
    from gongkai.applications.services.statistics import part_three as compute

    return dict(compute(agency, year))


def part_four(agency: Agency, year: int) -> dict[str, Value]:
    from gongkai.remedies.services import part_four as compute

    return dict(compute(agency, year))


def published(agency: Agency, year: int) -> Published:
    from gongkai.disclosures.services import statistics

    stats = statistics(agency, dt.date(year, 1, 1), dt.date(year, 12, 31))
    return Published(stats.total, [(name, n) for name, n in stats.by_category if n])


@dataclass(frozen=True)
class Fees:
    """信息处理费 of the year (part 六 of the 2021 format): notices sent, quoted and paid (元)."""

    notices: int
    quoted: Decimal
    paid: Decimal


def fees(agency: Agency, year: int) -> Fees:
    from gongkai.applications.models import FeeRecord

    rows = list(FeeRecord.objects.filter(application__agency=agency, on__year=year))
    quoted = sum((r.amount for r in rows), Decimal(0))
    paid = sum((r.amount for r in rows if r.paid_on is not None), Decimal(0))
    return Fees(len(rows), quoted, paid)
