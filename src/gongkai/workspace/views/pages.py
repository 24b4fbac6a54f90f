"""The workspace pages: the list (and opening a year), one workspace, its exports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from gongkai.accounts.permissions import agencies_editable_by, can_edit_agency_data
from gongkai.jobs.models import Job
from gongkai.jobs.services import submit
from gongkai.report.findings import Finding
from gongkai.report.model import Report
from gongkai.report.render import MEDIA_TYPES, RENDER_KINDS
from gongkai.report.render import render as render_report
from gongkai.report.render.layout import cell_id
from gongkai.reports.markup import marked_fragment, report_css
from gongkai.reports.security import SANDBOX
from gongkai.reports.views.detail import KIND_LABELS, SEVERITY_LABELS

from ..access import get_visible_workspace_or_404, workspaces_visible_to
from ..background import BACKGROUND_KINDS
from ..forms import SECTION_CHOICES, CorrectForm, OpenForm, OverrideForm, ReviewForm
from ..models import Workspace
from ..services import active_overrides, assemble, computed_of, draft_sections, open_workspace
from ..workflow import Action, allowed


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    severity: str
    cells: list[tuple[str, str]]  # (anchor, label)


def finding_views(report: Report) -> list[FindingView]:
    order = {"error": 0, "warning": 1, "info": 2}
    spec = report.spec.cells
    return [
        FindingView(
            f,
            SEVERITY_LABELS[f.severity.value],
            [(cell_id(k), spec[k].label) for k in f.cells[:6] if k in spec],
        )
        for f in sorted(report.findings, key=lambda f: order[f.severity.value])
    ]


def _open_form(request: HttpRequest, data: Any = None) -> OpenForm:
    agencies = agencies_editable_by(request.user).order_by("path")
    return OpenForm(data, agencies=agencies, initial={"year": timezone.now().year})


@login_required
def workspace_list(request: HttpRequest) -> HttpResponse:
    context = {
        "workspaces": workspaces_visible_to(request.user).order_by("-year", "agency__path"),
        "form": _open_form(request),
        "can_open": agencies_editable_by(request.user).exists(),
    }
    return render(request, "workspace/list.html", context)


@login_required
@require_POST
def workspace_open(request: HttpRequest) -> HttpResponse:
    """Open (create and compile the first time) the workspace of an agency the user edits."""
    if not agencies_editable_by(request.user).exists():
        raise Http404("No agency to compile a report for")
    form = _open_form(request, request.POST)
    if not form.is_valid():
        context = {"workspaces": workspaces_visible_to(request.user), "form": form}
        return render(request, "workspace/list.html", {**context, "can_open": True}, status=400)
    d = form.cleaned_data
    ws = open_workspace(d["agency"], d["year"], by=request.user)
    return redirect("workspace:detail", pk=ws.pk)


def detail_context(request: HttpRequest, ws: Workspace, **forms: Any) -> dict[str, Any]:
    report = assemble(ws)
    user = request.user
    can_edit = ws.editable and can_edit_agency_data(user, ws.agency)
    cell = request.GET.get("cell", "")
    return {
        "ws": ws,
        "report": report,
        "fragment": mark_safe(marked_fragment(report)),  # the core escaped every text
        "report_css": report_css(),
        "findings": finding_views(report),
        "errors": sum(f.severity.value == "error" for f in report.findings),
        "kinds": [(k, KIND_LABELS[k]) for k in RENDER_KINDS],
        "can_edit": can_edit,
        "sections": [(k, label, ws.sections.get(k) or "") for k, label in SECTION_CHOICES],
        "differs": _differs_from_draft(ws) if can_edit else [],
        "override_form": forms.get("override_form")
        or OverrideForm(year=ws.year, initial={"key": cell} if cell else None),
        "overrides": active_overrides(ws).values(),
        "may": {a.value: allowed(user, ws, a) for a in Action},
        "review_form": forms.get("review_form") or ReviewForm(),
        "correct_form": forms.get("correct_form") or CorrectForm(),
        "versions": ws.versions.all(),
        "events": ws.events.select_related("by")[:50],
    }


def _differs_from_draft(ws: Workspace) -> list[str]:
    """The parts whose text is not what a fresh draft from the latest figures would say: the
    clerk's own edits, or figures gone stale after a recompile (which the checks may not read)."""
    fresh = draft_sections(ws.agency, ws.year, computed_of(ws))
    return [label for key, label in SECTION_CHOICES if (ws.sections.get(key) or "") != fresh[key]]


@login_required
def workspace_detail(request: HttpRequest, pk: int) -> HttpResponse:
    ws = get_visible_workspace_or_404(request.user, pk)
    return render(request, "workspace/detail.html", detail_context(request, ws))


def export_response(ws: Workspace, report: Report, kind: str) -> HttpResponse:
    if kind not in RENDER_KINDS:
        raise Http404("Unknown export kind")
    response = HttpResponse(render_report(report, kind), content_type=MEDIA_TYPES[kind])
    filename = f"{ws.agency.name}{ws.year}年政府信息公开工作年度报告.{kind}"
    response.headers["Content-Disposition"] = content_disposition_header(True, filename)
    response.headers["Content-Security-Policy"] = SANDBOX
    return response


@login_required
def workspace_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The report as it stands (a draft until published), in the official layout."""
    ws = get_visible_workspace_or_404(request.user, pk)
    kind = request.GET.get("kind", "")
    if kind in BACKGROUND_KINDS:  # PDF/Word of the whole year: a job, its page shows progress
        params = {"workspace": ws.pk, "kind": kind}
        job = submit(Job.Kind.YEAR_EXPORT, agency=ws.agency, by=request.user, params=params)
        return redirect("jobs:detail", pk=job.pk)
    return export_response(ws, assemble(ws), kind)
