"""sitemap.xml of the public pages: the portal's own, each agency's three, every published item."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control

from gongkai.agencies.models import Agency

from .services import catalogue


class StaticPages(Sitemap):
    def items(self) -> list[str]:
        return ["portal:index", "portal:reports", "portal:track"]

    def location(self, item: str) -> str:
        return reverse(item)


class AgencyPages(Sitemap):
    def items(self) -> list[tuple[int, str]]:
        pks = Agency.objects.order_by("path").values_list("pk", flat=True)
        return [(pk, name) for pk in pks for name in ("agency", "catalogue", "agency_reports")]

    def location(self, item: tuple[int, str]) -> str:
        pk, name = item
        return reverse(f"portal:{name}", kwargs={"pk": pk})


class ItemPages(Sitemap):
    limit = 10_000

    def items(self) -> Any:
        return catalogue.published().only("pk", "published_on").order_by("pk")

    def location(self, item: Any) -> str:
        return reverse("portal:item", kwargs={"pk": item.pk})

    def lastmod(self, item: Any) -> Any:
        return item.published_on


SECTIONS = {"pages": StaticPages, "agencies": AgencyPages, "items": ItemPages}


def index(request: HttpRequest) -> HttpResponse:
    """The sitemap index: one sitemap per section, the items' in pages of ``ItemPages.limit``."""
    urls = []
    for name, section in SECTIONS.items():
        location = request.build_absolute_uri(reverse(f"portal:sitemap_{name}"))
        pages = section().paginator.num_pages
        urls += [location] + [f"{location}?p={p}" for p in range(2, pages + 1)]
    return render(
        request, "portal/sitemap_index.xml", {"urls": urls}, content_type="application/xml"
    )


def section_view(name: str) -> Any:
    # Cacheable by proxies and crawlers for an hour; nothing is kept in the server's cache.
    return cache_control(public=True, max_age=3600)(
        partial(sitemap, sitemaps={name: SECTIONS[name]}, template_name="portal/sitemap.xml")
    )
