"""Search and filters of an agency's reconsideration and litigation cases."""

from __future__ import annotations

import django_filters

from gongkai.site.listing import SearchFilterSet

from .models import Case, Kind, Result


class CaseFilter(SearchFilterSet):
    search_fields = ("number", "application_ref")
    kind = django_filters.ChoiceFilter(label="类别", choices=Kind.choices, empty_label="全部")
    result = django_filters.ChoiceFilter(label="结果", choices=Result.choices, empty_label="全部")
    filed_from = django_filters.DateFilter(
        label="立案日期自", field_name="filed_on", lookup_expr="gte"
    )
    filed_to = django_filters.DateFilter(label="至", field_name="filed_on", lookup_expr="lte")

    class Meta:
        model = Case
        fields: list[str] = []
