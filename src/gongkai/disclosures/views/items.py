"""Proactive disclosure items: the agency's list, drafting, the review chain, the audit trail."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.accounts.permissions import (
    agencies_visible_to,
    can_edit_agency_data,
    get_visible_agency_or_404,
)
from gongkai.agencies.audit import changes_of
from gongkai.agencies.services import audited_save
from gongkai.applications.services.clocks import work_calendar
from gongkai.site.listing import filtered, link_for, lists, page_of

from ..filters import ItemFilter
from ..forms import ItemForm, StepForm
from ..models import Status
from ..services import ensure_default_categories, overdue_cutoff, publication_deadline
from ..workflow import EDITABLE, ReviewError, allowed_steps, take_step
from .common import editable_agency, visible_item

OVERDUE_SHOWN = 20  # the longest overdue; the rest are counted


@login_required
@lists
def item_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The agency's items, searched, filtered and paged; deadlines only for the rows shown."""
    agency = get_visible_agency_or_404(request.user, pk)
    items = agency.disclosure_items.select_related("category").defer("body")
    found = ItemFilter(request.GET, queryset=items.order_by("-formed_on", "-pk"), agency=agency)
    page = page_of(request, filtered(found))
    today = timezone.localdate()
    calendar = work_calendar()
    url = link_for("disclosures:detail")
    page.object_list = [
        (item, publication_deadline(item, calendar), url(item.pk)) for item in page.object_list
    ]
    late = items.exclude(status=Status.PUBLISHED).filter(
        formed_on__lte=overdue_cutoff(today, calendar)
    )
    context = {
        "agency": agency,
        "filter": found,
        "page": page,
        "overdue_count": late.count(),
        "overdue": [
            (item, publication_deadline(item, calendar), url(item.pk))
            for item in late.order_by("formed_on", "pk")[:OVERDUE_SHOWN]
        ],
        "today": today,
        "can_edit": can_edit_agency_data(request.user, agency),
    }
    return render(request, "disclosures/item_list.html", context)


@login_required
def item_create(request: HttpRequest, pk: int) -> HttpResponse:
    agency = editable_agency(request.user, pk)
    ensure_default_categories(agency)
    form = ItemForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.agency, item.created_by = agency, request.user
        with transaction.atomic():
            audited_save(item, by=request.user, reason="起草")
        messages.success(request, "已保存草稿。")
        return redirect("disclosures:detail", pk=item.pk)
    status = 400 if form.errors else 200
    context = {"agency": agency, "form": form, "title": "起草主动公开信息"}
    return render(request, "disclosures/form.html", context, status=status)


@login_required
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = visible_item(request.user, pk)
    if not can_edit_agency_data(request.user, item.agency) or item.status not in EDITABLE:
        raise PermissionDenied("只有草稿可以修改，且只能由本机关的经办人、审核人修改。")
    form = ItemForm(request.POST or None, instance=item, agency=item.agency)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            audited_save(form.save(commit=False), by=request.user, reason="修改草稿")
        messages.success(request, "已保存。")
        return redirect("disclosures:detail", pk=item.pk)
    status = 400 if form.errors else 200
    context = {"agency": item.agency, "form": form, "title": f"修改：{item.title}"}
    return render(request, "disclosures/form.html", context, status=status)


@login_required
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = visible_item(request.user, pk)
    return _detail(request, item, StepForm(), status=200)


def _detail(request: HttpRequest, item, form: StepForm, *, status: int) -> HttpResponse:  # type: ignore[no-untyped-def]
    context = {
        "item": item,
        "agency": item.agency,
        "deadline": publication_deadline(item),
        "steps": item.steps.select_related("actor"),
        "allowed": allowed_steps(request.user, item),
        "form": form,
        "can_edit": can_edit_agency_data(request.user, item.agency) and item.status in EDITABLE,
    }
    return render(request, "disclosures/item_detail.html", context, status=status)


@login_required
@require_POST
def item_step(request: HttpRequest, pk: int) -> HttpResponse:
    """Take one step of the review chain; the table in workflow.py decides who may."""
    item = visible_item(request.user, pk)
    if not allowed_steps(request.user, item) and not can_edit_agency_data(
        request.user, item.agency
    ):
        raise PermissionDenied("您不能办理本信息的审查。")
    form = StepForm(request.POST)
    if not form.is_valid():
        return _detail(request, item, form, status=400)
    try:
        take_step(
            item,
            form.cleaned_data["step"],
            by=request.user,
            opinion=form.cleaned_data["opinion"],
            published_on=form.cleaned_data["published_on"],
        )
    except ReviewError as exc:
        form.add_error(None, str(exc))
        return _detail(request, item, form, status=400)
    messages.success(request, "已办理。")
    return redirect("disclosures:detail", pk=item.pk)


@login_required
def item_history(request: HttpRequest, pk: int) -> HttpResponse:
    item = visible_item(request.user, pk)
    context = {"agency": item.agency, "subject": item, "changes": changes_of(item)}
    return render(request, "disclosures/history.html", context)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    agencies = agencies_visible_to(request.user).order_by("path")
    return render(request, "disclosures/index.html", {"agencies": agencies})
