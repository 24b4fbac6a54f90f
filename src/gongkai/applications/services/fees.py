"""信息处理费: a quote from gongkai.law.fees, stored with its breakdown; the total per application."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum

from gongkai.law.fees import per_item_fee, per_page_fee

from ..models import Application, FeeRecord


def add_fee(record: FeeRecord) -> FeeRecord:
    if record.method == FeeRecord.Method.PER_ITEM:
        quote = per_item_fee(record.quantity, on=record.on, already=record.already)
    else:
        quote = per_page_fee(record.quantity, on=record.on)
    record.amount = quote.amount
    record.breakdown = quote.breakdown
    record.save()
    return record


def fee_total(application: Application) -> Decimal:
    return application.fees.aggregate(s=Sum("amount"))["s"] or Decimal(0)
