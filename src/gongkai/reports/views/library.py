"""The report library: the reports a person may see, and the upload of new ones."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.accounts.permissions import agencies_editable_by
from gongkai.jobs.models import Job
from gongkai.jobs.services import submit
from gongkai.site.listing import filtered, link_for, lists, page_of

from ..access import reports_visible_to
from ..filters import ReportFilter
from ..forms import UploadForm


@login_required
@lists
def report_list(request: HttpRequest) -> HttpResponse:
    """Every report the user may see: search by agency, filter by year and status, paged."""
    visible = reports_visible_to(request.user)
    reports = visible.select_related("agency").defer("data").order_by("-year", "agency__path")
    found = ReportFilter(request.GET, queryset=reports)
    # Page the ids first (the index covers them), then read the page's 50 rows: on SQLite a
    # report row holds its large JSON, which sorting every row would read through.
    page = page_of(request, filtered(found).values_list("pk", flat=True))
    shown = reports.in_bulk(list(page.object_list))
    url = link_for("reports:detail")
    page.object_list = [(shown[pk], url(pk)) for pk in page.object_list]
    context = {
        "filter": found,
        "page": page,
        "can_upload": agencies_editable_by(request.user).exists(),
    }
    return render(request, "reports/list.html", context)


@dataclass(frozen=True)
class Outcome:
    name: str
    job: Job | None = None
    error: str = ""


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    """Upload one or many files for one agency; each file becomes a background job (parsed,
    checked and stored on its own by the worker, so one unreadable or runaway file does not
    stop the others and is never half-saved). The page then shows each job's progress."""
    agencies = agencies_editable_by(request.user)
    if not agencies.exists():
        raise Http404("No agency to upload for")
    form = UploadForm(request.POST or None, request.FILES or None, agencies=agencies)
    outcomes: list[Outcome] = []
    if request.method == "POST" and form.is_valid():
        agency, year = form.cleaned_data["agency"], form.cleaned_data["year"]
        for f in form.cleaned_data["files"]:
            outcomes.append(_submit_one(request, agency, year, f))
    context = {
        "form": form,
        "outcomes": outcomes,
        "max_mb": settings.GONGKAI_MAX_UPLOAD_MB,
    }
    return render(request, "reports/upload.html", context)


def _submit_one(request: HttpRequest, agency: object, year: int | None, f: object) -> Outcome:
    name = getattr(f, "name", "") or "未命名文件"
    if getattr(f, "size", 0) > settings.GONGKAI_MAX_UPLOAD_BYTES:
        return Outcome(name, error=f"文件超过 {settings.GONGKAI_MAX_UPLOAD_MB} MB 的上限，未导入")
    job = submit(
        Job.Kind.REPORT_UPLOAD,
        agency=agency,  # type: ignore[arg-type]
        by=request.user,
        params={"year": year, "content_type": getattr(f, "content_type", "") or ""},
        input_name=name,
        input_data=f.read(),  # type: ignore[attr-defined]
    )
    return Outcome(name, job=job)
