"""Applications speed: 100,000 applications in one agency among 1,000 agencies.

``applications_speed()`` bulk-creates the data in a throwaway SQLite database — or in the one
``DATABASE_URL`` names (scripts/with-postgres.sh gives a throwaway PostgreSQL) — then times the
clerk's work list (every clock of every open application, through the law engine) and
``part_three`` for two years, and the applications register pages (open and closed, searched
and filtered, p95 goal 100 ms). Run: ``python -m bench.applications``.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable

from .django_db import setup_django

AGENCIES = 1000
APPLICATIONS = 100_000
OPEN_SHARE = 0.3  # of those received after 1 September 2026: about 2,000 open
FIRST = dt.date(2024, 1, 2)


def _build() -> int:
    """Returns the big agency's pk."""
    from django.db import transaction

    from gongkai.agencies.models import Agency
    from gongkai.applications.models import Application, ApplicationEvent, Decision
    from gongkai.law.outcomes import outcomes_for_layout
    from gongkai.report.formats import APPLICANT_COLUMNS

    rng = random.Random(2026)
    root = Agency.objects.create(name="基准测试县人民政府", kind=Agency.Kind.GOVERNMENT, code="b")
    with transaction.atomic():
        Agency.objects.bulk_create(
            Agency(name=f"基准{i:04d}镇人民政府", kind=Agency.Kind.TOWNSHIP, parent=root, path="")
            for i in range(AGENCIES - 1)
        )
    big = Agency.objects.exclude(pk=root.pk).order_by("pk").first()
    keys = [o.key for o in outcomes_for_layout("2021")]
    span = (dt.date(2026, 11, 20) - FIRST).days
    serial: dict[int, int] = {}
    apps = []
    for _ in range(APPLICATIONS):
        received = FIRST + dt.timedelta(days=rng.randrange(span))
        serial[received.year] = serial.get(received.year, 0) + 1
        answered = None  # about 2,000 of those received after 1 September 2026 still open
        if rng.random() >= OPEN_SHARE or received <= dt.date(2026, 9, 1):
            answered = received + dt.timedelta(days=rng.randrange(1, 25))
        apps.append(
            Application(
                agency=big,
                year=received.year,
                serial=serial[received.year],
                channel="online",
                received=received,
                applicant_type=rng.choice(APPLICANT_COLUMNS),
                applicant_name="张三",
                applicant_contact="13800000000",
                request="基准",
                closed_on=answered,  # as record_event keeps it (services.closing)
            )
        )
    with transaction.atomic():
        Application.objects.bulk_create(apps, batch_size=5000)
    apps = list(Application.objects.filter(agency=big).only("pk", "received", "closed_on"))
    events, decisions = [], []
    for app in apps:
        events.append(ApplicationEvent(application=app, kind="registered", on=app.received))
        if (on := app.closed_on) is None:
            continue  # still open
        events.append(ApplicationEvent(application=app, kind="answered", on=on))
        decisions.append(Decision(application=app, outcome=rng.choice(keys), on=on, reasons="基准"))
    with transaction.atomic():
        ApplicationEvent.objects.bulk_create(events, batch_size=5000)
        Decision.objects.bulk_create(decisions, batch_size=5000)
    return big.pk


def _time(label: str, fn: Callable[[], object], runs: int = 5) -> None:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    print(
        f"  {label}: median {statistics.median(times) * 1000:.0f} ms, max "
        f"{max(times) * 1000:.0f} ms ({result})",
        flush=True,
    )


def applications_speed() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = setup_django(tmp)

        from gongkai.agencies.models import Agency
        from gongkai.applications.models import Application
        from gongkai.applications.services.statistics import part_three
        from gongkai.applications.services.worklist import open_applications, work_list

        t = time.perf_counter()
        pk = _build()
        # Statistics, as autovacuum (PostgreSQL) or PRAGMA optimize (SQLite) keep them after a
        # bulk load; without them the first NOT EXISTS plan on PostgreSQL can take minutes.
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        agency = Agency.objects.get(pk=pk)
        print(
            f"  database: {engine}; {Agency.objects.count()} agencies, "
            f"{Application.objects.count()} applications, built in "
            f"{time.perf_counter() - t:.1f} s",
            flush=True,
        )
        qs = Application.objects.filter(agency=agency)
        today = dt.date(2026, 11, 23)
        _time("open applications query", lambda: f"{open_applications(qs).count()} open", 5)
        _time(
            "work list (clocks of every open one)", lambda: f"{len(work_list(qs, today))} items", 3
        )
        for year in (2025, 2026):
            _time(
                f"part_three({year})",
                lambda y=year: f"new {part_three(agency, y)['apply.new.total']}",
            )
        _list_pages()


def _list_pages() -> None:
    """全部申请 (open and closed, searched, filtered, paged) as the superuser sees it."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from .web import GOAL_MS, _measure

    client = Client()
    client.force_login(get_user_model().objects.create_superuser("bench", password="bench"))
    pages = {
        "applications register, all": "/applications/all/",
        "applications register, closed": "/applications/all/?state=closed",
        "applications register, open, last page": "/applications/all/?state=open&page=2",
        "applications register, by number": "/applications/all/?q=依申请〔2025〕第77号",
        "applications register, year and outcome": "/applications/all/?year=2025&outcome=granted",
    }
    for name, url in pages.items():
        _measure(name, lambda u=url: client.get(u).status_code, 40, GOAL_MS)


if __name__ == "__main__":
    applications_speed()
