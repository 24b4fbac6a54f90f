"""The load test's data: 1,000 agencies × 5 years of reports and 100,000 applications.

Built in bulk straight into the database ``DATABASE_URL`` names (the load test runs it under
scripts/with-postgres.sh, so that is a throwaway cluster). Sizes come from the environment so
the smoke test can build a small copy with the same code. Every user's password is
``PASSWORD``; the users the Locust file logs in as are listed in the returned manifest.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import asdict, dataclass, field

PASSWORD = "gongkai-load-test"
YEARS = (2021, 2022, 2023, 2024, 2025)
DISTINCT_SAMPLES = 40  # sample reports per year, reused across agencies (generation is the cost)
FIRST_RECEIVED = dt.date(2024, 1, 2)


@dataclass
class Manifest:
    """What the Locust users need to know about the data: who logs in, what exists."""

    root: int
    clerks: list[tuple[str, int]] = field(default_factory=list)  # (username, agency pk)
    supervisors: list[str] = field(default_factory=list)
    library_reports: list[int] = field(default_factory=list)
    published: list[int] = field(default_factory=list)
    agencies: int = 0
    applications: int = 0

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def build(agencies: int, applications: int, clerks: int, supervisors: int) -> Manifest:
    """Build everything; returns the manifest. Call after django.setup() and migrate."""
    from django.db import connection, transaction

    with transaction.atomic():
        manifest = _agencies(agencies)
        ids = _agency_ids(manifest.root)
        _users(manifest, ids[:clerks], supervisors)
    _reports(manifest, ids)
    _applications(ids, applications)
    manifest.agencies = len(ids)
    manifest.applications = applications
    if connection.vendor == "postgresql":  # as autovacuum would after a bulk load
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return manifest


def _agencies(count: int) -> Manifest:
    from django.db.models import CharField, Value
    from django.db.models.functions import Cast, Concat

    from gongkai.agencies.models import Agency

    root = Agency.objects.create(
        name="压力测试市人民政府", kind=Agency.Kind.GOVERNMENT, code="load"
    )
    Agency.objects.bulk_create(
        Agency(name=f"压力测试{i:04d}镇人民政府", kind=Agency.Kind.TOWNSHIP, parent=root)
        for i in range(count - 1)
    )
    Agency.objects.filter(parent=root).update(
        path=Concat(Value(root.path), Cast("pk", CharField()), Value("/"))
    )
    return Manifest(root=root.pk)


def _agency_ids(root: int) -> list[int]:
    """Every agency, the root last (clerks sit in the townships)."""
    from gongkai.agencies.models import Agency

    townships = list(
        Agency.objects.filter(parent_id=root).order_by("pk").values_list("pk", flat=True)
    )
    return [*townships, root]


def _users(manifest: Manifest, clerk_agencies: list[int], supervisors: int) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from gongkai.accounts.models import Membership, Role

    user_model = get_user_model()
    hashed = make_password(PASSWORD)  # hashed once: 100 users × PBKDF2 would take a minute
    people = [(f"clerk{i:03d}", pk, Role.CLERK) for i, pk in enumerate(clerk_agencies)]
    people += [(f"supervisor{i:02d}", manifest.root, Role.SUPERVISOR) for i in range(supervisors)]
    users = user_model.objects.bulk_create(
        user_model(username=name, password=hashed) for name, _, _ in people
    )
    users = list(user_model.objects.filter(username__in=[p[0] for p in people]))
    by_name = {u.username: u for u in users}
    Membership.objects.bulk_create(
        Membership(user=by_name[name], agency_id=agency, role=role) for name, agency, role in people
    )
    manifest.clerks = [(name, agency) for name, agency, role in people if role == Role.CLERK]
    manifest.supervisors = [name for name, _, role in people if role == Role.SUPERVISOR]


def _reports(manifest: Manifest, agency_ids: list[int]) -> None:
    """Each agency's report of every year, in the library (the dashboard) and published."""
    from django.db import transaction
    from django.utils import timezone

    from gongkai.report.jsonio import report_to_dict
    from gongkai.report.sample import sample_report
    from gongkai.reports.models import AnnualReport, ReportCell
    from gongkai.reports.services import cell_rows, fill
    from gongkai.workspace.models import PublishedVersion, Status, Workspace

    now = timezone.now()
    for year in YEARS:
        samples = [sample_report(s, fmt="2021", year=year) for s in range(DISTINCT_SAMPLES)]
        snapshots = [report_to_dict(s) for s in samples]
        with transaction.atomic():
            objs = [
                fill(AnnualReport(agency_id=pk, year=year), samples[i % DISTINCT_SAMPLES])
                for i, pk in enumerate(agency_ids)
            ]
            AnnualReport.objects.bulk_create(objs, batch_size=500)
            ReportCell.objects.bulk_create(
                (
                    c
                    for i, obj in enumerate(objs)
                    for c in cell_rows(obj, samples[i % DISTINCT_SAMPLES])
                ),
                batch_size=5000,
            )
            spaces = Workspace.objects.bulk_create(
                (
                    Workspace(
                        agency_id=pk,
                        year=year,
                        status=Status.PUBLISHED,
                        snapshot=snapshots[i % DISTINCT_SAMPLES],
                        published_at=now,
                        published_report=objs[i],
                    )
                    for i, pk in enumerate(agency_ids)
                ),
                batch_size=500,
            )
            PublishedVersion.objects.bulk_create(
                (
                    PublishedVersion(workspace=ws, number=1, report=ws.snapshot, published_at=now)
                    for ws in spaces
                ),
                batch_size=500,
            )
    manifest.library_reports = list(AnnualReport.objects.values_list("pk", flat=True))
    manifest.published = list(
        Workspace.objects.filter(status=Status.PUBLISHED).values_list("pk", flat=True)
    )


