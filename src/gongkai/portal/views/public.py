"""The public pages (no login): the index of agencies, each agency's 公开指南, 公开目录 and
published annual reports, an item's permanent page, and every agency's published reports."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from gongkai.agencies.models import Agency
from gongkai.agencies.tree import indented
from gongkai.disclosures.models import Item
from gongkai.report.formats import format_for_year
from gongkai.site.query import query_text
from gongkai.workspace.models import Workspace
from gongkai.workspace.versions import with_published_version

from ..forms import CatalogueForm
from ..models import Guide
from ..services import catalogue
from .common import agency_or_404, public_page

PAGE_SIZE = 20


@public_page
def index(request: HttpRequest) -> HttpResponse:
    """Every agency, as the supervision tree (regions and their organs); ?q= narrows by name."""
    q = query_text(request, "q", max_length=50)
    agencies = Agency.objects.only("pk", "name", "path", "kind")
    if q:
        agencies = agencies.filter(Q(name__icontains=q))
    # 1,000 links: one reverse() for the prefix instead of one {% url %} per row
    context = {"rows": indented(agencies), "q": q, "prefix": reverse("portal:index")}
    return render(request, "portal/index.html", context)


@public_page
def agency_page(request: HttpRequest, pk: int) -> HttpResponse:
    agency = agency_or_404(pk)
    guide = Guide.objects.filter(agency=agency).first()
    context = {
        "agency": agency,
        "guide": guide,
        "ancestors": agency.ancestors(),
        "latest": catalogue.published(agency).order_by("-published_on", "-pk")[:5],
        "section": "guide",
    }
    return render(request, "portal/agency.html", context)


@public_page
def catalogue_page(request: HttpRequest, pk: int) -> HttpResponse:
    agency = agency_or_404(pk)
    categories = list(catalogue.categories(agency))
    form = CatalogueForm(request.GET or None, categories=categories)
    query = catalogue.Query()
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        query = catalogue.Query(d["q"].strip(), d["category"], d["since"], d["until"])
    page = catalogue.page_of(catalogue.search(agency, query), request.GET.get("page"), PAGE_SIZE)
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "agency": agency,
        "form": form,
        "page": page,
        "query": query,
        "params": params.urlencode(),
        "section": "catalogue",
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "portal/catalogue.html", context, status=status)


@public_page
def item_page(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        item = catalogue.published().select_related("agency", "category").get(pk=pk)
    except Item.DoesNotExist:
        raise Http404("没有这条公开信息") from None
    context = {"agency": item.agency, "item": item, "section": "catalogue"}
    return render(request, "portal/item.html", context)


def _published_reports() -> QuerySet[Workspace]:
    """Every report with a published version, also while its next 更正 is being prepared."""
    return with_published_version(Workspace.objects.select_related("agency"))


@public_page
def agency_reports(request: HttpRequest, pk: int) -> HttpResponse:
    agency = agency_or_404(pk)
    reports = _published_reports().filter(agency=agency).order_by("-year")
    context = {"agency": agency, "reports": reports, "section": "reports"}
    return render(request, "portal/agency_reports.html", context)


@public_page
def all_reports(request: HttpRequest) -> HttpResponse:
    """Every agency's published annual reports, by year, with the layout (2019 or 2021 版)."""
    reports = _published_reports().order_by("-year", "agency__path")
    years: dict[int, list[Workspace]] = {}
    for ws in reports:
        years.setdefault(ws.year, []).append(ws)
    rows = [(year, format_for_year(year).version, items) for year, items in years.items()]
    return render(request, "portal/reports.html", {"years": rows})
