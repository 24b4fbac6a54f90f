"""Headers of every API response: open to any origin for reading, cacheable, revalidated by ETag.

The ETag is a hash of the body, so it changes exactly when what is served changes (a new
version, a renamed agency) and a client's ``If-None-Match`` gets ``304`` otherwise. CORS is
``*`` for GET, HEAD and OPTIONS only and never with credentials: the API reads nothing from
cookies, so another site's page can read it but never act as a logged-in user.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag

MAX_AGE = 300  # seconds a cache may serve a response without asking again
READ_METHODS = ("GET", "HEAD", "OPTIONS")

View = Callable[..., HttpResponseBase]


def etag_of(body: bytes) -> str:
    return quote_etag(hashlib.sha256(body).hexdigest()[:32])


def _cors(response: HttpResponseBase) -> None:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Content-Disposition"


def _preflight() -> HttpResponse:
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = ", ".join(READ_METHODS)
    response["Access-Control-Allow-Headers"] = "If-None-Match, Accept"
    response["Access-Control-Max-Age"] = "86400"
    return response


def _cached(request: HttpRequest, response: HttpResponse) -> HttpResponseBase:
    response["ETag"] = etag_of(response.content)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return get_conditional_response(request, etag=response["ETag"], response=response) or response


def public_read(view: View) -> View:
    """Wrap an API view: OPTIONS answered here, HEAD served as GET without the body, a 200
    given its ETag and cache headers (or turned into 304), every read answer given CORS."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method == "OPTIONS":
            response: HttpResponseBase = _preflight()
        else:
            head = request.method == "HEAD"
            if head:
                request.method = "GET"
            response = view(request, *args, **kwargs)
            if isinstance(response, HttpResponse) and response.status_code == 200:
                response = _cached(request, response)
            if head and isinstance(response, HttpResponse):
                request.method = "HEAD"
                response["Content-Length"] = str(len(response.content))
                response.content = b""
        if request.method in READ_METHODS:
            _cors(response)
        return response

    wrapped.csrf_exempt = True  # type: ignore[attr-defined]  # reads only; nothing to forge
    return wrapped
