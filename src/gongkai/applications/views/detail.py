from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.law.deadlines import ClockError
from gongkai.law.outcomes import outcome
from gongkai.reports.security import uploaded_file_response

from ..forms import DecideForm, EventForm, FeeForm
from ..lifecycle import OPEN_STATES, allowed_events, state_of
from ..models import AccessLog, Application, EventKind, NoticeKind
from ..permissions import (
    can_handle,
    can_see_personal_data,
    get_visible_application_or_404,
    roles_in,
)
from ..services.clocks import clocks_for
from ..services.fees import fee_total
from ..services.notices import available


def detail_context(request: HttpRequest, application: Application, **forms: object) -> dict:
    events = list(application.events.select_related("by").order_by("on", "pk"))
    state = state_of(e.kind for e in events)
    try:
        clocks, clock_error = clocks_for(application, events), ""
    except ClockError as exc:
        clocks, clock_error = None, str(exc)
    handle = can_handle(request.user, application)
    actions = allowed_events(state, roles_in(request.user, application.agency)) if handle else []
    return {
        "application": application,
        "events": events,
        "state": state,
        "is_open": state in OPEN_STATES,
        "clocks": clocks,
        "clock_error": clock_error,
        "unconfirmed": clocks.unconfirmed_lapses() if clocks is not None else (),
        "today": dt.date.today(),
        "can_handle": handle,
        "can_see_personal": can_see_personal_data(request.user, application),
        "actions": [a for a in actions if a != EventKind.ANSWERED],
        "can_decide": EventKind.ANSWERED in actions,
        "notices": _notice_links(application),
        "decision": getattr(application, "decision", None),
        "fees": list(application.fees.all()),
        "fee_total": fee_total(application),
        "event_form": forms.get("event_form") or EventForm(),
        "decide_form": forms.get("decide_form") or DecideForm(),
        "fee_form": forms.get("fee_form") or FeeForm(),
    }


def _notice_links(application: Application) -> list[tuple[str, str]]:
    """(kind, label); the reply is named after its outcome (gongkai.law.outcomes)."""
    links = []
    for kind in available(application):
        label = kind.label
        if kind == NoticeKind.REPLY:
            label = outcome(application.decision.outcome).notice.label
        links.append((kind.value, label))
    return links


@login_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_visible_application_or_404(request.user, pk)
    return render(request, "applications/detail.html", detail_context(request, application))


@login_required
def personal_data(request: HttpRequest, pk: int) -> HttpResponse:
    """The applicant's full personal data, for the agency's own staff only; every view logged."""
    application = get_visible_application_or_404(request.user, pk)
    if not can_see_personal_data(request.user, application):
        raise PermissionDenied("只有本机关的经办人、审核人可以查看申请人个人信息")
    AccessLog.objects.create(application=application, user=request.user, what="查看申请人个人信息")
    log = application.access_log.select_related("user")[:20]
    return render(request, "applications/personal.html", {"application": application, "log": log})


@login_required
def attachment(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_visible_application_or_404(request.user, pk)
    if not can_see_personal_data(request.user, application):
        raise PermissionDenied("只有本机关的经办人、审核人可以查看申请附件")
    if not application.attachment:
        raise Http404("No attachment")
    AccessLog.objects.create(application=application, user=request.user, what="下载申请附件")
    name = Path(application.attachment.name).name
    return uploaded_file_response(application.attachment.open("rb"), name)
