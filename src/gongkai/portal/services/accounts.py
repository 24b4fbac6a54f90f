"""Optional applicant accounts: sign-up, login (through django-axes), claiming an application
filed without an account, and the account's own applications.

An account is a plain Django User with no Membership (so no staff scope) plus a PortalAccount
row; its username is random, so the staff login page cannot be used with the e-mail. A session
logged in here carries SESSION_KEY, which middleware.PortalAccountMiddleware uses to keep the
session out of every staff page without a database query on staff requests.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.contrib.auth import authenticate, get_user_model, login
from django.db import transaction
from django.http import HttpRequest

from ..models import OnlineRequest, PortalAccount
from . import ratelimit, tracking

SESSION_KEY = "portal_account"


class Refused(Exception):
    """A Chinese message for the person at the form."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def email_taken(email: str) -> bool:
    return PortalAccount.objects.filter(email=normalise_email(email)).exists()


def check_signup(ip: str) -> None:
    most = ratelimit.limit("GONGKAI_PORTAL_SIGNUPS_PER_IP")
    ratelimit.check(
        [("signup-ip", ip, most, f"同一网络地址每日最多注册 {most} 个账号，请明日再试")]
    )


@transaction.atomic
def create(email: str, password: str, *, ip: str) -> PortalAccount:
    """A new account (the password already passed the validators); raises RateLimited."""
    check_signup(ip)
    email = normalise_email(email)
    user = get_user_model().objects.create_user(
        username=f"gk-{secrets.token_hex(8)}", email=email, password=password
    )
    ratelimit.record("signup-ip", ip)
    return PortalAccount.objects.create(user=user, email=email)


def log_in(request: HttpRequest, email: str, password: str) -> PortalAccount | None:
    """Check the pair through authenticate() (django-axes counts failures and locks out) and
    start the session; None if wrong. Only portal accounts log in here, never staff."""
    account = PortalAccount.objects.select_related("user").filter(email=normalise_email(email))
    found = account.first()
    username = found.user.get_username() if found else normalise_email(email)
    user = authenticate(request, username=username, password=password)
    if user is None or found is None or user.pk != found.user_id:
        return None
    login(request, user)
    request.session[SESSION_KEY] = found.pk
    return found


def current(request: HttpRequest) -> PortalAccount | None:
    """The account of this session, if it logged in through the portal."""
    pk = request.session.get(SESSION_KEY)
    if pk is None or not request.user.is_authenticated:
        return None
    return PortalAccount.objects.filter(pk=pk, user=request.user).first()


def owns(request: HttpRequest, online: OnlineRequest) -> bool:
    if online.account_id is None:
        return False
    account = current(request)
    return account is not None and online.account_id == account.pk


def claim(account: PortalAccount, number: str, code: str, *, ip: str) -> OnlineRequest:
    """Add an application filed without the account, proven by its number and code once.
    Wrong pairs count against the IP like tracking (tracking.find); raises NotFound,
    RateLimited or Refused."""
    online = tracking.find(number, code, ip=ip)
    if online.account_id == account.pk:
        raise Refused("这件申请已在您的申请列表中")
    if online.account_id is not None:
        raise Refused("这件申请已添加到另一个账号，不能重复添加")
    online.account = account
    online.save(update_fields=["account"])
    return online


@dataclass(frozen=True)
class Row:
    online: OnlineRequest
    status: tracking.Status


def applications_of(account: PortalAccount) -> list[Row]:
    """The account's own applications, newest first, each with the tracking page's status."""
    rows = (
        OnlineRequest.objects.filter(account=account)
        .select_related("application__agency")
        .order_by("-submitted_at", "-pk")
    )
    return [Row(online, tracking.status_of(online)) for online in rows]