def _applications(agency_ids: list[int], count: int) -> None:
    """``count`` applications spread over the agencies, most of them answered."""
    from django.db import transaction

    from gongkai.applications.models import Application, ApplicationEvent, Decision
    from gongkai.law.outcomes import outcomes_for_layout
    from gongkai.report.formats import APPLICANT_COLUMNS

    rng = random.Random(2026)
    outcomes = [o.key for o in outcomes_for_layout("2021")]
    span = (dt.date.today() - dt.timedelta(days=40) - FIRST_RECEIVED).days
    serial: dict[tuple[int, int], int] = {}
    batch = 20_000
    for start in range(0, count, batch):
        apps = []
        for _ in range(min(batch, count - start)):
            agency = rng.choice(agency_ids)
            received = FIRST_RECEIVED + dt.timedelta(days=rng.randrange(span))
            key = (agency, received.year)
            serial[key] = serial.get(key, 0) + 1
            answered = None  # one in ten still open
            if rng.random() >= 0.1:
                answered = received + dt.timedelta(days=rng.randrange(1, 20))
            apps.append(
                Application(
                    agency_id=agency,
                    year=received.year,
                    serial=serial[key],
                    channel="online",
                    received=received,
                    applicant_type=rng.choice(APPLICANT_COLUMNS),
                    applicant_name="压力测试申请人",
                    applicant_contact="13800000000",
                    request="压力测试：申请公开某项政府信息",
                    closed_on=answered,  # as record_event keeps it (services.closing)
                )
            )
        with transaction.atomic():
            created = Application.objects.bulk_create(apps, batch_size=5000)
            events, decisions = [], []
            for app in created:
                events.append(ApplicationEvent(application=app, kind="registered", on=app.received))
                if (on := app.closed_on) is None:
                    continue
                events.append(ApplicationEvent(application=app, kind="answered", on=on))
                decisions.append(
                    Decision(
                        application=app, outcome=rng.choice(outcomes), on=on, reasons="压力测试"
                    )
                )
            ApplicationEvent.objects.bulk_create(events, batch_size=5000)
            Decision.objects.bulk_create(decisions, batch_size=5000)
