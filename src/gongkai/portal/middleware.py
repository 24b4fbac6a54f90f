"""Keeps a session logged in through the portal's applicant account out of the staff app.

Such a user has no Membership, so the staff pages would only show empty lists; this makes it
a plain 403 everywhere except the public parts of the site (an allow-list, so that a staff
page added later is closed to applicants without anyone remembering to close it).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from .services.accounts import SESSION_KEY


@cache
def public_prefixes() -> tuple[str, ...]:
    """The portal, static files and the public open-data and annual-report pages."""
    return (
        reverse("portal:index"),
        settings.STATIC_URL or "/static/",
        "/api/",
        "/data/",
        "/annual-reports/",
    )


class PortalAccountMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.session.get(SESSION_KEY) is not None  # no query for staff sessions
            and request.user.is_authenticated
            and not request.path.startswith(public_prefixes())
        ):
            return render(request, "portal/account/staff_refused.html", status=403)
        return self.get_response(request)
