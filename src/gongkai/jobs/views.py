"""The job pages: one job's state, polled with htmx until it ends; its file; the user's jobs."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from gongkai.reports.security import sandboxed

from .access import get_visible_job_or_404, jobs_visible_to
from .services import expire_if_stale

POLL = "every 1s"


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    jobs = [
        expire_if_stale(j) for j in jobs_visible_to(request.user).select_related("agency")[:100]
    ]
    return render(request, "jobs/list.html", {"jobs": jobs})


@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole page, or (for htmx's poll) only the status block, which stops polling once
    the job has ended."""
    job = expire_if_stale(get_visible_job_or_404(request.user, pk))
    template = "jobs/_status.html" if request.htmx else "jobs/detail.html"  # type: ignore[attr-defined]
    return render(request, template, {"job": job, "poll": POLL})


@login_required
def job_output(request: HttpRequest, pk: int) -> HttpResponseBase:
    job = get_visible_job_or_404(request.user, pk)
    if not job.output:
        raise Http404("No output")
    response = FileResponse(job.output.open("rb"), as_attachment=True, filename=job.output_name)
    return sandboxed(response)  # an HTML export must not render on our origin either
