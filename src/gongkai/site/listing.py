"""Search, filters and pagination for the list pages (django-filter + Django's Paginator).

Every list takes its query from the URL, so a bad value is the visitor's mistake, never a 500:
``filtered`` and ``page_of`` raise ``BadQuery`` with a Chinese message, and the ``lists``
decorator turns it into a 400 page that says what was wrong. Filter sets only ever narrow a
queryset the view has already scoped to the user.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

import django_filters
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from .query import BadQuery

PER_PAGE = 50
MAX_QUERY = 100  # characters of a search term


class SearchFilterSet(django_filters.FilterSet):
    """Base of the list filters: ``q`` searches the fields in ``search_fields`` (never personal
    data); subclasses add their own filters."""

    q = django_filters.CharFilter(label="搜索", method="search", max_length=MAX_QUERY)
    search_fields: tuple[str, ...] = ()

    def search(self, qs: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        cond = Q()
        for field in self.search_fields:
            cond |= Q(**{f"{field}__icontains": value.strip()})
        return qs.filter(cond) if value.strip() else qs


def filtered(filterset: django_filters.FilterSet) -> QuerySet[Any]:
    """The filtered queryset, or ``BadQuery`` naming each bad parameter."""
    if not filterset.is_valid():
        parts = []
        for name, errors in filterset.form.errors.items():
            label = filterset.form.fields[name].label if name in filterset.form.fields else name
            parts.append(f"{label}：{'；'.join(str(e) for e in errors)}")
        raise BadQuery("查询条件有误：" + "；".join(parts))
    return filterset.qs


def page_of(request: HttpRequest, items: Any, per_page: int = PER_PAGE) -> Page:
    """The page ``?page=`` asks for (the first without one)."""
    raw = request.GET.get("page", "1") or "1"
    try:
        return Paginator(items, per_page).page(raw)
    except PageNotAnInteger:
        raise BadQuery("页码应为正整数") from None
    except EmptyPage:
        raise BadQuery("没有这一页") from None


def link_for(name: str) -> Callable[[int | None], str]:
    """``pk → URL`` of a ``<int:pk>`` route, reversed once: a page of rows then formats strings
    instead of resolving ``{% url %}`` per row (a large share of a list page's time)."""
    head, tail = reverse(name, args=[0]).rsplit("0", 1)
    return lambda pk: f"{head}{pk}{tail}" if pk else ""


def lists(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Answer ``BadQuery`` from a list view with a 400 page in Chinese."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except BadQuery as exc:
            context = {"message": str(exc), "back": request.path}
            return render(request, "site/bad_query.html", context, status=400)

    return wrapper
