"""Sums over a scope's reports, remembered until one of those reports changes.

Summing a thousand reports' cells is the one dashboard query that grows with the data
(≈150,000 ``ReportCell`` rows a year). Its result depends only on which reports are summed and
what they hold, so it is cached under a fingerprint of exactly that: how many reports, the sum
of their ids and the latest ``updated_at`` — every change goes through ``reports.services.store``,
which saves the report (``auto_now``), and a deleted or added report changes the count or the
ids. The fingerprint is one small aggregate over the report rows (indexed by year and agency).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.db.models import Count, Max, QuerySet, Sum

from gongkai.reports.models import AnnualReport

T = TypeVar("T")
TIMEOUT = 24 * 3600


def fingerprint(reports: QuerySet[AnnualReport]) -> str:
    f = reports.aggregate(n=Count("pk"), ids=Sum("pk"), latest=Max("updated_at"))
    latest = f["latest"].isoformat() if f["latest"] else ""
    return f"{f['n']}:{f['ids'] or 0}:{latest}"


def remembered(name: str, reports: QuerySet[AnnualReport], compute: Callable[[], T]) -> T:
    """``compute()``, or its value from the last time the same reports were unchanged."""
    digest = hashlib.sha256(f"{name}|{fingerprint(reports)}".encode()).hexdigest()
    key = f"gongkai:dashboard:{digest}"
    found: Any = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, TIMEOUT)
    return found  # type: ignore[no-any-return]
