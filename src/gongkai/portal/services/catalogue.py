"""The public 公开目录 of one agency: its published items only, searchable over title, 文号 and
正文, filtered by category and date, newest first.

Search goes through the full-text index of the database (services/search_index.py: SQLite
FTS5 or PostgreSQL full-text), ``icontains`` elsewhere; ``make bench`` (bench/portal.py)
measures the page with 100,000 items among 1,000 agencies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet

from gongkai.agencies.models import Agency
from gongkai.disclosures.models import Category, Item, Status

from . import search_index


def published(agency: Agency | None = None) -> QuerySet[Item]:
    items = Item.objects.filter(status=Status.PUBLISHED)
    return items.filter(agency=agency) if agency is not None else items


@dataclass(frozen=True)
class Query:
    text: str = ""
    category: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None


def search(agency: Agency, query: Query) -> QuerySet[Item]:
    items = published(agency)
    words = query.text.split()[:5]
    found = search_index.matching(agency.pk, words) if words else None
    if found is not None:
        items = items.filter(pk__in=found)
    else:  # no full-text index on this database, or only punctuation was typed
        for word in words:
            items = items.filter(
                Q(title__icontains=word) | Q(doc_number__icontains=word) | Q(body__icontains=word)
            )
    if query.category is not None:
        items = items.filter(category_id=query.category)
    if query.since is not None:
        items = items.filter(published_on__gte=query.since)
    if query.until is not None:
        items = items.filter(published_on__lte=query.until)
    return items.select_related("category").order_by("-published_on", "-pk")


def categories(agency: Agency) -> QuerySet[Category]:
    return Category.objects.filter(agency=agency, active=True).order_by("order", "pk")


def page_of(items: QuerySet[Item], number: str | None, size: int) -> Page:
    """The page of items: the offset is walked over primary keys only (the catalogue index
    covers them), then the page's 20 items are read with their categories."""
    page = Paginator(items.values_list("pk", flat=True), size).get_page(number)
    rows = items.model.objects.select_related("category").in_bulk(list(page.object_list))
    page.object_list = [rows[pk] for pk in page.object_list]
    return page
