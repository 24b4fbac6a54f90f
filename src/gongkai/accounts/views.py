"""Password change and reset (Django's views, our templates) and TOTP enrolment/verification."""

from __future__ import annotations

from axes.helpers import get_cool_off
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from . import otp

LOCKED_OUT = 429  # Too Many Requests


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change_form.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def get_context_data(self, **kwargs: object) -> dict:
        return {
            **super().get_context_data(**kwargs),
            "may_use_totp": otp.may_use_totp(self.request.user),
        }


password_change = PasswordChangeView.as_view()
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="accounts/password_change_done.html"
)
password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset_form.html",
    email_template_name="accounts/email/password_reset.txt",
    subject_template_name="accounts/email/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


@login_required
@require_http_methods(["GET", "POST"])
def otp_setup(request: HttpRequest) -> HttpResponse:
    """Turn the second factor on (scan, then confirm with a first token) or off (with a token)."""
    if not otp.may_use_totp(request.user):
        raise PermissionDenied("动态口令仅供主管部门和系统管理员启用")
    device = otp.confirmed_device(request.user)
    error = ""
    if device is not None:
        if request.method == "POST":
            if otp.check_token(request, device, request.POST.get("token", "")):
                device.delete()
                messages.success(request, "已停用动态口令。")
                return redirect("accounts:otp_setup")
            error = "动态口令不正确或已过期，请重新输入。"
        return render(request, "accounts/otp_setup.html", {"enabled": True, "error": error})
    pending = otp.pending_device(request.user)
    if request.method == "POST":
        if otp.check_token(request, pending, request.POST.get("token", "")):
            pending.confirmed = True
            pending.save(update_fields=["confirmed"])
            messages.success(request, "已启用动态口令：此后每次登录都需输入。")
            return redirect("accounts:otp_setup")
        error = "动态口令不正确或已过期，请重新输入。"
    context = {
        "enabled": False,
        "error": error,
        "qr": otp.qr_svg(pending),
        "secret": otp.secret_base32(pending),
    }
    return render(request, "accounts/otp_setup.html", context, status=400 if error else 200)


@login_required
@require_http_methods(["GET", "POST"])
def otp_verify(request: HttpRequest) -> HttpResponse:
    """The second step of logging in, for a user who has a confirmed device."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = ""
    device = otp.confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(target or "home")
    error = ""
    if request.method == "POST":
        if otp.check_token(request, device, request.POST.get("token", "")):
            return redirect(target or "home")
        error = "动态口令不正确或已过期，请重新输入。"
    context = {"error": error, "next": target}
    return render(request, "accounts/otp_verify.html", context, status=400 if error else 200)


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """django-axes' answer to a locked-out login, on either login page (AXES_LOCKOUT_CALLABLE)."""
    minutes = round(get_cool_off(request).total_seconds() / 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=LOCKED_OUT)
