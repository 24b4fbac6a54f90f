"""Web speed: 1,000 agencies × 5 years of reports and 3,000 disclosure items, then the report
page, the dashboard and the list pages (each list should answer in p95 < 100 ms).

``web_speed()`` builds the data in bulk (sample reports, derived cells) in a throwaway SQLite
database — or in the database ``DATABASE_URL`` names (use scripts/with-postgres.sh for a
throwaway PostgreSQL) — and requests pages with Django's test client, printing pages per second
and p95 latency. Run: ``python -m bench web`` (wired by the lead) or ``python -m bench.web``.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable

from .django_db import setup_django

AGENCIES = 1000
YEARS = (2021, 2022, 2023, 2024, 2025)
DISTINCT_SAMPLES = 40  # sample reports per year, reused across agencies (generation is the cost)
ITEMS = 3000  # proactive disclosure items of the root agency
GOAL_MS = 100  # p95 goal of the dashboard and the list pages (issue 10)


def _build() -> tuple[int, list[int]]:
    """Returns the root agency's pk and every report's pk."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.db.models import CharField, Value
    from django.db.models.functions import Cast, Concat

    from gongkai.agencies.models import Agency
    from gongkai.report.sample import sample_report
    from gongkai.reports.models import AnnualReport, ReportCell
    from gongkai.reports.services import cell_rows, fill

    get_user_model().objects.create_superuser("bench", password="bench")
    root = Agency.objects.create(
        name="基准测试市人民政府", kind=Agency.Kind.GOVERNMENT, code="bench"
    )
    with transaction.atomic():
        Agency.objects.bulk_create(
            Agency(name=f"基准{i:04d}镇人民政府", kind=Agency.Kind.TOWNSHIP, parent=root)
            for i in range(AGENCIES - 1)
        )
        Agency.objects.filter(parent=root).update(
            path=Concat(Value(root.path), Cast("pk", CharField()), Value("/"))
        )
    agencies = list(Agency.objects.all())
    for year in YEARS:
        samples = [sample_report(s, fmt="2021", year=year) for s in range(DISTINCT_SAMPLES)]
        with transaction.atomic():
            objs = [
                fill(AnnualReport(agency=a, year=year), samples[i % DISTINCT_SAMPLES])
                for i, a in enumerate(agencies)
            ]
            AnnualReport.objects.bulk_create(objs, batch_size=500)
            rows = [
                c
                for i, obj in enumerate(objs)
                for c in cell_rows(obj, samples[i % DISTINCT_SAMPLES])
            ]
            ReportCell.objects.bulk_create(rows, batch_size=5000)
    _build_items(root)
    return root.pk, list(AnnualReport.objects.values_list("pk", flat=True))


def _build_items(root: object) -> None:
    """``ITEMS`` proactive disclosure items of the root agency over three years, most published."""
    import datetime as dt

    from gongkai.disclosures.models import Item
    from gongkai.disclosures.services import ensure_default_categories

    categories = ensure_default_categories(root)  # type: ignore[arg-type]
    first = dt.date(2024, 1, 2)
    Item.objects.bulk_create(
        (
            Item(
                agency=root,
                title=f"关于第{i}批基准事项的公告",
                doc_number=f"基政〔{2024 + i % 3}〕{i}号",
                formed_on=first + dt.timedelta(days=i % 1000),
                published_on=first + dt.timedelta(days=i % 1000 + 5) if i % 10 else None,
                status="published" if i % 10 else "draft",
                category=categories[i % len(categories)],
                article_item=str(1 + i % 15),
                channels=["website"],
            )
            for i in range(ITEMS)
        ),
        batch_size=1000,
    )


def _measure(name: str, get: Callable[[], int], count: int, goal_ms: float | None = None) -> None:
    get()  # warm up: templates compiled, connections open, caches filled
    times = []
    for _ in range(count):
        start = time.perf_counter()
        status = get()
        times.append(time.perf_counter() - start)
        assert status == 200, f"{name}: HTTP {status}"
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 20 else max(times)
    goal = (
        ""
        if goal_ms is None
        else f" ({'meets' if 1000 * p95 < goal_ms else 'MISSES'} p95 < {goal_ms:.0f} ms)"
    )
    print(
        f"  {name}: {count} pages, {count / sum(times):.1f} pages/s, "
        f"median {1000 * statistics.median(times):.0f} ms, p95 {1000 * p95:.0f} ms{goal}",
        flush=True,
    )


def web_speed() -> None:
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-web-") as tmp:
        engine = setup_django(tmp)
        from django.contrib.auth import get_user_model
        from django.test import Client

        start = time.perf_counter()
        root, reports = _build()
        from django.db import connection

        with connection.cursor() as cursor:  # statistics, as autovacuum / PRAGMA optimize keep
            cursor.execute("ANALYZE")
        print(
            f"database: {engine}; {AGENCIES} agencies × {len(YEARS)} years = {len(reports)} "
            f"reports built in {time.perf_counter() - start:.1f} s"
        )
        client = Client()
        client.force_login(get_user_model().objects.get(username="bench"))
        rng = random.Random(1)
        _measure(
            "report page",
            lambda: client.get(f"/reports/{rng.choice(reports)}/").status_code,
            100,
        )
        pages = {
            "baseline: dashboard index (no data, the site's own overhead)": "/dashboard/",
            "dashboard (1,000 agencies)": f"/dashboard/{root}/",
            "dashboard, earlier year": f"/dashboard/{root}/?year={YEARS[0]}",
            "dashboard, only agencies with errors": f"/dashboard/{root}/?show=errors",
            "report library (5,000 reports)": "/reports/",
            "report library, last page": "/reports/?page=100",
            "report library, search and year": f"/reports/?q=基准0999&year={YEARS[2]}",
            f"disclosure items ({ITEMS:,})": f"/disclosures/agency/{root}/",
            "disclosure items, search": f"/disclosures/agency/{root}/?q=第2999批",
            "disclosure items, drafts of a year": f"/disclosures/agency/{root}/?status=draft&year=2025",
            "remedies list": f"/remedies/agency/{root}/",
            "registers list": f"/disclosures/agency/{root}/registers/",
        }
        for name, url in pages.items():
            _measure(name, lambda u=url: client.get(u).status_code, 40, GOAL_MS)


if __name__ == "__main__":
    web_speed()
