"""Submit → review (负责人) → publish, as a declared table (foi-lessons 1 and 7).

    draft ──submit──▶ submitted ──approve──▶ approved ──publish──▶ published
      ▲                  │                                                    │
      └─── returned ◀──return (with a comment)                                │
      ▲                                                                        │
      └──────────────────────────── correct (更正, with a reason) ◀───────────┘

Once submitted the report is frozen (``Workspace.snapshot``): the reviewer approves exactly
what the clerk submitted, and the published document is exactly what was approved.

Four eyes (双人审核): whoever submitted the report may not approve it, even when they are a
reviewer; a second person of the agency must. A published report is never changed: 更正 opens
the next version (``version`` + 1, with its reason) as a draft that goes through submit →
approve → publish again; each publication is kept as a ``PublishedVersion`` with its changes,
and the public page shows the current one with the history (see ``versions``).

A report with errors cannot be approved. Publishing stores it in the report library
(``reports`` app, frozen there), so the supervisor dashboard counts it like any other report.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from gongkai.accounts.permissions import can_approve, can_edit_agency_data
from gongkai.report.findings import has_errors
from gongkai.report.jsonio import report_from_dict, report_to_dict
from gongkai.reports.models import AnnualReport
from gongkai.reports.services import store

from . import versions
from .models import Event, Status, Workspace
from .services import Locked, _lock, _user, assemble, compile_workspace

User = Any


class Action(StrEnum):
    SUBMIT = "submit"
    RETURN = "return"
    APPROVE = "approve"
    PUBLISH = "publish"
    CORRECT = "correct"


class Who(StrEnum):
    EDITOR = "editor"  # the agency's clerk or reviewer (or the superuser)
    APPROVER = "approver"  # the agency's own reviewer (负责人) only


@dataclass(frozen=True)
class Transition:
    source: Status
    action: Action
    target: Status
    who: Who


TRANSITIONS = (
    Transition(Status.DRAFT, Action.SUBMIT, Status.SUBMITTED, Who.EDITOR),
    Transition(Status.RETURNED, Action.SUBMIT, Status.SUBMITTED, Who.EDITOR),
    Transition(Status.SUBMITTED, Action.RETURN, Status.RETURNED, Who.APPROVER),
    Transition(Status.SUBMITTED, Action.APPROVE, Status.APPROVED, Who.APPROVER),
    Transition(Status.APPROVED, Action.RETURN, Status.RETURNED, Who.APPROVER),
    Transition(Status.APPROVED, Action.PUBLISH, Status.PUBLISHED, Who.EDITOR),
    Transition(Status.PUBLISHED, Action.CORRECT, Status.DRAFT, Who.EDITOR),
)


class TransitionRefused(Exception):
    """Not allowed in this state, or the report has errors; the message is for the page."""


def allowed(user: User, ws: Workspace, action: Action) -> bool:
    t = _transition(ws.status, action)
    if action is Action.APPROVE and t is not None and _submitted_by(ws, user):
        return False
    return t is not None and _may(user, ws, t.who)


def _submitted_by(ws: Workspace, user: User) -> bool:
    """Whether ``user`` made the latest 提交审核 of the workspace."""
    last = ws.events.filter(kind=Event.Kind.SUBMIT).order_by("-at", "-pk").first()
    return last is not None and last.by_id is not None and last.by_id == getattr(user, "pk", None)


def _transition(status: str, action: Action) -> Transition | None:
    return next((t for t in TRANSITIONS if t.source == status and t.action == action), None)


def _may(user: User, ws: Workspace, who: Who) -> bool:
    if who is Who.APPROVER:
        return can_approve(user, ws.agency)
    return can_edit_agency_data(user, ws.agency)


def _step(ws: Workspace, action: Action, by: User) -> Transition:
    t = _transition(ws.status, action)
    if t is None:
        raise TransitionRefused(f"报告{ws.get_status_display()}，不能{_LABELS[action]}")
    if not _may(by, ws, t.who):
        who = "本机关负责人（审核人）" if t.who is Who.APPROVER else "本机关经办人或审核人"
        raise PermissionDenied(f"“{_LABELS[action]}”须由{who}办理")
    if action is Action.APPROVE and _submitted_by(ws, by):
        raise TransitionRefused(
            "双人审核：提交人不能审核自己提交的报告，请由本机关另一位负责人（审核人）审核"
        )
    return t


_LABELS = {
    Action.SUBMIT: "提交审核",
    Action.RETURN: "退回修改",
    Action.APPROVE: "审核通过",
    Action.PUBLISH: "公开发布",
    Action.CORRECT: "更正",
}
_EVENTS = {
    Action.SUBMIT: Event.Kind.SUBMIT,
    Action.RETURN: Event.Kind.RETURN,
    Action.APPROVE: Event.Kind.APPROVE,
    Action.PUBLISH: Event.Kind.PUBLISH,
    Action.CORRECT: Event.Kind.CORRECT,
}


def _finish(ws: Workspace, t: Transition, by: User, comment: str = "") -> Workspace:
    ws.status = t.target
    ws._history_user = _user(by)  # type: ignore[attr-defined]
    ws._change_reason = _LABELS[t.action]  # type: ignore[attr-defined]
    ws.save()
    Event.objects.create(workspace=ws, kind=_EVENTS[t.action], comment=comment, by=_user(by))
    return ws


@transaction.atomic
def submit(ws: Workspace, *, by: User) -> Workspace:
    """提交审核: recompile the figures from the records, check, freeze the report."""
    ws = _lock(ws)
    t = _step(ws, Action.SUBMIT, by)
    compile_workspace(ws, by=by)
    ws = _lock(ws)
    report = assemble(ws)
    ws.snapshot = report_to_dict(report)
    ws.review_comment = ""
    return _finish(ws, t, by)


@transaction.atomic
def send_back(ws: Workspace, *, by: User, comment: str) -> Workspace:
    """退回修改 with the reviewer's comment; the clerk may edit again."""
    if not comment.strip():
        raise TransitionRefused("退回修改须填写意见")
    ws = _lock(ws)
    t = _step(ws, Action.RETURN, by)
    ws.review_comment = comment.strip()
    return _finish(ws, t, by, comment.strip())


