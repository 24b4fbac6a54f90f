"""The demo agency's 2026 report, compiled from its demo activity: clean, idempotent, and every
rendered kind reads back through our own parser unchanged (foi-lessons 9)."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from gongkai.report.parse import read_report
from gongkai.report.render import RENDER_KINDS, render
from gongkai.workspace.demo import load_demo_workspace
from gongkai.workspace.models import Event, Workspace
from gongkai.workspace.services import assemble

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_report(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path
    ws = load_demo_workspace()
    return ws, assemble(ws)


def test_demo_workspace_is_compiled_and_clean(demo_report: Any) -> None:
    ws, report = demo_report
    assert (ws.agency.name, ws.year, ws.status) == ("北白象镇人民政府", 2026, "draft")
    assert report.findings == [], [f.message for f in report.findings]
    assert report.cells["apply.new.total"] == 8, "eight demo applications received in 2026"
    assert report.cells["remedy.reconsideration.upheld"] == 1
    assert "本年度主动公开政府信息10条" in report.sections["overview"]


def test_demo_loading_is_idempotent(demo_report: Any) -> None:
    ws, _ = demo_report
    out = StringIO()
    call_command("load_demo_workspace", stdout=out)
    assert "北白象镇人民政府" in out.getvalue()
    assert Workspace.objects.count() == 1
    assert Event.objects.filter(workspace=ws).count() == 1, "a second run compiles nothing"


@pytest.mark.parametrize("kind", RENDER_KINDS)
def test_compiled_report_round_trips_through_the_parser(demo_report: Any, kind: str) -> None:
    _, report = demo_report
    back = read_report(render(report, kind), f"report.{kind}")
    assert (back.format, back.agency, back.year) == (report.format, report.agency, report.year)
    wrong = {k: (v, back.cells.get(k)) for k, v in report.cells.items() if back.cells.get(k) != v}
    assert not wrong, f"{kind}: cells read back differently (want, got): {wrong}"
    for key, text in report.sections.items():
        assert back.sections.get(key) == text, f"{kind}: section {key} reads back differently"
