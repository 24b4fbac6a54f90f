"""动态口令 (TOTP, django-otp): who may enrol, the enrolment QR code, checking a token.

Optional, for the accounts whose reach is widest: supervisors (主管部门) and system
administrators. A user who has confirmed a device must give a token after every password
login (OTPRequiredMiddleware), on the site and on /admin/ alike.
"""

from __future__ import annotations

from base64 import b32encode
from typing import Any

import django_otp
import segno
from django.http import HttpRequest
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import Role

DEVICE_NAME = "动态口令"


def may_use_totp(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.memberships.filter(role=Role.SUPERVISOR).exists()


def has_confirmed_device(user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def confirmed_device(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user: Any) -> TOTPDevice:
    """The device being enrolled: unconfirmed until the user types its first token."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// URL as an inline SVG (no data: URI, no external image)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=2)


def secret_base32(device: TOTPDevice) -> str:
    """The key for typing into an authenticator app by hand, in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def check_token(request: HttpRequest, device: TOTPDevice, token: str) -> bool:
    """Verify ``token`` on ``device`` (throttled by django-otp); on success the session is
    marked verified."""
    token = token.strip().replace(" ", "")
    if not token.isdigit():
        return False
    if django_otp.verify_token(device.user, device.persistent_id, token) is None:
        return False
    django_otp.login(request, device)
    return True
