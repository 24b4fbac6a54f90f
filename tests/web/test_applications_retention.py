"""Anonymising closed applications past the retention period (anonymise_applications)."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.applications.models import Application, EventKind
from gongkai.applications.services.retention import ANONYMISED, REASON
from gongkai.applications.services.statistics import part_three
from gongkai.applications.services.workflow import decide, record_event
from gongkai.remedies.models import Case, Kind

from .factories.applications import application_for

D = dt.date
NAME, ID, PHONE = "张三丰", "330102199001011234", "13812345678"
TODAY = D(2030, 6, 1)  # five years and a day (the default) after the early ones closed


def _closed(world: Any, received: dt.date, answered: dt.date, **fields: Any) -> Application:
    clerk = world.user("clerk_jia")
    app = application_for(world.jia, received=received, by=clerk, **fields)
    decide(app, "granted", answered, "予以公开", by=clerk)
    return app


def _run(*args: str) -> str:
    out = StringIO()
    call_command("anonymise_applications", "--date", TODAY.isoformat(), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def apps(world: Any, settings: Any, tmp_path: Any) -> dict[str, Application]:
    settings.MEDIA_ROOT = tmp_path
    old = _closed(world, D(2025, 3, 3), D(2025, 3, 10))
    old.applicant_contact = "13900000000"  # an earlier contact, kept in the history
    old.save()
    old.attachment.save("申请书.pdf", ContentFile(b"%PDF-1.4 personal"), save=True)
    withdrawn = application_for(
        world.jia, received=D(2025, 4, 1), by=world.user("clerk_jia"), applicant_type="commercial"
    )
    record_event(withdrawn, EventKind.WITHDRAWN, D(2025, 4, 2), by=world.user("clerk_jia"))
    recent = _closed(world, D(2026, 3, 2), D(2026, 3, 9))
    still_open = application_for(world.jia, received=D(2025, 3, 4))
    in_court = _closed(world, D(2025, 3, 5), D(2025, 3, 12))
    Case.objects.create(
        agency=world.jia,
        kind=Kind.LITIGATION_DIRECT,
        application_ref=in_court.number,
        filed_on=D(2025, 5, 1),
    )
    return {
        "old": old,
        "withdrawn": withdrawn,
        "recent": recent,
        "open": still_open,
        "in_court": in_court,
    }


def _personal(app: Application) -> tuple[str, str, str]:
    app.refresh_from_db()
    return (app.applicant_name, app.applicant_id_number, app.applicant_contact)


def test_dry_run_by_default_lists_and_changes_nothing(apps: dict[str, Application]) -> None:
    out = _run()
    assert apps["old"].number in out and "到期 2 件" in out and "--apply" in out
    assert _personal(apps["old"]) == (NAME, ID, "13900000000")


def test_closed_past_the_period_are_anonymised_with_their_history(
    apps: dict[str, Application], django_capture_on_commit_callbacks: Any
) -> None:
    old = apps["old"]
    path = Path(old.attachment.path)
    with django_capture_on_commit_callbacks(execute=True):
        out = _run("--apply")
    assert "已匿名化 2 件" in out
    assert _personal(old) == (ANONYMISED, "", ANONYMISED)
    assert _personal(apps["withdrawn"]) == (ANONYMISED, "", ANONYMISED)
    assert not old.attachment
    assert not path.exists(), "the attachment file is deleted once the change is committed"
    rows = list(
        old.history.values_list("applicant_name", "applicant_id_number", "applicant_contact")
    )
    assert len(rows) >= 3
    assert set(rows) == {(ANONYMISED, "", ANONYMISED)}, "no history row keeps the old values"
    assert old.history.first().history_change_reason == REASON  # the run is recorded
    for kept in ("recent", "open", "in_court"):
        assert _personal(apps[kept])[0] == NAME, kept
    assert "已匿名化 0 件" in _run("--apply"), "a second run finds nothing left"


def test_part_three_counts_do_not_change(world: Any, apps: dict[str, Application]) -> None:
    before = {year: part_three(world.jia, year) for year in (2025, 2026)}
    assert before[2025]["apply.new.total"] == 4
    _run("--apply")
    assert {year: part_three(world.jia, year) for year in (2025, 2026)} == before


def test_the_period_is_the_setting(apps: dict[str, Application], settings: Any) -> None:
    settings.GONGKAI_PERSONAL_DATA_RETENTION_DAYS = 365
    assert "已匿名化 3 件" in _run("--apply")  # the 2026 one too; open and in-court never
    assert _personal(apps["open"])[0] == NAME and _personal(apps["in_court"])[0] == NAME


def test_a_bad_date_is_refused_in_chinese(db: None) -> None:
    with pytest.raises(CommandError, match="日期应写作 YYYY-MM-DD"):
        call_command("anonymise_applications", "--date", "2030-13-01")
