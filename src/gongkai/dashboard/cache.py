"""Sums over a scope's reports, remembered until one of those reports changes.

Summing a thousand reports' cells is the one dashboard query that grows with the data
(≈150,000 ``ReportCell`` rows a year). Its result depends only on which reports are summed and
what they hold, so it is cached under a fingerprint of exactly that: how many reports, the sum
of their ids and the latest ``updated_at`` — every change goes through ``reports.services.store``,
which saves the report (``auto_now``), and a deleted or added report changes the count or the
ids. The fingerprint is one small aggregate over the report rows (indexed by year and agency).

One dashboard page asks for the sums, the ranking, the trend, the years and the drawn table:
five fingerprints over three sets of reports. Inside ``same_page()`` each set's fingerprint is
taken once; nothing is written meanwhile, so the answer cannot change within the page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.core.cache import cache
from django.db.models import Count, Max, QuerySet, Sum

from gongkai.reports.models import AnnualReport

T = TypeVar("T")
TIMEOUT = 24 * 3600


_PAGE: ContextVar[dict[str, str] | None] = ContextVar("gongkai_dashboard_page", default=None)


@contextmanager
def same_page() -> Iterator[None]:
    """Within the block, the fingerprint of a given set of reports is computed once."""
    token = _PAGE.set({})
    try:
        yield
    finally:
        _PAGE.reset(token)


def fingerprint(reports: QuerySet[AnnualReport]) -> str:
    page = _PAGE.get()
    if page is None:
        return _fingerprint(reports)
    sql, params = reports.query.sql_with_params()
    key = f"{sql}|{params!r}"
    if key not in page:
        page[key] = _fingerprint(reports)
    return page[key]


def _fingerprint(reports: QuerySet[AnnualReport]) -> str:
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
