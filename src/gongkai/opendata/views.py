"""Public pages (no login): the regions, and per region the charts of its published reports
with links to the same numbers as CSV, XLSX, Parquet and JSON."""

from __future__ import annotations

from dataclasses import asdict

from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from gongkai.agencies.models import Agency
from gongkai.agencies.tree import indented

from . import published
from .bulk import WRITERS
from .charts import region_figures

FILE_KINDS = tuple(WRITERS)  # csv, xlsx, parquet


def index(request: HttpRequest) -> HttpResponse:
    """Every agency with agencies under it (a region), as a tree, and the years published."""
    below = Agency.objects.filter(parent=OuterRef("pk"))
    regions = Agency.objects.filter(Exists(below)).order_by("path")
    years = sorted(set(published.current().values_list("workspace__year", flat=True)))
    context = {"rows": indented(regions), "years": years, "kinds": FILE_KINDS}
    return render(request, "opendata/index.html", context)


def region(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=pk)
    figures = region_figures(agency)
    context = {
        "region": agency,
        "ancestors": agency.ancestors(),
        "figures": figures,
        "chart": [asdict(f) for f in figures],
        "kinds": FILE_KINDS,
    }
    return render(request, "opendata/region.html", context)
