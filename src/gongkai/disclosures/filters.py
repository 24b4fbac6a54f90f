"""Search and filters of an agency's proactive disclosure items (see gongkai.site.listing)."""

from __future__ import annotations

from typing import Any

import django_filters

from gongkai.site.listing import SearchFilterSet

from .models import Item, RegisterEntry, Status, Subject, TwentiethArticle


class ItemFilter(SearchFilterSet):
    search_fields = ("title", "doc_number")
    status = django_filters.ChoiceFilter(label="状态", choices=Status.choices, empty_label="全部")
    category = django_filters.ModelChoiceFilter(label="目录类别", queryset=None, empty_label="全部")
    article_item = django_filters.ChoiceFilter(
        label="第二十条事项", choices=TwentiethArticle.choices, empty_label="全部"
    )
    year = django_filters.NumberFilter(
        label="形成年度", field_name="formed_on", lookup_expr="year", min_value=1990, max_value=2100
    )
    formed_from = django_filters.DateFilter(
        label="形成日期自", field_name="formed_on", lookup_expr="gte"
    )
    formed_to = django_filters.DateFilter(label="至", field_name="formed_on", lookup_expr="lte")

    class Meta:
        model = Item
        fields: list[str] = []

    def __init__(self, *args: Any, agency: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["category"].queryset = agency.disclosure_categories.all()


class RegisterFilter(SearchFilterSet):
    """Part 二 register entries: by 事项, year and period."""

    search_fields = ("note",)
    subject = django_filters.ChoiceFilter(label="事项", choices=Subject.choices, empty_label="全部")
    year = django_filters.NumberFilter(
        label="年度", field_name="period_end", lookup_expr="year", min_value=1990, max_value=2100
    )
    period_from = django_filters.DateFilter(
        label="期间自", field_name="period_end", lookup_expr="gte"
    )
    period_to = django_filters.DateFilter(label="至", field_name="period_start", lookup_expr="lte")

    class Meta:
        model = RegisterEntry
        fields: list[str] = []
