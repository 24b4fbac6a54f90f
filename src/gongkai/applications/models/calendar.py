"""HolidayYear (年度放假安排): the State Council's yearly notice, typed in by an administrator.

Deadlines are derived on read, so entering or correcting a year moves every open deadline
that passes through it at once (foi-lessons §5).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from gongkai.law.calendar import YearPlan

DATES_HELP = "每行一个日期（2027-01-01）或一个区间（2027-02-10~2027-02-17），含两端。"


class HolidayYear(models.Model):
    year = models.PositiveIntegerField("年度")
    holidays = models.TextField("放假日期", help_text=DATES_HELP)
    working_weekends = models.TextField("调休上班日", blank=True, help_text=DATES_HELP)
    source = models.CharField("来源", max_length=300, help_text="国务院办公厅通知的标题与文号")
    entered_at = models.DateTimeField("录入时间", default=timezone.now)
    history = HistoricalRecords(verbose_name="放假安排修改", verbose_name_plural="放假安排修改")

    class Meta:
        verbose_name = "年度放假安排"
        verbose_name_plural = "年度放假安排"
        ordering = ("-year", "-entered_at")

    def __str__(self) -> str:
        return f"{self.year}年放假安排"

    def to_plan(self) -> YearPlan:
        return YearPlan(
            self.year,
            frozenset(parse_dates(self.holidays)),
            frozenset(parse_dates(self.working_weekends)),
            self.source,
            self.entered_at,
        )

    def clean(self) -> None:
        try:
            self.to_plan()
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


def parse_dates(text: str) -> list[dt.date]:
    out: list[dt.date] = []
    for raw in text.replace("～", "~").splitlines():
        line = raw.strip()
        if not line:
            continue
        first, _, last = line.partition("~")
        try:
            a = dt.date.fromisoformat(first.strip())
            b = dt.date.fromisoformat(last.strip()) if last else a
        except ValueError:
            raise ValueError(
                f"无法识别的日期：{line}（应为 2027-01-01 或 2027-02-10~2027-02-17）"
            ) from None
        while a <= b:
            out.append(a)
            a += dt.timedelta(days=1)
    return out
