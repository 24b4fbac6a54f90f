"""Reconsideration and litigation cases of an agency, and its part 四 figures for a year."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from gongkai.accounts.permissions import (
    agencies_visible_to,
    can_edit_agency_data,
    get_visible_agency_or_404,
)
from gongkai.agencies.audit import changes_of
from gongkai.agencies.services import audited_save
from gongkai.report.formats import format_for_year
from gongkai.site.listing import filtered, lists, page_of
from gongkai.site.query import query_year

from .filters import CaseFilter
from .forms import CaseForm
from .models import Case
from .services import part_four


def _visible_case(user: Any, pk: int) -> Case:
    try:
        return Case.objects.select_related("agency").get(
            pk=pk, agency__in=agencies_visible_to(user)
        )
    except Case.DoesNotExist:
        raise Http404("No such case") from None


def _year(request: HttpRequest) -> int:
    return query_year(request, timezone.localdate().year, minimum=2019)


@login_required
@lists
def case_list(request: HttpRequest, pk: int) -> HttpResponse:
    """Part 四 of the year, and the agency's cases searched, filtered and paged."""
    agency = get_visible_agency_or_404(request.user, pk)
    found = CaseFilter(request.GET, queryset=agency.cases.order_by("-filed_on", "-pk"))
    page = page_of(request, filtered(found))
    year = _year(request)
    counts = part_four(agency, year)
    grid = format_for_year(year).remedy
    table = [(row, [counts[grid.key(row, c)] for c in grid.columns]) for row in grid.rows]
    context = {
        "agency": agency,
        "year": year,
        "filter": found,
        "page": page,
        "columns": grid.columns,
        "table": table,
        "can_edit": can_edit_agency_data(request.user, agency),
    }
    return render(request, "remedies/list.html", context)


def _save(request: HttpRequest, form: CaseForm, title: str, reason: str) -> HttpResponse:
    agency = form.instance.agency
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            audited_save(form.save(commit=False), by=request.user, reason=reason)
        messages.success(request, "已保存。")
        return redirect("remedies:list", pk=agency.pk)
    context = {"agency": agency, "form": form, "title": title}
    return render(request, "remedies/form.html", context, status=400 if form.errors else 200)


@login_required
def case_create(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_visible_agency_or_404(request.user, pk)
    if not can_edit_agency_data(request.user, agency):
        raise PermissionDenied("只有本机关的经办人、审核人可以登记案件。")
    return _save(request, CaseForm(request.POST or None, agency=agency), "登记复议诉讼案件", "登记")


@login_required
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = _visible_case(request.user, pk)
    if not can_edit_agency_data(request.user, case.agency):
        raise PermissionDenied("只有本机关的经办人、审核人可以修改案件。")
    form = CaseForm(request.POST or None, instance=case, agency=case.agency)
    return _save(request, form, f"修改案件：{case}", "修改")


@login_required
def case_history(request: HttpRequest, pk: int) -> HttpResponse:
    case = _visible_case(request.user, pk)
    context = {"agency": case.agency, "subject": case, "changes": changes_of(case)}
    return render(request, "disclosures/history.html", context)
