"""信息处理费 (条例第四十二条; 《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号).

Charged only when the quantity or frequency of applications clearly exceeds a reasonable
range, from **2021-01-01**; the organ picks **one** method per application (第三条):

* 按件 (第四条), per applicant per natural month, over the cumulative count: 1–10 free;
  11–30 at 100 元/件; from 31 in bands of 10, each band 100 元/件 more (31–40 at 200,
  41–50 at 300, …; the band edges are our reading of "以10件为一档").
* 按量 (第五条), per application, for paper copies, e-mail or copied electronic data:
  1–30 pages free; 31–100 at 10 元/页; 101–200 at 20 元/页; from 201 at 40 元/页.

Amounts are exact :class:`~decimal.Decimal` 元.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from itertools import groupby

FEES_FROM = dt.date(2021, 1, 1)  # 国办函〔2020〕109号: 自2021年1月1日起执行
MEASURES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"


class FeeMethod(StrEnum):
    PER_ITEM = "per_item"  # 按件计收
    PER_PAGE = "per_page"  # 按量计收

    @property
    def label(self) -> str:
        return "按件计收" if self is FeeMethod.PER_ITEM else "按量计收"

    @property
    def unit(self) -> str:
        return "件" if self is FeeMethod.PER_ITEM else "页"


@dataclass(frozen=True)
class FeeLine:
    """One band of a quote: items/pages ``first``–``last`` at ``price`` each."""

    first: int
    last: int
    price: Decimal

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    @property
    def amount(self) -> Decimal:
        return self.price * self.count


@dataclass(frozen=True)
class FeeQuote:
    method: FeeMethod
    quantity: int
    lines: tuple[FeeLine, ...]  # only the bands that cost something
    basis: str

    @property
    def amount(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))

    @property
    def breakdown(self) -> str:
        """E.g. "20件×100元＋5件×200元＝3000元"."""
        if not self.lines:
            return "0元"
        unit = self.method.unit
        parts = "＋".join(f"{ln.count}{unit}×{ln.price}元" for ln in self.lines)
        return f"{parts}＝{self.amount}元"


def per_item_rate(n: int) -> Decimal:
    """The fee for the ``n``-th application of an applicant in one natural month (第四条)."""
    if n < 1:
        raise ValueError(f"件数从1起算：{n}")
    if n <= 10:
        return Decimal(0)
    if n <= 30:
        return Decimal(100)
    return Decimal(100) * (2 + (n - 31) // 10)


def per_page_rate(page: int) -> Decimal:
    """The fee for the ``page``-th page of one application (第五条)."""
    if page < 1:
        raise ValueError(f"页数从1起算：{page}")
    if page <= 30:
        return Decimal(0)
    if page <= 100:
        return Decimal(10)
    if page <= 200:
        return Decimal(20)
    return Decimal(40)


def per_item_fee(count: int, *, on: dt.date, already: int = 0) -> FeeQuote:
    """按件: the fee for ``count`` applications after ``already`` earlier ones in the month.

    >>> per_item_fee(35, on=dt.date(2025, 6, 1)).amount
    Decimal('3000')
    """
    _check(count, already)
    basis = f"{MEASURES}第四条：同一申请人一个自然月内累计申请件数超过10件的，超额累进计收"
    return _quote(FeeMethod.PER_ITEM, count, already, per_item_rate, on, basis)


def per_page_fee(pages: int, *, on: dt.date) -> FeeQuote:
    """按量: the fee for one application of ``pages`` pages.

    >>> per_page_fee(250, on=dt.date(2025, 6, 1)).amount
    Decimal('4700')
    """
    _check(pages, 0)
    basis = f"{MEASURES}第五条：单件申请30页以下（含）不收费，超过部分超额累进计收"
    return _quote(FeeMethod.PER_PAGE, pages, 0, per_page_rate, on, basis)


def _quote(
    method: FeeMethod,
    quantity: int,
    already: int,
    rate: Callable[[int], Decimal],
    on: dt.date,
    basis: str,
) -> FeeQuote:
    if on < FEES_FROM:
        return FeeQuote(
            method, quantity, (), f"{MEASURES}自{FEES_FROM}起执行，此前不收取信息处理费"
        )
    numbers = range(already + 1, already + quantity + 1)
    lines = []
    for price, group in groupby(numbers, key=rate):
        ns = list(group)
        if price:
            lines.append(FeeLine(ns[0], ns[-1], price))
    return FeeQuote(method, quantity, tuple(lines), basis)


def _check(quantity: int, already: int) -> None:
    if quantity < 0 or already < 0:
        raise ValueError(f"数量不能为负数：{quantity}、{already}")
