"""Compiling the annual report from the records: tables from the other apps' records, the
narrative drafted from the same figures, kept across recompiles, edited with an audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from gongkai.applications.services.statistics import part_three
from gongkai.applications.services.workflow import decide
from gongkai.disclosures.models import RegisterEntry
from gongkai.remedies.models import Kind, Result
from gongkai.remedies.services import part_four
from gongkai.report.formats import format_for_year
from gongkai.workspace.models import Event, Workspace
from gongkai.workspace.services import assemble, compile_workspace, edit_section

from .factories.applications import application_for
from .factories.disclosures import case_for, published_item
from .factories.workspace import workspace_for

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.fixture
def records(world: Any) -> Any:
    """甲镇's 2026: two applications (one answered, one still open), a published item, a
    register entry and a 复议 case decided in the year."""
    clerk, reviewer = world.user("clerk_jia"), world.user("reviewer_jia")
    answered = application_for(world.jia, by=clerk, received=D(2026, 3, 2))
    decide(answered, "granted", D(2026, 3, 10), "予以公开", by=clerk)
    application_for(world.jia, by=clerk, received=D(2026, 12, 20), applicant_type="commercial")
    published_item(world.jia, clerk, reviewer, title="2026年工作计划")
    RegisterEntry(
        agency=world.jia, subject="normative", period_start=D(2026, 1, 1),
        period_end=D(2026, 12, 31), issued=3, repealed=1, stock=9,
    ).save()  # fmt: skip
    case_for(
        world.jia, kind=Kind.RECONSIDERATION, filed_on=D(2026, 4, 1),
        result=Result.UPHELD, decided_on=D(2026, 5, 1),
    )  # fmt: skip
    return world


def test_tables_come_from_the_records(records: Any) -> None:
    ws = workspace_for(records.jia, by=records.user("clerk_jia"))
    report = assemble(ws)
    assert report.format == format_for_year(2026).version == "2021"
    cells = report.cells
    assert cells["apply.new.total"] == 2, "表三 一、本年新收 · 总计"
    assert cells["apply.granted.natural_person"] == 1, "表三 （一）予以公开 · 自然人"
    assert cells["apply.carried_out.commercial"] == 1, "表三 四、结转下年度 · 商业企业"
    assert cells["remedy.reconsideration.upheld"] == 1, "表四 行政复议 · 结果维持"
    assert cells["active.normative.issued"] == 3 and cells["active.normative.in_force"] == 9
    for key, value in {**part_three(records.jia, 2026), **part_four(records.jia, 2026)}.items():
        assert cells[key] == value, f"{key}: compiled {cells[key]}, records say {value}"
    errors = [f.message for f in report.findings if f.severity.value == "error"]
    assert errors == []


def test_draft_narrative_states_the_computed_figures(records: Any) -> None:
    report = assemble(workspace_for(records.jia, by=records.user("clerk_jia")))
    overview = report.sections["overview"]
    assert "本年度主动公开政府信息1条" in overview
    assert "本年度共收到政府信息公开申请2件" in overview
    assert "其中自然人申请1件，法人或其他组织申请1件" in overview
    assert "本年度办结1件" in report.sections["applications"]
    assert "结转下年度继续办理1件" in report.sections["applications"]
    assert "被申请行政复议1件，结果维持1件" in report.sections["remedies"]
    assert "甲镇人民政府" in report.sections["preamble"]
    assert not [f for f in report.findings if f.code.startswith("NARRATIVE_")]


def test_recompile_updates_tables_and_keeps_the_clerks_narrative(records: Any) -> None:
    clerk = records.user("clerk_jia")
    ws = workspace_for(records.jia, by=clerk)
    edited = assemble(ws).sections["overview"] + "\n本镇另设政务公开专区一处。"
    edit_section(ws, "overview", edited, by=clerk, reason="补充平台建设情况")
    application_for(records.jia, by=clerk, received=D(2026, 6, 1))
    compile_workspace(ws, by=clerk)
    ws.refresh_from_db()
    report = assemble(ws)
    assert report.cells["apply.new.total"] == 3, "the table follows the records"
    assert report.sections["overview"] == edited, "the clerk's narrative is kept"
    stale = [f for f in report.findings if f.code == "NARRATIVE_CONTRADICTS_TABLE"]
    # the old draft's count and its natural persons ("其中自然人申请2件") are both caught
    assert sorted(f.cells[0] for f in stale) == ["apply.new.natural_person", "apply.new.total"]
    assert ws.error_count == 2

    compile_workspace(ws, by=clerk, regenerate=True)
    ws.refresh_from_db()
    report = assemble(ws)
    assert "本年度共收到政府信息公开申请3件" in report.sections["overview"]
    assert not [f for f in report.findings if f.severity.value == "error"]


def test_narrative_edits_are_audited(records: Any) -> None:
    clerk = records.user("clerk_jia")
    ws = workspace_for(records.jia, by=clerk)
    before = ws.sections["other"]
    edit_section(ws, "other", "无其他需要报告的事项。", by=clerk, reason="按负责人意见简化")
    event = Event.objects.get(workspace=ws, kind=Event.Kind.SECTION)
    assert (event.key, event.old, event.new) == ("other", before, "无其他需要报告的事项。")
    assert event.by == clerk and event.comment == "按负责人意见简化"
    record = ws.history.latest("history_date")
    assert record.history_user == clerk and "other" in record.history_change_reason


def test_page_names_the_parts_that_no_longer_match_a_fresh_draft(
    records: Any, client_as: Any
) -> None:
    clerk = records.user("clerk_jia")
    ws = workspace_for(records.jia, by=clerk)
    page = client_as("clerk_jia").get(f"/workspace/{ws.pk}/")
    assert page.status_code == 200 and page.context["differs"] == []
    application_for(records.jia, by=clerk, received=D(2026, 7, 1), applicant_type="research")
    client_as("clerk_jia").post(f"/workspace/{ws.pk}/compile/", {"regenerate": "0"})
    page = client_as("clerk_jia").get(f"/workspace/{ws.pk}/")
    assert "一、总体情况" in page.context["differs"]
    assert "三、收到和处理政府信息公开申请情况" in page.context["differs"]
    assert "六、其他需要报告的事项" not in page.context["differs"]


def test_open_a_year_in_the_2019_layout_through_the_page(records: Any, client_as: Any) -> None:
    client = client_as("clerk_jia")
    response = client.post("/workspace/open/", {"agency": records.jia.pk, "year": 2020})
    assert response.status_code == 302
    ws = Workspace.objects.get(agency=records.jia, year=2020)
    report = assemble(ws)
    assert report.format == "2019" and report.cells["apply.new.total"] == 0
    assert not [f for f in report.findings if f.severity.value == "error"]
    again = client.post("/workspace/open/", {"agency": records.jia.pk, "year": 2020})
    assert again["Location"] == response["Location"], "opening again finds the same workspace"
    refused = client.post("/workspace/open/", {"agency": records.yi.pk, "year": 2020})
    assert refused.status_code == 400, "乙镇 is not the clerk's agency"
