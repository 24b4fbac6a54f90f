"""The report library's search and filters (django-filter; see gongkai.site.listing)."""

from __future__ import annotations

import django_filters

from gongkai.site.listing import SearchFilterSet

from .models import AnnualReport, Status


class ReportFilter(SearchFilterSet):
    search_fields = ("agency__name", "agency__code")
    year = django_filters.NumberFilter(label="年度", min_value=1990, max_value=2100)
    status = django_filters.ChoiceFilter(label="状态", choices=Status.choices, empty_label="全部")
    published = django_filters.BooleanFilter(
        label="工作台公开发布", field_name="published_version", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = AnnualReport
        fields: list[str] = []
