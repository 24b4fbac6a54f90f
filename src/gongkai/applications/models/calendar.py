"""HolidayYear (年度放假安排): the State Council's yearly notice, typed in by an administrator;
RegionalRestDay (地方放假日): a region's own rest days, for the clocks of its agencies only.

Deadlines are derived on read, so entering or correcting a year moves every open deadline
that passes through it at once (foi-lessons §5).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from gongkai.agencies.models import Agency
from gongkai.law.calendar import RegionalRestDays, YearPlan

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


class RegionalRestDay(models.Model):
    """Extra rest days of an agency's region (民族自治地方的节日, 《全国年节及纪念日放假办法》第四条).

    They count as rest days for the clocks of this agency and of the agencies under it, and
    for no other agency.
    """

    agency = models.ForeignKey(
        Agency,
        verbose_name="机关",
        on_delete=models.CASCADE,
        related_name="regional_rest_days",
        help_text="本机关及其下级机关计算期限时，这些日期不计为工作日",
    )
    name = models.CharField("节日名称", max_length=100, help_text="如：三月三")
    dates = models.TextField("放假日期", help_text=DATES_HELP)
    source = models.CharField(
        "来源", max_length=300, help_text="地方人民政府的通知或条例的标题与文号"
    )
    entered_at = models.DateTimeField("录入时间", default=timezone.now)
    history = HistoricalRecords(verbose_name="地方放假日修改", verbose_name_plural="地方放假日修改")

    class Meta:
        verbose_name = "地方放假日"
        verbose_name_plural = "地方放假日"
        ordering = ("agency", "-entered_at")

    def __str__(self) -> str:
        return f"{self.agency}：{self.name}"

    def to_rest_days(self) -> RegionalRestDays:
        return RegionalRestDays(
            f"{self.agency.name}{self.name}", frozenset(parse_dates(self.dates)), self.source
        )

    def clean(self) -> None:
        if self.agency_id is None:
            return
        try:
            self.to_rest_days()
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
