"""Open-data speed: 1,000 agencies × 2 years of published reports (2020 in the 2019 layout,
2021 in the 2021 layout; a tenth of them corrected, so the current version is chosen among two),
then the API pages, the bulk files and a region's chart page, each as p95 latency through
Django's test client.

Builds in a throwaway SQLite database, or in the one ``DATABASE_URL`` names (use
scripts/with-postgres.sh). Run: ``python -m bench api``.
"""

from __future__ import annotations

import random
import tempfile
import time

from .django_db import setup_django
from .web import _measure

AGENCIES = 1000
YEARS = (2020, 2021)
DISTINCT_SAMPLES = 40  # sample reports per year, reused across agencies


def _build() -> tuple[int, list[int]]:
    """Agencies under one root, every one with a published report each year: the root's pk
    and every agency's."""
    from django.db import transaction
    from django.db.models import CharField, Value
    from django.db.models.functions import Cast, Concat
    from django.utils import timezone

    from gongkai.agencies.models import Agency
    from gongkai.report.jsonio import report_to_dict
    from gongkai.report.sample import sample_report
    from gongkai.reports.models import AnnualReport, ReportCell
    from gongkai.reports.services import cell_rows, fill
    from gongkai.workspace.models import PublishedVersion, Status, Workspace

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
    agencies = list(Agency.objects.order_by("pk"))
    now = timezone.now()
    for year in YEARS:
        samples = [sample_report(s, year=year) for s in range(DISTINCT_SAMPLES)]
        data = [report_to_dict(r) for r in samples]
        with transaction.atomic():
            # As publishing leaves them: the workspace, its versions (a tenth corrected once),
            # and the frozen library copy of the current version with its cell rows.
            spaces = Workspace.objects.bulk_create(
                [
                    Workspace(
                        agency=a, year=year, status=Status.PUBLISHED, published_at=now,
                        snapshot=data[i % DISTINCT_SAMPLES], version=2 if i % 10 == 0 else 1,
                    )
                    for i, a in enumerate(agencies)
                ],
                batch_size=500,
            )  # fmt: skip
            versions = [
                PublishedVersion(workspace=ws, number=n, report=ws.snapshot, published_at=now)
                for ws in spaces
                for n in range(1, ws.version + 1)
            ]
            PublishedVersion.objects.bulk_create(versions, batch_size=500)
            library = [
                fill(AnnualReport(agency=ws.agency, year=year, published_version=ws.version),
                     samples[i % DISTINCT_SAMPLES])
                for i, ws in enumerate(spaces)
            ]  # fmt: skip
            AnnualReport.objects.bulk_create(library, batch_size=500)
            rows = [
                c
                for i, obj in enumerate(library)
                for c in cell_rows(obj, samples[i % DISTINCT_SAMPLES])
            ]
            ReportCell.objects.bulk_create(rows, batch_size=5000)
    return root.pk, [a.pk for a in agencies]


def api_speed() -> None:
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-api-") as tmp:
        engine = setup_django(tmp)
        from django.test import Client

        start = time.perf_counter()
        root, agency_ids = _build()
        print(
            f"database: {engine}; {AGENCIES} agencies × {len(YEARS)} years of published reports "
            f"built in {time.perf_counter() - start:.1f} s"
        )
        client = Client()
        rng = random.Random(1)
        year = YEARS[-1]

        def get(url: str, **headers: str) -> int:
            return client.get(url, headers=headers).status_code

        pages = [
            ("/api/reports (a page of 100)", f"/api/reports?year={year}", 50),
            ("/api/reports (all 1,000 of a year)", f"/api/reports?year={year}&limit=1000", 20),
            ("/api/agencies (a page of 100)", "/api/agencies", 50),
            (
                "/api/cells/{key} (1,000 agencies)",
                f"/api/cells/apply.new.total?year={year}&limit=1000",
                20,
            ),
            ("/api/years", "/api/years", 50),
            ("/api/openapi.json", "/api/openapi.json", 20),
            ("/api/bulk/{year}.csv (1,000 reports)", f"/api/bulk/{year}.csv", 10),
            ("/api/bulk/{year}.parquet", f"/api/bulk/{year}.parquet", 10),
            ("/api/bulk/{year}.xlsx", f"/api/bulk/{year}.xlsx", 5),
            ("/data/regions/{pk}/ chart page (2,000 reports)", f"/data/regions/{root}/", 10),
        ]
        _measure(
            "/api/reports/{agency}/{year}",
            lambda: get(f"/api/reports/{rng.choice(agency_ids)}/{rng.choice(YEARS)}"),
            100,
        )
        for name, url, count in pages:
            _measure(name, lambda url=url: get(url), count)  # type: ignore[misc]
        url = f"/api/cells/apply.new.total?year={year}&limit=1000"
        etag = client.get(url)["ETag"]
        revalidated = get(url, **{"If-None-Match": etag})
        assert revalidated == 304, revalidated
        print("  conditional GET with the current ETag: 304 (body not sent)")


if __name__ == "__main__":
    api_speed()
