"""The report library: the reports a person may see, and the upload of new ones."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.accounts.permissions import agencies_editable_by

from ..access import reports_visible_to
from ..forms import UploadForm
from ..models import AnnualReport
from ..security import csp
from ..services import ImportRefused, Upload, import_upload


@login_required
@csp
def report_list(request: HttpRequest) -> HttpResponse:
    reports = reports_visible_to(request.user).select_related("agency").defer("data")
    year = request.GET.get("year", "")
    if year.isdigit():
        reports = reports.filter(year=int(year))
    years = reports_visible_to(request.user).values_list("year", flat=True).distinct()
    context = {
        "reports": reports.order_by("-year", "agency__path")[:500],
        "years": sorted(set(years), reverse=True),
        "year": year,
        "can_upload": agencies_editable_by(request.user).exists(),
    }
    return render(request, "reports/list.html", context)


@dataclass(frozen=True)
class Outcome:
    name: str
    report: AnnualReport | None = None
    error: str = ""


@login_required
@csp
def upload(request: HttpRequest) -> HttpResponse:
    """Upload one or many files for one agency; each file is parsed, checked and stored on its
    own, so one unreadable file does not stop the others (and is never half-saved)."""
    agencies = agencies_editable_by(request.user)
    if not agencies.exists():
        raise Http404("No agency to upload for")
    form = UploadForm(request.POST or None, request.FILES or None, agencies=agencies)
    outcomes: list[Outcome] = []
    if request.method == "POST" and form.is_valid():
        agency, year = form.cleaned_data["agency"], form.cleaned_data["year"]
        for f in form.cleaned_data["files"]:
            outcomes.append(_import_one(request, agency, year, f))
    context = {
        "form": form,
        "outcomes": outcomes,
        "max_mb": settings.GONGKAI_MAX_UPLOAD_MB,
    }
    return render(request, "reports/upload.html", context)


def _import_one(request: HttpRequest, agency: object, year: int | None, f: object) -> Outcome:
    name = getattr(f, "name", "") or "未命名文件"
    if getattr(f, "size", 0) > settings.GONGKAI_MAX_UPLOAD_BYTES:
        return Outcome(name, error=f"文件超过 {settings.GONGKAI_MAX_UPLOAD_MB} MB 的上限，未导入")
    data = f.read()  # type: ignore[attr-defined]
    content_type = getattr(f, "content_type", "") or ""
    try:
        obj = import_upload(
            agency,  # type: ignore[arg-type]
            Upload(name, data, content_type),
            by=request.user,
            year=year,
        )
    except ImportRefused as exc:
        return Outcome(name, error=str(exc))
    return Outcome(name, report=obj)
