"""The workspace's POST actions: compile, edit the narrative, override, and the workflow."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gongkai.accounts.permissions import can_approve
from gongkai.reports.services import CorrectionRefused

from .. import services, workflow
from ..access import get_editable_workspace, get_visible_workspace_or_404
from ..forms import CorrectForm, OverrideForm, RevertForm, ReviewForm, SectionForm
from ..models import Workspace
from .pages import detail_context


def _back(ws: Workspace, anchor: str = "") -> HttpResponse:
    return redirect(reverse("workspace:detail", args=[ws.pk]) + anchor)


def _attempt(request: HttpRequest, ws: Workspace, step: Callable[[], object], done: str) -> bool:
    try:
        step()
    except (services.Locked, workflow.TransitionRefused, CorrectionRefused) as exc:
        messages.error(request, str(exc))
        return False
    messages.success(request, done)
    return True


@login_required
@require_POST
def compile_view(request: HttpRequest, pk: int) -> HttpResponse:
    ws = get_editable_workspace(request.user, pk)
    regenerate = request.POST.get("regenerate") == "1"
    done = "已按记录重新汇编" + ("，并重新生成了正文初稿。" if regenerate else "，正文保持不变。")
    _attempt(
        request, ws, lambda: services.compile_workspace(ws, by=request.user, regenerate=regenerate),
        done,
    )  # fmt: skip
    return _back(ws, "#findings")


@login_required
@require_POST
def section_view(request: HttpRequest, pk: int) -> HttpResponse:
    ws = get_editable_workspace(request.user, pk)
    form = SectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "正文未保存：请选择部分")
        return render(request, "workspace/detail.html", detail_context(request, ws), status=400)
    d = form.cleaned_data
    step = lambda: services.edit_section(  # noqa: E731
        ws, d["key"], d["text"], by=request.user, reason=d["reason"]
    )
    _attempt(request, ws, step, "正文已保存，核验已重新运行。")
    return _back(ws, "#findings")


@login_required
@require_POST
def override_view(request: HttpRequest, pk: int) -> HttpResponse:
    ws = get_editable_workspace(request.user, pk)
    form = OverrideForm(request.POST, year=ws.year)
    if form.is_valid():
        d = form.cleaned_data
        try:
            o = services.override_cell(
                ws, d["key"], d["value"], by=request.user, reason=d["reason"]
            )
        except services.Locked as exc:
            messages.error(request, str(exc))
            return _back(ws)
        except CorrectionRefused as exc:
            form.add_error("value", str(exc))
        else:
            shown = f"{o.computed or '（空）'} → {o.value or '（空）'}"
            messages.success(request, f"已人工调整：{shown}，核验中将提示此项调整。")
            return _back(ws, "#findings")
    context = detail_context(request, ws, override_form=form)
    return render(request, "workspace/detail.html", context, status=400)


@login_required
@require_POST
def revert_view(request: HttpRequest, pk: int) -> HttpResponse:
    ws = get_editable_workspace(request.user, pk)
    form = RevertForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择要撤销的人工调整")
        return _back(ws)
    d = form.cleaned_data
    step = lambda: services.revert_override(  # noqa: E731
        ws, d["key"], by=request.user, reason=d["reason"]
    )
    _attempt(request, ws, step, "已撤销人工调整，恢复为汇编数值。")
    return _back(ws, "#findings")


@login_required
@require_POST
def submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    ws = get_editable_workspace(request.user, pk)
    done = "已提交负责人审核，报告已锁定。"
    _attempt(request, ws, lambda: workflow.submit(ws, by=request.user), done)
    return _back(ws)


@login_required
@require_POST
def review_view(request: HttpRequest, pk: int) -> HttpResponse:
    """负责人审核: approve, or send back with a comment."""
    ws = get_visible_workspace_or_404(request.user, pk)
    if not can_approve(request.user, ws.agency):
        raise PermissionDenied("只有本机关负责人（审核人）可以审核年度报告")
    form = ReviewForm(request.POST)
    if not form.is_valid():
        context = detail_context(request, ws, review_form=form)
        return render(request, "workspace/detail.html", context, status=400)
    d = form.cleaned_data
    if d["decision"] == "approve":
        step = lambda: workflow.approve(ws, by=request.user, comment=d["comment"])  # noqa: E731
        _attempt(request, ws, step, "已审核通过，可以公开发布。")
    else:
        step = lambda: workflow.send_back(ws, by=request.user, comment=d["comment"])  # noqa: E731
        _attempt(request, ws, step, "已退回修改。")
    return _back(ws)


@login_required
@require_POST
def publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    ws = get_editable_workspace(request.user, pk)
    if _attempt(request, ws, lambda: workflow.publish(ws, by=request.user), "报告已公开发布。"):
        return redirect("published:report", pk=ws.pk)
    return _back(ws)


@login_required
@require_POST
def correct_view(request: HttpRequest, pk: int) -> HttpResponse:
    """更正 a published report: opens the next version as a draft (the published one stays)."""
    ws = get_editable_workspace(request.user, pk)
    form = CorrectForm(request.POST)
    if not form.is_valid():
        context = detail_context(request, ws, correct_form=form)
        return render(request, "workspace/detail.html", context, status=400)
    step = lambda: workflow.correct(ws, by=request.user, reason=form.cleaned_data["reason"])  # noqa: E731
    done = f"已发起更正（第{ws.version + 1}版）：修改后请重新提交审核、发布；现行版本仍公开。"
    _attempt(request, ws, step, done)
    return _back(ws)
