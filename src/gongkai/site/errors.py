"""The 400 handler and the CSRF failure view: Chinese pages in the site's style.

The 403, 404 and 500 pages are Django's own handlers rendering ``403.html``, ``404.html`` and
``500.html`` (the last without a request or a database). A 400 shows the message of a
:class:`gongkai.site.query.BadQuery` (written for the user) and nothing of any other error.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token

from .query import BadQuery


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if isinstance(exception, BadQuery) else ""
    return render(request, "400.html", {"message": message}, status=400)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: what went wrong and what to do, never how to debug the server."""
    return render(request, "403_csrf.html", status=403)
