"""One report: the official layout with its findings marked, downloads, audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe

from gongkai.accounts.permissions import can_edit_agency_data
from gongkai.agencies.audit import changes_of
from gongkai.report.findings import Finding
from gongkai.report.model import Report
from gongkai.report.render import MEDIA_TYPES, RENDER_KINDS
from gongkai.report.render import render as render_report
from gongkai.report.render.layout import cell_id

from ..access import get_visible_report_or_404
from ..forms import CellCorrectionForm, SectionCorrectionForm
from ..markup import marked_fragment, report_css
from ..models import AnnualReport
from ..scan import scan_checks
from ..security import SANDBOX, uploaded_file_response
from ..services import report_of

SEVERITY_LABELS = {"error": "错误", "warning": "提示", "info": "说明"}
KIND_LABELS = {"html": "网页", "md": "Markdown", "docx": "Word", "xlsx": "Excel", "pdf": "PDF"}
_MAX_LINKS = 6


@dataclass(frozen=True)
class CellLink:
    key: str
    anchor: str
    label: str


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    severity: str
    cells: list[CellLink]
    more_cells: int
    location: str


def _finding_views(report: Report) -> list[FindingView]:
    order = {"error": 0, "warning": 1, "info": 2}
    spec = report.spec.cells
    out = []
    for f in sorted(report.findings, key=lambda f: order[f.severity.value]):
        keys = [k for k in f.cells if k in spec]
        links = [CellLink(k, cell_id(k), spec[k].label) for k in keys[:_MAX_LINKS]]
        out.append(
            FindingView(
                f,
                SEVERITY_LABELS[f.severity.value],
                links,
                max(len(keys) - _MAX_LINKS, 0),
                _location(report, f),
            )
        )
    return out


def _location(report: Report, f: Finding) -> str:
    loc = f.location
    if (loc is None or (loc.line is None and loc.page is None)) and f.cells:
        loc = report.location_of(f.cells[0])
    if loc is None or (loc.line is None and loc.page is None):
        return ""
    parts = [
        f"第{loc.page}页" if loc.page is not None else "",
        f"第{loc.line}行" if loc.line else "",
    ]
    return "原文" + "".join(parts)


def detail_context(request: HttpRequest, obj: AnnualReport, **forms: Any) -> dict[str, Any]:
    report = report_of(obj)
    # A report published through the workspace is frozen: corrections make a new version there.
    can_edit = can_edit_agency_data(request.user, obj.agency) and obj.published_version is None
    cell_key = request.GET.get("cell", "")
    section_key = request.GET.get("section", "")
    cell_form = forms.get("cell_form") or CellCorrectionForm(
        fmt=report.format, initial=_cell_initial(report, cell_key)
    )
    section_form = forms.get("section_form") or SectionCorrectionForm(
        initial={"key": section_key, "text": report.sections.get(section_key) or ""}
        if section_key in report.sections
        else None
    )
    return {
        "obj": obj,
        "report": report,
        # The core escaped every report text; markup.py only added classes and <mark>.
        "fragment": mark_safe(marked_fragment(report)),
        "report_css": report_css(),
        "findings": _finding_views(report),
        "kinds": [(k, KIND_LABELS[k]) for k in RENDER_KINDS],
        "can_edit": can_edit,
        "cell_form": cell_form,
        "section_form": section_form,
        "open_section": bool(section_key) or "section_form" in forms,
        "corrections": obj.corrections.select_related("by")[:20],
        "scan_checks": scan_checks(report),
    }


def _cell_initial(report: Report, key: str) -> dict[str, Any] | None:
    if key not in report.cells:
        return None
    value = report.cells[key]
    return {"key": key, "value": "" if value is None else str(value)}


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_visible_report_or_404(request.user, pk)
    return render(request, "reports/detail.html", detail_context(request, obj))


@login_required
def report_original(request: HttpRequest, pk: int) -> HttpResponse:
    """The uploaded file, always as a download: an uploaded HTML must never render on our site."""
    obj = get_visible_report_or_404(request.user, pk)
    if not obj.original:
        raise Http404("No original file")
    return uploaded_file_response(
        obj.original.open("rb"), obj.original_name or "report", obj.original_content_type
    )


@login_required
def report_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The report in the official layout as html/md/docx/xlsx/pdf (``?kind=``), a download."""
    obj = get_visible_report_or_404(request.user, pk)
    kind = request.GET.get("kind", "")
    if kind not in RENDER_KINDS:
        raise Http404("Unknown export kind")
    body = render_report(report_of(obj), kind)
    response = HttpResponse(body, content_type=MEDIA_TYPES[kind])
    filename = f"{obj.agency.name}{obj.year}年政府信息公开工作年度报告.{kind}"
    response.headers["Content-Disposition"] = content_disposition_header(True, filename)
    response.headers["Content-Security-Policy"] = SANDBOX
    return response


@login_required
def report_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Every correction (old → new, reason) and every save of the report, newest first."""
    obj = get_visible_report_or_404(request.user, pk)
    context = {
        "obj": obj,
        "corrections": obj.corrections.select_related("by"),
        "changes": changes_of(obj),
    }
    return render(request, "reports/history.html", context)
