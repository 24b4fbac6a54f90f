"""全部申请: every application in scope, open and closed, searched, filtered and paged; and the
signed reply (答复书) uploaded with a decision."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.reports.security import uploaded_file_response
from gongkai.site.listing import filtered, link_for, lists, page_of

from ..filters import ApplicationFilter
from ..models import AccessLog
from ..permissions import (
    applications_visible_to,
    can_see_personal_data,
    get_visible_application_or_404,
)


@login_required
@lists
def all_applications(request: HttpRequest) -> HttpResponse:
    qs = applications_visible_to(request.user).order_by("-received", "-pk")
    found = ApplicationFilter(request.GET, queryset=qs)
    # Page the ids, then read the page's rows with their agencies and decisions.
    page = page_of(request, filtered(found).values_list("pk", flat=True))
    ids = list(page.object_list)
    shown = qs.select_related("agency", "decision").in_bulk(ids)
    url = link_for("applications:detail")
    page.object_list = [(shown[pk], shown[pk].closed_on is not None, url(pk)) for pk in ids]
    return render(request, "applications/all.html", {"filter": found, "page": page})


@login_required
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    """The signed reply as uploaded: it names the applicant, so as the request's attachment —
    the agency's own clerks and reviewers only, every download logged."""
    application = get_visible_application_or_404(request.user, pk)
    if not can_see_personal_data(request.user, application):
        raise PermissionDenied("只有本机关的经办人、审核人可以下载答复书")
    decision = getattr(application, "decision", None)
    if decision is None or not decision.reply:
        raise Http404("No signed reply")
    AccessLog.objects.create(application=application, user=request.user, what="下载答复书")
    return uploaded_file_response(decision.reply.open("rb"), Path(decision.reply.name).name)
