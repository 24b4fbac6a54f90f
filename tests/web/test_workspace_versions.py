"""Four eyes and immutability (issue 10, item 4): the submitter of a report or of a proactive
item cannot approve it; a published report is frozen, and a correction (更正) is a new version
that goes through review again and is published with its change history."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from gongkai.accounts.models import Role
from gongkai.disclosures.models import Status as ItemStatus
from gongkai.disclosures.models import Step
from gongkai.disclosures.workflow import ReviewError, allowed_steps, take_step
from gongkai.reports.models import AnnualReport
from gongkai.reports.services import (
    CorrectionRefused,
    ImportRefused,
    Upload,
    correct_cell,
    import_upload,
)
from gongkai.workspace import workflow
from gongkai.workspace.models import Status
from gongkai.workspace.services import Locked, override_cell
from gongkai.workspace.workflow import Action, TransitionRefused

from .factories.accounts import MembershipFactory
from .factories.disclosures import item_for
from .factories.workspace import published_workspace, workspace_for

pytestmark = pytest.mark.django_db

CELL = "active.licensing.decisions"


def _second_reviewer(world: Any) -> Any:
    membership = MembershipFactory(
        user__username="reviewer2_jia", agency=world.jia, role=Role.REVIEWER
    )
    return membership.user


# ---------------------------------------------------------------- four eyes


def test_the_submitter_of_a_report_cannot_approve_it(world: Any) -> None:
    reviewer = world.user("reviewer_jia")
    ws = workflow.submit(workspace_for(world.jia, by=reviewer), by=reviewer)
    assert not workflow.allowed(reviewer, ws, Action.APPROVE)
    with pytest.raises(TransitionRefused, match="双人审核：提交人不能审核自己提交的报告"):
        workflow.approve(ws, by=reviewer)
    ws.refresh_from_db()
    assert ws.status == Status.SUBMITTED
    second = _second_reviewer(world)
    assert workflow.allowed(second, ws, Action.APPROVE)
    assert workflow.approve(ws, by=second).status == Status.APPROVED


def test_the_submitter_sees_no_approve_button_and_a_post_is_refused(
    world: Any, client_as: Any
) -> None:
    reviewer = world.user("reviewer_jia")
    ws = workflow.submit(workspace_for(world.jia, by=reviewer), by=reviewer)
    client = client_as("reviewer_jia")
    page = client.get(f"/workspace/{ws.pk}/").content.decode()
    assert 'value="approve"' not in page
    response = client.post(f"/workspace/{ws.pk}/review/", {"decision": "approve"}, follow=True)
    assert "双人审核" in response.content.decode()
    ws.refresh_from_db()
    assert ws.status == Status.SUBMITTED


@pytest.mark.parametrize("step", [Step.DEPT_OPINION, Step.LEADER_APPROVAL])
def test_the_submitter_of_an_item_cannot_approve_it(world: Any, step: Step) -> None:
    reviewer, clerk = world.user("reviewer_jia"), world.user("clerk_jia")
    second = _second_reviewer(world)
    item = item_for(world.jia)
    take_step(item, Step.SUBMIT, by=reviewer)
    if step == Step.LEADER_APPROVAL:
        take_step(item, Step.DEPT_OPINION, by=second, opinion="属实")
        take_step(item, Step.SECRECY_REVIEW, by=clerk, opinion="不涉密")
    item.refresh_from_db()
    assert step not in {t.step for t in allowed_steps(reviewer, item)}
    with pytest.raises(ReviewError, match="双人审核"):
        take_step(item, step, by=reviewer, opinion="同意")
    take_step(item, step, by=second, opinion="同意")
    item.refresh_from_db()
    expected = ItemStatus.DEPT_REVIEWED if step == Step.DEPT_OPINION else ItemStatus.APPROVED
    assert item.status == expected


# ---------------------------------------------------------------- immutability


def test_a_published_report_is_frozen_in_the_library(world: Any) -> None:
    ws = published_workspace(world.jia, world.user("clerk_jia"), world.user("reviewer_jia"))
    stored = AnnualReport.objects.get(pk=ws.published_report_id)
    assert stored.published_version == 1
    with pytest.raises(CorrectionRefused, match="已冻结"):
        correct_cell(stored, CELL, "999", by=world.user("clerk_jia"), reason="改")
    with pytest.raises(ImportRefused, match="已冻结"):
        import_upload(world.jia, Upload("x.txt", b"x" * 10), by=None, year=ws.year)
    stored.refresh_from_db()
    assert stored.data == {**stored.data, "cells": ws.snapshot["cells"]}


def test_the_library_page_refuses_a_correction_of_a_published_report(
    world: Any, client_as: Any
) -> None:
    ws = published_workspace(world.jia, world.user("clerk_jia"), world.user("reviewer_jia"))
    client = client_as("clerk_jia")
    page = client.get(f"/reports/{ws.published_report_id}/").content.decode()
    assert "已冻结" in page and 'id="correct"' not in page
    data = {"key": CELL, "value": "999", "reason": "改"}
    response = client.post(f"/reports/{ws.published_report_id}/correct/cell/", data)
    assert response.status_code == 400 and "已冻结" in response.content.decode()


def test_a_correction_is_a_new_version_reviewed_again(world: Any, client: Any) -> None:
    clerk, reviewer = world.user("clerk_jia"), world.user("reviewer_jia")
    ws = published_workspace(world.jia, clerk, reviewer)
    first = ws.snapshot["cells"][CELL]
    assert first is None, "no licensing decisions on record: the cell is blank, not 0"
    with pytest.raises(Locked):
        override_cell(ws, CELL, "7", by=clerk, reason="漏登")
    with pytest.raises(TransitionRefused, match="理由"):
        workflow.correct(ws, by=clerk, reason="  ")
    ws = workflow.correct(ws, by=clerk, reason="漏登一件自然人申请")
    assert ws.status == Status.DRAFT and ws.version == 2
    override_cell(ws, CELL, "1", by=clerk, reason="漏登")
    # While the correction is prepared the public page still shows version 1.
    page = client.get(f"/annual-reports/{ws.pk}/")
    assert page.status_code == 200 and "第1版" in page.content.decode()
    ws = workflow.submit(ws, by=clerk)
    with pytest.raises(TransitionRefused):
        workflow.publish(ws, by=clerk)  # not approved yet: the correction is reviewed again
    ws = workflow.publish(workflow.approve(ws, by=reviewer), by=clerk)
    assert ws.status == Status.PUBLISHED
    v2, v1 = list(ws.versions.all())
    assert (v2.number, v2.previous_id, v2.reason) == (2, v1.pk, "漏登一件自然人申请")
    changed = {c["key"]: (c["old"], c["new"]) for c in v2.changes}
    assert changed[CELL] == ("", "1")
    assert v1.report["cells"][CELL] is None, "the earlier version is kept as it was"
    stored = AnnualReport.objects.get(pk=ws.published_report_id)
    assert stored.published_version == 2 and stored.data["cells"][CELL] == 1
    text = client.get(f"/annual-reports/{ws.pk}/").content.decode()
    assert "第2版" in text and "更正记录" in text and "漏登一件自然人申请" in text
    old = client.get(f"/annual-reports/{ws.pk}/", {"version": "1"}).content.decode()
    assert "已被更正" in old
    export = client.get(f"/annual-reports/{ws.pk}/export/", {"kind": "md", "version": "1"})
    assert export.status_code == 200
    assert client.get(f"/annual-reports/{ws.pk}/", {"version": "9"}).status_code == 404
    assert client.get(f"/annual-reports/{ws.pk}/", {"version": "二"}).status_code == 400


def test_the_correct_action_on_the_page(world: Any, client_as: Any) -> None:
    ws = published_workspace(world.jia, world.user("clerk_jia"), world.user("reviewer_jia"))
    client = client_as("clerk_jia")
    assert "更正（生成新版本）" in client.get(f"/workspace/{ws.pk}/").content.decode()
    assert client.post(f"/workspace/{ws.pk}/correct/", {"reason": ""}).status_code == 400
    response = client.post(f"/workspace/{ws.pk}/correct/", {"reason": "数字有误"})
    assert response.status_code == 302
    ws.refresh_from_db()
    assert (ws.status, ws.version, ws.correction_reason) == (Status.DRAFT, 2, "数字有误")
    outsider = client_as("clerk_yi").post(f"/workspace/{ws.pk}/correct/", {"reason": "x"})
    assert outsider.status_code == 404


def test_an_item_published_date(world: Any) -> None:
    """Items keep publishing through the chain when two people take the steps."""
    from .factories.disclosures import published_item

    item = published_item(world.jia, world.user("clerk_jia"), world.user("reviewer_jia"))
    assert item.published_on == dt.date(2026, 3, 10)
