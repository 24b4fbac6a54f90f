"""Search and filters of the applications register (全部申请): open and closed, by year, outcome,
channel and the date received. Search reads the tracking number and the request's content,
never the applicant's personal data (the page shows it masked)."""

from __future__ import annotations

import re
from typing import Any

import django_filters
from django.db.models import QuerySet

from gongkai.site.listing import SearchFilterSet

from .models import Application, Channel
from .models.decision import outcome_choices

STATES = (("open", "未办结"), ("closed", "已办结"))
_NUMBER = re.compile(r"(\d{4})\D+(\d+)")


class ApplicationFilter(SearchFilterSet):
    state = django_filters.ChoiceFilter(
        label="办理状态", choices=STATES, empty_label="全部", method="by_state"
    )
    year = django_filters.NumberFilter(label="登记年度", min_value=1990, max_value=2100)
    outcome = django_filters.ChoiceFilter(
        label="办理结果",
        field_name="decision__outcome",
        choices=outcome_choices,
        empty_label="全部",
    )
    channel = django_filters.ChoiceFilter(label="渠道", choices=Channel.choices, empty_label="全部")
    received_from = django_filters.DateFilter(
        label="收到日期自", field_name="received", lookup_expr="gte"
    )
    received_to = django_filters.DateFilter(label="至", field_name="received", lookup_expr="lte")

    class Meta:
        model = Application
        fields: list[str] = []

    def search(self, qs: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        """依申请〔2026〕第7号 or "2026-7" finds that number; other text the request content."""
        text = value.strip()
        if not text:
            return qs
        m = _NUMBER.search(text)
        if m:  # a number is looked up by its number (indexed), not in 100,000 request texts
            return qs.filter(year=int(m.group(1)), serial=int(m.group(2)[:9]))
        return qs.filter(request__icontains=text)

    def by_state(self, qs: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        """Closed: a closing event (答复, 撤回, 视为放弃, 逾期未缴费) recorded — read from the
        stored, indexed closing date (services.closing), not a join over every event."""
        if value in ("open", "closed"):
            return qs.filter(closed_on__isnull=value == "open")
        return qs
