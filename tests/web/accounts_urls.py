"""Permission expectations of the accounts URLs (password change/reset, 动态口令), merged into the
every-URL test, and one row of every admin model that django-axes and django-otp register.

Password change is for every signed-in user; reset is open to all (its confirm link here is a
made-up token, so everyone sees the "link invalid" page). Enrolling a TOTP device is for
supervisors and the superuser (403 for the others); the verify page sends anyone without a
device home.
"""

from __future__ import annotations

from typing import Any

from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

LOGIN, HOME = "login", "home"
_PEOPLE = ("clerk_jia", "clerk_yi", "reviewer_jia", "county_supervisor", "outsider", "admin")


def _by(default: Any, **given: Any) -> dict[str, Any]:
    return {**{p: default for p in _PEOPLE}, **given}


EXPECTED: dict[str, list[tuple[str, str | None, dict[str, str], dict[str, Any]]]] = {
    "accounts:password_change": [("get", None, {}, _by(200, anonymous=LOGIN))],
    "accounts:password_change_done": [("get", None, {}, _by(200, anonymous=LOGIN))],
    "accounts:password_reset": [("get", None, {}, _by(200, anonymous=200))],
    "accounts:password_reset_done": [("get", None, {}, _by(200, anonymous=200))],
    "accounts:password_reset_confirm": [("get", "reset-link", {}, _by(200, anonymous=200))],
    "accounts:password_reset_complete": [("get", None, {}, _by(200, anonymous=200))],
    "accounts:otp_setup": [
        ("get", None, {}, _by(403, county_supervisor=200, admin=200, anonymous=LOGIN))
    ],
    "accounts:otp_verify": [("get", None, {}, _by(HOME, anonymous=LOGIN))],
}


def url_kwargs(world: Any, key: str) -> dict[str, str] | None:
    """The reset link's uid (a real user's) and a token that is not valid."""
    if key != "reset-link":
        return None
    uid = urlsafe_base64_encode(force_bytes(world.user("clerk_jia").pk))
    return {"uidb64": uid, "token": "cbx9ab-0123456789abcdef"}


def admin_rows(world: Any) -> None:
    """A lockout record, an access and a failure log entry, and a (clerk's) TOTP device."""
    from axes.models import AccessAttempt, AccessFailureLog
    from axes.models import AccessLog as LoginLog
    from django_otp.plugins.otp_totp.models import TOTPDevice

    who = {"username": "clerk_jia", "ip_address": "127.0.0.1", "user_agent": "test"}
    AccessAttempt.objects.create(
        **who, http_accept="*/*", path_info="/accounts/login/", failures_since_start=1
    )
    LoginLog.objects.create(**who, http_accept="*/*", path_info="/accounts/login/")
    AccessFailureLog.objects.create(
        **who, http_accept="*/*", path_info="/accounts/login/", locked_out=False
    )
    TOTPDevice.objects.create(user=world.user("clerk_jia"), name="动态口令", confirmed=False)
