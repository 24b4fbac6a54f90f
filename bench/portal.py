"""Public catalogue speed: 100,000 published items among 1,000 agencies.

``portal_speed()`` bulk-creates the items in a throwaway SQLite database — or in the one
``DATABASE_URL`` names (scripts/with-postgres.sh gives a throwaway PostgreSQL) — one agency with
20,000 of them (a big 市政府), the other 80,000 spread over the rest, then prints the p95 of the
公开目录 page (/gk/<pk>/catalogue/): plain, searched (title, 文号 and 正文, ``icontains``),
filtered by category and date, and a deep page. Run: ``python -m bench portal``.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import time

from .django_db import setup_django

AGENCIES = 1000
ITEMS = 100_000
BIG = 20_000  # items of the one big agency
FIRST = dt.date(2019, 1, 2)
WORDS = ["财政预算", "道路养护", "行政许可", "应急预案", "招聘公告", "低保名单", "规划", "统计公报"]


def _build() -> tuple[int, int]:
    """Returns the big agency's pk and a typical agency's pk."""
    from django.db import transaction

    from gongkai.agencies.models import Agency
    from gongkai.disclosures.models import Category, Item, Status

    rng = random.Random(2026)
    root = Agency.objects.create(name="基准测试市人民政府", kind=Agency.Kind.GOVERNMENT, code="p")
    with transaction.atomic():
        Agency.objects.bulk_create(
            Agency(name=f"基准{i:04d}镇人民政府", kind=Agency.Kind.TOWNSHIP, parent=root, path="")
            for i in range(AGENCIES - 1)
        )
    agencies = list(Agency.objects.order_by("pk"))
    with transaction.atomic():
        Category.objects.bulk_create(
            Category(agency=a, name=name, order=i)
            for a in agencies
            for i, name in enumerate(("机构职能", "政策文件", "财政预决算"))
        )
    categories: dict[int, list[int]] = {}
    for pk, agency_id in Category.objects.values_list("pk", "agency_id"):
        categories.setdefault(agency_id, []).append(pk)
    big, others = agencies[0], agencies[1:]
    owners = [big.pk] * BIG + [rng.choice(others).pk for _ in range(ITEMS - BIG)]
    span = (dt.date(2026, 11, 20) - FIRST).days
    items = []
    for n, agency_id in enumerate(owners):
        published = FIRST + dt.timedelta(days=rng.randrange(span))
        word = rng.choice(WORDS)
        items.append(
            Item(
                agency_id=agency_id,
                title=f"关于{word}的公告（第{n}号）",
                doc_number=f"基政〔{published.year}〕{n}号",
                formed_on=published,
                published_on=published,
                category_id=rng.choice(categories[agency_id]),
                article_item="1",
                channels=["website"],
                body=f"为做好{word}工作，现将有关事项公告如下。" * 20,
                status=Status.PUBLISHED,
            )
        )
    with transaction.atomic():
        Item.objects.bulk_create(items, batch_size=5000)
    return big.pk, others[0].pk


def _index() -> None:
    """bulk_create sends no signals: build the search index as a bulk load must."""
    from django.db import transaction

    from gongkai.disclosures.models import Item
    from gongkai.portal.services.search_index import reindex

    with transaction.atomic():
        reindex(Item.objects.only("pk", "agency_id", "status", "title", "doc_number", "body"))


def portal_speed() -> None:
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-portal-") as tmp:
        engine = setup_django(tmp)
        from django.db import connection
        from django.test import Client

        from gongkai.disclosures.models import Category

        from .web import GOAL_MS, _measure

        start = time.perf_counter()
        big, typical = _build()
        _index()
        if engine == "postgresql":  # as autovacuum would after a bulk load
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(
            f"  database: {engine}; {AGENCIES} agencies, {ITEMS} published items "
            f"({BIG} in one agency), built in {time.perf_counter() - start:.1f} s",
            flush=True,
        )
        category = Category.objects.filter(agency_id=big).order_by("pk").first()
        client = Client()
        pages = {
            "catalogue, big agency": f"/gk/{big}/catalogue/",
            "catalogue, big agency, search 正文": f"/gk/{big}/catalogue/?q=道路养护",
            "catalogue, big agency, two words": f"/gk/{big}/catalogue/?q=应急预案+第1",
            "catalogue, big agency, category + dates": (
                f"/gk/{big}/catalogue/?category={category.pk if category else ''}"
                "&since=2024-01-01&until=2024-12-31"
            ),
            "catalogue, big agency, page 500": f"/gk/{big}/catalogue/?page=500",
            "catalogue, typical agency, search": f"/gk/{typical}/catalogue/?q=财政预算",
            "agency index (1,000 agencies)": "/gk/",
        }
        for name, url in pages.items():
            _measure(name, lambda u=url: client.get(u).status_code, 40, GOAL_MS)
        _icontains_for_comparison(big)


def _icontains_for_comparison(big: int) -> None:
    """The same search without the index (the fallback of other databases), for the record."""
    from gongkai.agencies.models import Agency
    from gongkai.portal.services import catalogue

    from .web import _measure

    agency = Agency.objects.get(pk=big)
    query = catalogue.Query(text="道路养护")

    def count_without_index() -> int:
        items = catalogue.published(agency).filter(body__icontains=query.text)
        list(items.order_by("-published_on", "-pk")[:20])
        return 200 if items.count() >= 0 else 500

    _measure("(icontains, same search, query only)", count_without_index, 20)


if __name__ == "__main__":
    portal_speed()