@transaction.atomic
def approve(ws: Workspace, *, by: User, comment: str = "") -> Workspace:
    """审核通过 — refused while the submitted report has any error."""
    ws = _lock(ws)
    t = _step(ws, Action.APPROVE, by)
    if has_errors(assemble(ws).findings):
        raise TransitionRefused(f"报告有 {ws.error_count} 个错误，不能审核通过，请退回修改")
    ws.review_comment = comment.strip()
    return _finish(ws, t, by, comment.strip())


@transaction.atomic
def publish(ws: Workspace, *, by: User) -> Workspace:
    """公开发布: the approved report goes to the public page and to the report library."""
    ws = _lock(ws)
    t = _step(ws, Action.PUBLISH, by)
    report = report_from_dict(ws.snapshot)
    if has_errors(report.findings):
        raise Locked("报告有错误，不能发布")
    obj = AnnualReport.objects.filter(agency=ws.agency, year=ws.year).first()
    obj = obj or AnnualReport(agency=ws.agency, year=ws.year)
    # The compiled report supersedes an uploaded one: the old file stays in the audit history.
    obj.original = ""
    obj.original_name = obj.original_content_type = obj.original_sha256 = ""
    obj.original_size = 0
    obj.published_version = ws.version
    reason = "年度报告工作台公开发布" if ws.version == 1 else f"更正后公开发布第{ws.version}版"
    obj = store(obj, report, by=by, reason=reason)
    version = versions.record(ws, _user(by))
    ws.published_report = obj
    ws.published_at = version.published_at
    return _finish(ws, t, by)


@transaction.atomic
def correct(ws: Workspace, *, by: User, reason: str) -> Workspace:
    """更正: open the next version of a published report as a draft, with the reason. The
    draft starts as the published figures and text (recompiling is the clerk's choice); the
    published version stays as it is, and public, until the correction is published."""
    if not reason.strip():
        raise TransitionRefused("更正须说明理由")
    ws = _lock(ws)
    t = _step(ws, Action.CORRECT, by)
    ws.version += 1
    ws.correction_reason = reason.strip()
    ws.review_comment = ""
    return _finish(ws, t, by, f"第{ws.version}版：{reason.strip()}")
