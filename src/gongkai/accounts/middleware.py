"""Session idle timeout and the second factor (动态口令) for users who have one."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from .otp import has_confirmed_device

_SEEN = "gongkai_seen"
# A session is rewritten at most this often: the expiry moves with the user's activity
# without a database write on every request (SESSION_SAVE_EVERY_REQUEST would do that).
REFRESH_SECONDS = 60


class IdleTimeoutMiddleware:
    """Keep the session alive while the user is active; it ends SESSION_COOKIE_AGE after the
    last request (give or take REFRESH_SECONDS), which is the idle timeout."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            if now - request.session.get(_SEEN, 0) >= REFRESH_SECONDS:
                request.session[_SEEN] = now  # modified → saved with a fresh expiry
        return self.get_response(request)


class OTPRequiredMiddleware:
    """A user with a confirmed TOTP device gets nowhere (the admin included) until the
    session is verified with a token; only the verification page, logout and static files."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()  # type: ignore[union-attr]
            and not self._exempt(request.path)
            and has_confirmed_device(user)
        ):
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse('accounts:otp_verify')}?{query}")
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        exempt = (
            reverse("accounts:otp_verify"),
            reverse("logout"),
            reverse("admin:logout"),
        )
        return path in exempt or path.startswith(settings.STATIC_URL)
