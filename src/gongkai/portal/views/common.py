"""Shared by the portal's views: the public agency lookup, caching headers, the client address."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from gongkai.agencies.models import Agency

# Public pages carry nobody's data and no CSRF token: caches and proxies may keep them.
PUBLIC_MAX_AGE = 300


def public_page(view: Callable[..., Any]) -> Callable[..., Any]:
    return require_safe(cache_control(public=True, max_age=PUBLIC_MAX_AGE)(view))


def agency_or_404(pk: int) -> Agency:
    try:
        return Agency.objects.get(pk=pk)
    except Agency.DoesNotExist:
        raise Http404("没有这个机关") from None


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR: behind a reverse proxy, the proxy must set it (e.g. gunicorn
    --forwarded-allow-ips); a client-supplied X-Forwarded-For is never trusted here."""
    return str(request.META.get("REMOTE_ADDR") or "unknown")
