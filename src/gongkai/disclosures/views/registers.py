"""Part 二 register entries and the agency's 公开目录 categories."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from gongkai.accounts.permissions import can_edit_agency_data, get_visible_agency_or_404
from gongkai.agencies.services import audited_save
from gongkai.jobs.models import Job
from gongkai.jobs.services import submit
from gongkai.site.listing import filtered, lists, page_of

from ..filters import RegisterFilter
from ..forms import CategoryForm, ImportForm, RegisterEntryForm
from ..imports import TEMPLATE_HEADER, ImportError_, check_name
from ..services import ensure_default_categories
from .common import editable_agency


def _registers(request, agency, form, import_form, *, status=200, errors=()):  # type: ignore[no-untyped-def]
    entries = agency.register_entries.order_by("-period_end", "subject", "-pk")
    found = RegisterFilter(request.GET, queryset=entries)
    context = {
        "agency": agency,
        "filter": found,
        "page": page_of(request, filtered(found)),
        "form": form,
        "import_form": import_form,
        "import_errors": errors,
        "template_header": "，".join(TEMPLATE_HEADER),
        "can_edit": can_edit_agency_data(request.user, agency),
    }
    return render(request, "disclosures/registers.html", context, status=status)


@login_required
@lists
def registers(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method != "POST":
        agency = get_visible_agency_or_404(request.user, pk)
        return _registers(request, agency, RegisterEntryForm(agency=agency), ImportForm())
    agency = editable_agency(request.user, pk)
    form = RegisterEntryForm(request.POST, agency=agency)
    if not form.is_valid():
        return _registers(request, agency, form, ImportForm(), status=400)
    with transaction.atomic():
        audited_save(form.save(commit=False), by=request.user, reason="登记")
    messages.success(request, "已登记。")
    return redirect("disclosures:registers", pk=agency.pk)


@login_required
@require_POST
def register_import(request: HttpRequest, pk: int) -> HttpResponse:
    agency = editable_agency(request.user, pk)
    form = ImportForm(request.POST, request.FILES)
    blank = RegisterEntryForm(agency=agency)
    if not form.is_valid():
        return _registers(request, agency, blank, form, status=400)
    upload = form.cleaned_data["file"]
    try:
        check_name(upload.name)
    except ImportError_ as exc:
        return _registers(request, agency, blank, form, status=400, errors=exc.errors)
    job = submit(
        Job.Kind.REGISTER_IMPORT,
        agency=agency,
        by=request.user,
        input_name=upload.name,
        input_data=upload.read(),
    )  # read, checked and saved by the background worker (gongkai.disclosures.background)
    return redirect("jobs:detail", pk=job.pk)


@login_required
def categories(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method != "POST":
        agency = get_visible_agency_or_404(request.user, pk)
        form = CategoryForm(agency=agency)
        status = 200
    else:
        agency = editable_agency(request.user, pk)
        ensure_default_categories(agency)
        form = CategoryForm(request.POST, agency=agency)
        if form.is_valid():
            audited_save(form.save(commit=False), by=request.user, reason="新增目录类别")
            messages.success(request, "已新增目录类别。")
            return redirect("disclosures:categories", pk=agency.pk)
        status = 400
    context = {
        "agency": agency,
        "categories": agency.disclosure_categories.all(),
        "form": form,
        "can_edit": can_edit_agency_data(request.user, agency),
    }
    return render(request, "disclosures/categories.html", context, status=status)
