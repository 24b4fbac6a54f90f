"""/api/: the django-ninja API's URL patterns, each wrapped by ``headers.public_read`` (CORS,
ETag, caching), and the API's root answering with where things are."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import URLPattern, path, reverse

from .api import api
from .headers import public_read

app_name = "api"


def index(request: HttpRequest, **kwargs: object) -> JsonResponse:
    """The root of the API: where its description and its main lists are."""
    names = ("agencies", "reports", "cells", "years")
    return JsonResponse(
        {
            "openapi": reverse("api:openapi-json"),
            "endpoints": {name: reverse(f"api:{name}") for name in names},
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _wrapped(pattern: URLPattern) -> URLPattern:
    view = index if pattern.name == "api-root" else pattern.callback
    return path(str(pattern.pattern), public_read(view), name=pattern.name)


urlpatterns = [_wrapped(p) for p in api.urls[0] if isinstance(p, URLPattern)]
