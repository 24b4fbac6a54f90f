"""Proactive disclosure: catalogue defaults, the 第二十六条 deadline, statistics; part 二 figures."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet

from gongkai.agencies.models import Agency
from gongkai.applications.services.clocks import (
    work_calendar,  # holiday years an administrator entered
)
from gongkai.law.calendar import Deadline, WorkCalendar

from .models import Category, Channel, Item, Status
from .part_two import part_two

__all__ = [
    "DEFAULT_CATEGORIES",
    "PUBLICATION_WORKING_DAYS",
    "Stats",
    "ensure_default_categories",
    "overdue_cutoff",
    "overdue_items",
    "part_two",
    "publication_deadline",
    "published_between",
    "statistics",
]

# The 公开目录 headings the seed reports use (002: 机构职能类、规划计划类 …; 001: 政策文件).
DEFAULT_CATEGORIES = (
    "机构职能",
    "政策文件/规范性文件",
    "规划计划",
    "财政预决算",
    "民政扶贫救灾社会保障就业",
    "国土资源城乡建设环保能源",
    "科教文体卫生",
    "安全生产应急管理",
    "人事信息",
    "其他",
)

# 条例第二十六条: 自该政府信息形成或者变更之日起 20 个工作日内予以公开.
PUBLICATION_WORKING_DAYS = 20


@transaction.atomic
def ensure_default_categories(agency: Agency) -> list[Category]:
    """Give ``agency`` the default catalogue headings it lacks; existing ones are kept."""
    have = set(agency.disclosure_categories.values_list("name", flat=True))
    for order, name in enumerate(DEFAULT_CATEGORIES, start=1):
        if name not in have:
            Category.objects.create(agency=agency, name=name, order=order * 10)
    return list(agency.disclosure_categories.all())


def publication_deadline(item: Item, calendar: WorkCalendar | None = None) -> Deadline:
    """The last day to publish under 第二十六条 (provisional when a year's plan is unknown)."""
    return (calendar or work_calendar()).add_working_days(item.formed_on, PUBLICATION_WORKING_DAYS)


def overdue_cutoff(today: dt.date, calendar: WorkCalendar | None = None) -> dt.date:
    """The latest 形成日期 whose 第二十六条 deadline is past on ``today``: an unpublished item
    formed on or before it is overdue, one formed later is not. (A later formed date never has
    an earlier deadline, so one date answers for every item — no deadline per item.)"""
    calendar = calendar or work_calendar()
    day = today - dt.timedelta(days=PUBLICATION_WORKING_DAYS)  # its deadline is today or later
    while calendar.add_working_days(day, PUBLICATION_WORKING_DAYS).date >= today:
        day -= dt.timedelta(days=1)
    return day


def overdue_items(
    items: QuerySet[Item], today: dt.date, calendar: WorkCalendar | None = None
) -> list[tuple[Item, Deadline]]:
    """Unpublished items past their deadline, and published ones that were published late."""
    calendar = calendar or work_calendar()
    found = []
    for item in items.select_related("category"):
        deadline = publication_deadline(item, calendar)
        done = item.published_on if item.status == Status.PUBLISHED else None
        if (done or today) > deadline.date:
            found.append((item, deadline))
    return found


def published_between(items: QuerySet[Item], first: dt.date, last: dt.date) -> QuerySet[Item]:
    return items.filter(
        status=Status.PUBLISHED, published_on__gte=first, published_on__lte=last
    ).order_by("published_on", "pk")


@dataclass(frozen=True)
class Stats:
    """季报: items published in a date range, by 目录类别 and by 公开渠道."""

    first: dt.date
    last: dt.date
    total: int
    by_category: list[tuple[str, int]]
    by_channel: list[tuple[str, int]]
    late: int


def statistics(agency: Agency, first: dt.date, last: dt.date) -> Stats:
    items = list(published_between(agency.disclosure_items.all(), first, last))
    per_category = Counter(i.category_id for i in items)
    categories = agency.disclosure_categories.all()
    by_category = [(c.name, per_category[c.pk]) for c in categories]
    per_channel = Counter(c for i in items for c in i.channels)
    by_channel = [(label, per_channel[value]) for value, label in Channel.choices]
    calendar = work_calendar()
    late = sum(1 for i in items if i.published_on > publication_deadline(i, calendar).date)
    return Stats(first, last, len(items), by_category, by_channel, late)
