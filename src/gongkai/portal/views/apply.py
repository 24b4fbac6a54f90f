"""网络申请: the form, then the confirmation page with the number and the code (shown once).

The code travels from the POST to the confirmation page in the session, never in a URL.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ..forms import ApplyForm
from ..services import accounts
from ..services.ratelimit import RateLimited
from ..services.submit import submit
from .common import agency_or_404, client_ip

JUST_FILED = "portal_just_filed"
HONEYPOT_MESSAGE = "提交未能受理。请不要使用自动填表工具，或改用当面、邮寄方式提交申请。"


@never_cache
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    agency = agency_or_404(pk)
    account = accounts.current(request)
    initial = {"email": account.email} if account else {}
    form = ApplyForm(
        request.POST if request.method == "POST" else None, request.FILES or None, initial=initial
    )
    context = {"agency": agency, "form": form, "section": "apply"}
    if request.method != "POST":
        return render(request, "portal/apply.html", context)
    if form.is_bot():  # the honeypot: nothing is registered, nothing is counted
        context["refused"] = HONEYPOT_MESSAGE
        return render(request, "portal/apply.html", context, status=400)
    if not form.is_valid():
        return render(request, "portal/apply.html", context, status=400)
    d = form.cleaned_data
    try:
        filed = submit(
            agency,
            form.application_fields(),
            email=d["email"],
            phone=d["phone"],
            ip=client_ip(request),
            account=account,
        )
    except RateLimited as exc:
        context["refused"] = str(exc)
        return render(request, "portal/apply.html", context, status=429)
    request.session[JUST_FILED] = {
        "tracking_number": filed.online.tracking_number,
        "code": filed.code,
        "number": filed.application.number,
        "received": filed.application.received.isoformat(),
        "agency": agency.name,
        "mailed": filed.mailed,
        "email": filed.online.email,
    }
    return redirect("portal:applied")


@never_cache
def applied(request: HttpRequest) -> HttpResponse:
    """The confirmation, once: a reload shows the tracking page's form instead."""
    filed = request.session.pop(JUST_FILED, None)
    if filed is None:
        return redirect("portal:track")
    return render(request, "portal/applied.html", {"filed": filed})
