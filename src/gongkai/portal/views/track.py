"""Tracking an application with its number and access code (no account needed), or as one
of the logged-in applicant account's own applications (services.accounts.owns).

A correct pair puts the request's id in the session; the status page, the notices and the
补正 form then answer only that session. Wrong pairs count against the IP's daily limit.
"""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.applications.models import NoticeKind
from gongkai.applications.services.notices import NoticeUnavailable
from gongkai.applications.services.notices import render as render_notice

from ..forms import CorrectionForm, TrackForm
from ..models import OnlineRequest
from ..services import accounts, tracking
from ..services.ratelimit import RateLimited
from .common import client_ip

SESSION_KEY = "portal_tracking"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@never_cache
@require_http_methods(["GET", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.POST if request.method == "POST" else None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        try:
            online = tracking.find(
                form.cleaned_data["number"], form.cleaned_data["code"], ip=client_ip(request)
            )
        except (tracking.NotFound, RateLimited) as exc:
            context["refused"] = str(exc)
            status = 429 if isinstance(exc, RateLimited) else 400
            return render(request, "portal/track.html", context, status=status)
        request.session.cycle_key()  # a new session id once the pair is proven
        request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, []), online.pk]
        return redirect("portal:tracked", pk=online.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/track.html", context, status=status)


def _tracked(request: HttpRequest, pk: int) -> OnlineRequest | None:
    """The request this session proved with number + code, or one of its account's own."""
    online = OnlineRequest.objects.select_related("application__agency").filter(pk=pk).first()
    if online is None:
        return None
    if pk in request.session.get(SESSION_KEY, []) or accounts.owns(request, online):
        return online
    return None


@never_cache
def tracked(request: HttpRequest, pk: int) -> HttpResponse:
    online = _tracked(request, pk)
    if online is None:
        return redirect("portal:track")
    return _status_page(request, online, CorrectionForm())


def _status_page(
    request: HttpRequest, online: OnlineRequest, form: CorrectionForm, status: int = 200
) -> HttpResponse:
    context = {
        "online": online,
        "application": online.application,
        "status": tracking.status_of(online),
        "form": form,
    }
    return render(request, "portal/tracked.html", context, status=status)


@never_cache
@require_POST
def correct(request: HttpRequest, pk: int) -> HttpResponse:
    """补正 online; it restarts the reply period (条例第三十条) through the law engine."""
    online = _tracked(request, pk)
    if online is None:
        return redirect("portal:track")
    form = CorrectionForm(request.POST)
    if form.is_valid():
        try:
            tracking.answer_correction(online, form.cleaned_data["text"])
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, "；".join(getattr(exc, "messages", [str(exc)])))
        else:
            messages.success(request, "补正材料已提交，答复期限自今日起重新计算。")
            return redirect("portal:tracked", pk=online.pk)
    return _status_page(request, online, form, status=400)


@never_cache
def notice(request: HttpRequest, pk: int) -> HttpResponse:
    """A notice sent to the applicant, as the agency's .docx."""
    online = _tracked(request, pk)
    if online is None:
        return redirect("portal:track")
    try:
        kind = NoticeKind(request.GET.get("kind", NoticeKind.RECEIPT))
    except ValueError:
        raise Http404("没有这种告知书") from None
    if kind not in tracking.APPLICANT_NOTICES:
        raise Http404("没有这种告知书")
    try:
        data = render_notice(online.application, kind)
    except NoticeUnavailable as exc:
        return HttpResponse(str(exc), status=409, content_type="text/plain; charset=utf-8")
    response = HttpResponse(data, content_type=DOCX)
    name = f"{online.tracking_number}-{kind.label}.docx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response
