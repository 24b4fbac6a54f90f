"""The applicant account's forms: sign-up (Django's password validators, errors in Chinese on
their fields) and login. Claiming an application reuses forms.TrackForm (number + code)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError

from .services.accounts import email_taken

EMAIL_ERRORS = {
    "required": "请填写电子邮箱",
    "invalid": "电子邮箱格式不正确，如 name@example.com",
}


class SignupForm(forms.Form):
    email = forms.EmailField(label="电子邮箱", max_length=254, error_messages=EMAIL_ERRORS)
    password1 = forms.CharField(
        label="密码",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "请设置密码"},
        help_text="至少 8 位，不能全是数字，不能是常见密码，不能与电子邮箱相近",
    )
    password2 = forms.CharField(
        label="再次输入密码",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "请再次输入密码"},
    )

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip().lower()
        if email_taken(email):
            raise ValidationError("该电子邮箱已注册账号，请直接登录")
        return email

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", "两次输入的密码不一致")
        elif first:
            probe = get_user_model()(email=data.get("email") or "")
            try:
                password_validation.validate_password(first, probe)
            except ValidationError as exc:
                self.add_error("password1", [_chinese(e) for e in exc.error_list])
        return data


# Django 5.2's zh_Hans catalogue lacks the new wording of some validator messages: these are
# ours, by the validators' error codes; other codes keep Django's (translated) message.
VALIDATOR_MESSAGES = {
    "password_too_short": "密码太短：至少需要 %(min_length)d 个字符",
    "password_too_common": "这个密码太常见，容易被猜中，请换一个",
    "password_entirely_numeric": "密码不能全是数字",
    "password_too_similar": "密码与电子邮箱太相近，请换一个",
}


def _chinese(error: ValidationError) -> ValidationError:
    message = VALIDATOR_MESSAGES.get(error.code or "")
    if message is None:
        return error
    return ValidationError(message, code=error.code, params=error.params)


class LoginForm(forms.Form):
    email = forms.EmailField(label="电子邮箱", max_length=254, error_messages=EMAIL_ERRORS)
    password = forms.CharField(
        label="密码",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "请填写密码"},
    )
