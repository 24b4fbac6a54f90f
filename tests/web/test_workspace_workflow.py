"""Submit → review (负责人) → publish: every transition of the table, the locks, the refusals,
and what publishing does (the public page, the report library, the supervisor dashboard)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.report.jsonio import report_from_dict
from gongkai.reports.models import AnnualReport
from gongkai.workspace import workflow
from gongkai.workspace.models import Status
from gongkai.workspace.services import Locked, compile_workspace, edit_section, override_cell
from gongkai.workspace.workflow import TRANSITIONS, Action, TransitionRefused

from .factories.workspace import published_workspace, workspace_for

pytestmark = pytest.mark.django_db

S = Status


def test_the_declared_table() -> None:
    pinned = {(t.source, t.action, t.target, t.who.value) for t in TRANSITIONS}
    assert pinned == {
        (S.DRAFT, Action.SUBMIT, S.SUBMITTED, "editor"),
        (S.RETURNED, Action.SUBMIT, S.SUBMITTED, "editor"),
        (S.SUBMITTED, Action.RETURN, S.RETURNED, "approver"),
        (S.SUBMITTED, Action.APPROVE, S.APPROVED, "approver"),
        (S.APPROVED, Action.RETURN, S.RETURNED, "approver"),
        (S.APPROVED, Action.PUBLISH, S.PUBLISHED, "editor"),
        (S.PUBLISHED, Action.CORRECT, S.DRAFT, "editor"),
    }


def test_submit_return_resubmit_approve_publish(world: Any) -> None:
    clerk, reviewer = world.user("clerk_jia"), world.user("reviewer_jia")
    ws = workspace_for(world.jia, by=clerk)
    ws = workflow.submit(ws, by=clerk)
    assert ws.status == S.SUBMITTED and ws.snapshot
    with pytest.raises(TransitionRefused, match="意见"):
        workflow.send_back(ws, by=reviewer, comment=" ")
    ws = workflow.send_back(ws, by=reviewer, comment="第五部分请写具体的改进措施")
    assert ws.status == S.RETURNED and ws.review_comment == "第五部分请写具体的改进措施"
    edit_section(ws, "problems", "（一）存在的主要问题\n无。\n（二）改进情况\n加强培训。", by=clerk)
    ws = workflow.submit(ws, by=clerk)
    assert report_from_dict(ws.snapshot).sections["problems"].endswith("加强培训。")
    ws = workflow.approve(ws, by=reviewer, comment="同意公开")
    assert ws.status == S.APPROVED
    ws = workflow.publish(ws, by=clerk)
    assert ws.status == S.PUBLISHED and ws.published_at is not None


@pytest.mark.parametrize("status", [S.SUBMITTED, S.APPROVED, S.PUBLISHED])
def test_locked_once_submitted(world: Any, status: str) -> None:
    clerk, reviewer = world.user("clerk_jia"), world.user("reviewer_jia")
    ws = workspace_for(world.jia, by=clerk)
    workflow.submit(ws, by=clerk)
    if status != S.SUBMITTED:
        workflow.approve(ws, by=reviewer)
    if status == S.PUBLISHED:
        workflow.publish(ws, by=clerk)
    ws.refresh_from_db()
    with pytest.raises(Locked):
        edit_section(ws, "overview", "改写", by=clerk)
    with pytest.raises(Locked):
        override_cell(ws, "apply.new.total", "9", by=clerk, reason="试图修改")
    with pytest.raises(Locked):
        compile_workspace(ws, by=clerk)
    with pytest.raises(TransitionRefused):
        workflow.submit(ws, by=clerk)


def test_who_may_do_what(world: Any) -> None:
    clerk, reviewer = world.user("clerk_jia"), world.user("reviewer_jia")
    ws = workspace_for(world.jia, by=clerk)
    with pytest.raises(PermissionDenied):
        workflow.submit(ws, by=world.user("county_supervisor"))
    workflow.submit(ws, by=clerk)
    for someone in ("clerk_jia", "admin", "county_supervisor"):
        with pytest.raises(PermissionDenied, match="负责人"):
            workflow.approve(ws, by=world.user(someone))
    with pytest.raises(TransitionRefused):
        workflow.publish(ws, by=clerk)  # not approved yet
    workflow.approve(ws, by=reviewer)
    with pytest.raises(PermissionDenied):
        workflow.publish(ws, by=world.user("county_supervisor"))


def test_a_report_with_errors_cannot_be_approved(world: Any) -> None:
    clerk, reviewer = world.user("clerk_jia"), world.user("reviewer_jia")
    ws = workspace_for(world.jia, by=clerk)
    override_cell(ws, "apply.new.natural_person", "4", by=clerk, reason="台账数")
    ws = workflow.submit(ws, by=clerk)
    assert ws.error_count > 0
    with pytest.raises(TransitionRefused, match="错误"):
        workflow.approve(ws, by=reviewer)
    ws.refresh_from_db()
    assert ws.status == S.SUBMITTED
    workflow.send_back(ws, by=reviewer, comment="表三自然人一列与总计不符")


def test_publishing_stores_the_report_in_the_library(world: Any) -> None:
    ws = published_workspace(world.jia, world.user("clerk_jia"), world.user("reviewer_jia"))
    stored = AnnualReport.objects.get(agency=world.jia, year=2026)
    assert ws.published_report == stored and stored.error_count == 0
    assert stored.data["cells"] == ws.snapshot["cells"]
    assert stored.data["sections"] == ws.snapshot["sections"]


def test_public_page_only_once_published(world: Any, client: Any) -> None:
    clerk, reviewer = world.user("clerk_jia"), world.user("reviewer_jia")
    ws = workspace_for(world.jia, by=clerk)
    assert client.get(f"/annual-reports/{ws.pk}/").status_code == 404
    workflow.submit(ws, by=clerk)
    workflow.approve(ws, by=reviewer)
    assert client.get(f"/annual-reports/{ws.pk}/").status_code == 404, "approved is not public"
    workflow.publish(ws, by=clerk)
    page = client.get(f"/annual-reports/{ws.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "甲镇人民政府2026年政府信息公开工作年度报告" in text
    assert "收到和处理政府信息公开申请情况" in text and "本列数据的勾稽关系" in text
    for kind in ("docx", "pdf", "html", "xlsx", "md"):
        response = client.get(f"/annual-reports/{ws.pk}/export/", {"kind": kind})
        assert response.status_code == 200, kind
        assert response["Content-Disposition"].startswith("attachment"), kind
    assert client.get(f"/annual-reports/{ws.pk}/export/", {"kind": "exe"}).status_code == 404


def test_supervisor_dashboard_shows_each_agencys_workspace(world: Any, client_as: Any) -> None:
    workspace_for(world.jia, by=world.user("clerk_jia"))
    response = client_as("county_supervisor").get(f"/dashboard/{world.county.pk}/?year=2026")
    assert response.status_code == 200
    rows = {r.name: r.ws_label for r in response.context["page"].object_list}
    assert rows["甲镇人民政府"] == "草稿" and rows["乙镇人民政府"] == "未开始汇编"
    assert "年度报告工作台" in response.content.decode()


def test_review_page_actions(world: Any, client_as: Any) -> None:
    clerk = world.user("clerk_jia")
    ws = workspace_for(world.jia, by=clerk)
    workflow.submit(ws, by=clerk)
    client = client_as("reviewer_jia")
    response = client.post(f"/workspace/{ws.pk}/review/", {"decision": "return", "comment": ""})
    assert response.status_code == 302
    ws.refresh_from_db()
    assert ws.status == S.SUBMITTED, "sending back needs a comment"
    client.post(f"/workspace/{ws.pk}/review/", {"decision": "approve", "comment": "同意"})
    ws.refresh_from_db()
    assert ws.status == S.APPROVED


def test_publishing_supersedes_an_uploaded_report_of_the_year(
    world: Any, settings: Any, tmp_path: Any
) -> None:
    from .factories.reports import report_for

    settings.MEDIA_ROOT = tmp_path
    uploaded = report_for(world.jia, year=2026)
    assert uploaded.original
    ws = published_workspace(world.jia, world.user("clerk_jia"), world.user("reviewer_jia"))
    stored = AnnualReport.objects.get(agency=world.jia, year=2026)
    assert stored.pk == uploaded.pk == ws.published_report_id
    assert not stored.original and stored.original_sha256 == ""
    assert stored.history.count() >= 2, "the upload stays in the audit history"
