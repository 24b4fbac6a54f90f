"""The applicant's optional account: sign up, log in and out, 我的申请, and adding an
application filed without the account (number + code, once). The status page of an own
application is the tracking view itself (track.tracked), which also answers the account."""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from ..account_forms import LoginForm, SignupForm
from ..forms import TrackForm
from ..models import PortalAccount
from ..services import accounts, tracking
from ..services.ratelimit import RateLimited
from .common import client_ip

WRONG_LOGIN = "电子邮箱或密码不正确"


def account_required(view: Any) -> Any:
    """The account's pages: without a portal login, to the portal's login page."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        account = accounts.current(request)
        if account is None:
            return redirect("portal:account_login")
        return view(request, account, *args, **kwargs)

    return wrapped


@never_cache
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if accounts.current(request) is not None:
        return redirect("portal:account")
    form = SignupForm(request.POST if request.method == "POST" else None)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            accounts.create(d["email"], d["password1"], ip=client_ip(request))
        except RateLimited as exc:
            context["refused"] = str(exc)
            return render(request, "portal/account/signup.html", context, status=429)
        except IntegrityError:  # the same e-mail signed up in between: the unique index says so
            form.add_error("email", "该电子邮箱已注册账号，请直接登录")
            return render(request, "portal/account/signup.html", context, status=400)
        accounts.log_in(request, d["email"], d["password1"])
        messages.success(request, "账号已注册并登录。此后网络申请将自动加入“我的申请”。")
        return redirect("portal:account")
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/account/signup.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    if accounts.current(request) is not None:
        return redirect("portal:account")
    form = LoginForm(request.POST if request.method == "POST" else None)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if accounts.log_in(request, d["email"], d["password"]) is not None:
            return redirect("portal:account")
        context["refused"] = WRONG_LOGIN
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/account/login.html", context, status=status)


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    auth_logout(request)  # flushes the session, the portal flag with it
    return redirect("portal:index")


@never_cache
@account_required
def home(request: HttpRequest, account: PortalAccount) -> HttpResponse:
    """我的申请: number, agency, state and due date of each own application."""
    context = {"account": account, "rows": accounts.applications_of(account)}
    return render(request, "portal/account/home.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@account_required
def claim(request: HttpRequest, account: PortalAccount) -> HttpResponse:
    form = TrackForm(request.POST if request.method == "POST" else None)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            online = accounts.claim(account, d["number"], d["code"], ip=client_ip(request))
        except (tracking.NotFound, RateLimited, accounts.Refused) as exc:
            context["refused"] = str(exc)
            status = 429 if isinstance(exc, RateLimited) else 400
            return render(request, "portal/account/claim.html", context, status=status)
        messages.success(request, f"申请 {online.tracking_number} 已加入“我的申请”。")
        return redirect("portal:account")
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/account/claim.html", context, status=status)
