"""Corrections in place (更正): one cell or one narrative part, audited, checks re-run at once."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ..access import get_editable_report
from ..forms import CellCorrectionForm, SectionCorrectionForm
from ..services import CorrectionRefused, correct_cell, correct_section
from .detail import detail_context


def _after(obj_pk: int, anchor: str) -> HttpResponse:
    return redirect(reverse("reports:detail", args=[obj_pk]) + anchor)


@login_required
@require_POST
def correct_cell_view(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_editable_report(request.user, pk)
    form = CellCorrectionForm(request.POST, fmt=obj.format)
    if form.is_valid():
        d = form.cleaned_data
        try:
            c = correct_cell(obj, d["key"], d["value"], by=request.user, reason=d["reason"])
        except CorrectionRefused as exc:
            form.add_error("value", str(exc))
        else:
            messages.success(
                request, f"已更正：{c.old or '（空）'} → {c.new or '（空）'}，核验已重新运行。"
            )
            return _after(obj.pk, "#findings")
    context = detail_context(request, obj, cell_form=form)
    return render(request, "reports/detail.html", context, status=400)


@login_required
@require_POST
def correct_section_view(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_editable_report(request.user, pk)
    form = SectionCorrectionForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            correct_section(obj, d["key"], d["text"], by=request.user, reason=d["reason"])
        except CorrectionRefused as exc:
            form.add_error("key", str(exc))
        else:
            messages.success(request, "正文已更正，核验已重新运行。")
            return _after(obj.pk, "#findings")
    context = detail_context(request, obj, section_form=form)
    return render(request, "reports/detail.html", context, status=400)
