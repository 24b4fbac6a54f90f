"""信息处理费 (国办函〔2020〕109号): the worked examples of domain rules §1.6."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.law.fees import FeeMethod, per_item_fee, per_item_rate, per_page_fee, per_page_rate

ON = dt.date(2025, 6, 1)


@pytest.mark.parametrize(
    ("count", "amount"),
    [(0, 0), (10, 0), (11, 100), (30, 2000), (31, 2200), (35, 3000), (40, 4000), (45, 5500)],
)
def test_per_item(count: int, amount: int) -> None:
    quote = per_item_fee(count, on=ON)
    assert quote.amount == Decimal(amount)
    assert quote.method is FeeMethod.PER_ITEM


def test_per_item_breakdown_and_month_so_far() -> None:
    assert per_item_fee(35, on=ON).breakdown == "20件×100元＋5件×200元＝3000元"
    assert per_item_fee(45, on=ON).breakdown == "20件×100元＋10件×200元＋5件×300元＝5500元"
    # the 36th application of the month alone
    assert per_item_fee(1, already=35, on=ON).amount == Decimal(200)
    assert per_item_fee(10, already=25, on=ON).amount + per_item_fee(25, on=ON).amount == Decimal(
        3000
    )


@pytest.mark.parametrize(
    ("n", "rate"),
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (51, 400)],
)
def test_per_item_rate_band_edges(n: int, rate: int) -> None:
    assert per_item_rate(n) == Decimal(rate)


@pytest.mark.parametrize(
    ("pages", "amount"), [(30, 0), (31, 10), (100, 700), (101, 720), (200, 2700), (250, 4700)]
)
def test_per_page(pages: int, amount: int) -> None:
    assert per_page_fee(pages, on=ON).amount == Decimal(amount)


def test_per_page_breakdown() -> None:
    quote = per_page_fee(250, on=ON)
    assert quote.breakdown == "70页×10元＋100页×20元＋50页×40元＝4700元"
    assert isinstance(quote.amount, Decimal)
    assert per_page_rate(201) == Decimal(40)


@pytest.mark.parametrize(
    ("day", "amount"),
    [(dt.date(2020, 12, 31), 0), (dt.date(2021, 1, 1), 3000), (dt.date(2021, 1, 2), 3000)],
)
def test_no_fee_before_2021(day: dt.date, amount: int) -> None:
    quote = per_item_fee(35, on=day)
    assert quote.amount == Decimal(amount)
    if not amount:
        assert quote.breakdown == "0元"
        assert "此前不收取" in quote.basis


def test_invalid_quantities() -> None:
    with pytest.raises(ValueError):
        per_item_fee(-1, on=ON)
    with pytest.raises(ValueError):
        per_item_rate(0)
    with pytest.raises(ValueError):
        per_page_rate(0)
