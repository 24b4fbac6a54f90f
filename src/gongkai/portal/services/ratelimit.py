"""Per-day limits on online applications, per IP address and per contact (e-mail, phone), and on
failed tracking attempts per IP address. Enforced in the service, so no view can forget them.

Keys are HMAC-SHA256 of the value under SECRET_KEY: the ledger (portal.RateEvent) can count an
address without storing it. Limits come from settings (``GONGKAI_PORTAL_*``, see settings.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone

from ..models import RateEvent

WINDOW = dt.timedelta(days=1)


class RateLimited(Exception):
    """Over a limit; the message is Chinese and names no address."""


def key_of(scope: str, value: str) -> str:
    normalised = value.strip().lower().replace(" ", "").replace("-", "")
    mac = hmac.new(settings.SECRET_KEY.encode(), f"{scope}:{normalised}".encode(), hashlib.sha256)
    return mac.hexdigest()


def limit(name: str) -> int:
    return int(getattr(settings, name))


def count(scope: str, value: str) -> int:
    since = timezone.now() - WINDOW
    return RateEvent.objects.filter(scope=scope, key=key_of(scope, value), at__gte=since).count()


def check(checks: Iterable[tuple[str, str, int, str]]) -> None:
    """Raise RateLimited for the first (scope, value, limit, message) already at its limit."""
    for scope, value, most, message in checks:
        if value and count(scope, value) >= most:
            raise RateLimited(message)


def record(scope: str, *values: str) -> None:
    RateEvent.objects.bulk_create(RateEvent(scope=scope, key=key_of(scope, v)) for v in values if v)


def check_application(ip: str, email: str, phone: str) -> None:
    per_ip = limit("GONGKAI_PORTAL_APPLICATIONS_PER_IP")
    per_contact = limit("GONGKAI_PORTAL_APPLICATIONS_PER_CONTACT")
    check(
        [
            ("apply-ip", ip, per_ip, f"同一网络地址每日最多提交 {per_ip} 件网络申请，请明日再试"),
            (
                "apply-contact",
                email,
                per_contact,
                f"同一电子邮箱每日最多提交 {per_contact} 件网络申请，请明日再试",
            ),
            (
                "apply-contact",
                phone,
                per_contact,
                f"同一联系电话每日最多提交 {per_contact} 件网络申请，请明日再试",
            ),
        ]
    )


def record_application(ip: str, email: str, phone: str) -> None:
    record("apply-ip", ip)
    record("apply-contact", email, phone)


def check_tracking(ip: str) -> None:
    most = limit("GONGKAI_PORTAL_TRACKING_FAILURES_PER_IP")
    check([("track-fail", ip, most, "查询失败次数过多，请明日再试或联系受理机关")])


def purge_older_than(days: int = 7) -> int:
    """Delete ledger rows no limit looks at any more; returns how many."""
    cutoff = timezone.now() - dt.timedelta(days=days)
    return RateEvent.objects.filter(at__lt=cutoff).delete()[0]
