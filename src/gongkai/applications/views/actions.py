from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ..forms import DecideForm, EventForm, FeeForm
from ..models import EventKind
from ..services.fees import add_fee
from ..services.workflow import decide, record_event
from .common import first_error, handled_application
from .detail import detail_context


def _invalid(request: HttpRequest, application: object, **forms: object) -> HttpResponse:
    ctx = detail_context(request, application, **forms)  # type: ignore[arg-type]
    return render(request, "applications/detail.html", ctx, status=400)


def _attach(form: object, exc: ValidationError) -> None:
    for field, msgs in first_error(exc).items():
        target = field if field in form.fields else None  # type: ignore[attr-defined]
        for msg in msgs:
            form.add_error(target, msg)  # type: ignore[attr-defined]


@login_required
@require_POST
def event_view(request: HttpRequest, pk: int) -> HttpResponse:
    """One transition of the table (lifecycle.TRANSITIONS), recorded as an event."""
    application = handled_application(request, pk)
    form = EventForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        kind = EventKind(d["kind"])
        data = form.event_data()
        try:
            record_event(application, kind, d["on"], by=request.user, reason=d["reason"], data=data)
        except ValidationError as exc:
            _attach(form, exc)
        else:
            messages.success(request, f"已登记：{kind.label}")
            return redirect("applications:detail", pk=application.pk)
    return _invalid(request, application, event_form=form)


@login_required
def decide_view(request: HttpRequest, pk: int) -> HttpResponse:
    application = handled_application(request, pk)
    if request.method != "POST":
        return redirect("applications:detail", pk=application.pk)
    form = DecideForm(request.POST, request.FILES)
    if form.is_valid():
        d = form.cleaned_data
        try:
            decide(
                application, d["outcome"], d["on"], d["reasons"], by=request.user, reply=d["reply"]
            )
        except ValidationError as exc:
            _attach(form, exc)
        else:
            messages.success(request, "已作出答复，可下载答复告知书")
            return redirect("applications:detail", pk=application.pk)
    return _invalid(request, application, decide_form=form)


@login_required
@require_POST
def fee_view(request: HttpRequest, pk: int) -> HttpResponse:
    application = handled_application(request, pk)
    form = FeeForm(request.POST)
    if form.is_valid():
        record = form.save(commit=False)
        record.application = application
        add_fee(record)
        messages.success(request, f"已登记信息处理费 {record.amount} 元")
        return redirect("applications:detail", pk=application.pk)
    return _invalid(request, application, fee_form=form)
