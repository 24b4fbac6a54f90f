"""The working-day calendar (工作日) with 调休, built from layered, versioned yearly data.

Every statutory period of the 条例 (第二十六、三十、三十二、三十三、三十四条) is counted in
工作日. A working day is a Monday–Friday that is not a public holiday, **plus** each weekend
day that the State Council's yearly notice (国务院办公厅关于YYYY年部分节假日安排的通知) turns into
a working day (调休上班). The calendar for a year is taken from, in order of precedence:

1. an administrator-entered :class:`YearPlan` for that year — the latest ``entered_at`` wins,
   so a mid-year change (e.g. the 2020 Spring Festival extension) is entered as a new plan and
   also overrides the package;
2. the ``chinese_calendar`` package, for the years it covers (2004–2026 in 1.11; it raises
   ``NotImplementedError`` beyond, which never leaves this module);
3. otherwise a **provisional** rule: Monday–Friday, minus the fixed statutory dates of
   《全国年节及纪念日放假办法》 (2025 revision: 元旦 1/1, 劳动节 5/1–5/2, 国庆节 10/1–10/3) and
   the lunar-calendar holidays (春节 incl. 除夕, 清明, 端午, 中秋) as ``holidays.China`` gives
   them without its estimated in-lieu days. 调休 and 补休 are unknown until the notice appears,
   so every deadline that touches such a year is marked ``provisional``.

On top of the national calendar an agency's region may have extra rest days
(:class:`RegionalRestDays`: 民族自治地方的节日, 《全国年节及纪念日放假办法》第四条, set by the local
government); a calendar built with them counts those days as rest days, and only the clocks of
the agencies of that region are built with them.

A notice for year Y sometimes moves days at the end of December of Y−1 (the 2019 notice made
2018-12-29 a working Saturday and 2018-12-31 a holiday); those dates in a plan override the
previous year day by day.

Counting convention: the 条例 says "自收到申请之日起 X 个工作日内" without saying whether the day
of receipt counts. General Chinese period rules start on the **next** day (期间开始之日不计入), and
so does practice; :attr:`Counting.NEXT_DAY` is the default and
:attr:`Counting.SAME_DAY` is available for an agency whose local rule counts the receipt day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import metadata

_ONE_DAY = dt.timedelta(days=1)


class Counting(StrEnum):
    """Whether the day a period starts on (收到之日) is itself counted."""

    NEXT_DAY = "next_day"  # 自次日起算: the receipt day is excluded (default)
    SAME_DAY = "same_day"  # the receipt day counts as day 1 when it is a working day


class Source(StrEnum):
    """Where a year's calendar comes from."""

    PLAN = "plan"  # administrator-entered YearPlan (the State Council notice, typed in)
    PACKAGE = "package"  # chinese_calendar
    PROVISIONAL = "provisional"  # weekends + fixed statutory dates only


# ---------------------------------------------------------------- the data types


@dataclass(frozen=True)
class YearPlan:
    """One year's holiday plan as published by the State Council (部分节假日安排的通知).

    ``holidays`` are all rest days of the plan (weekend days inside a holiday range may be
    listed or not, it makes no difference); ``working_weekends`` are the Saturdays/Sundays
    declared working days (调休上班). Dates may lie in the plan's year or in December of the
    previous year (元旦 ranges that start on 12-30/31).
    """

    year: int
    holidays: frozenset[dt.date]
    working_weekends: frozenset[dt.date]
    source: str  # the notice title/number/text the administrator copied
    entered_at: dt.datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "holidays", frozenset(self.holidays))
        object.__setattr__(self, "working_weekends", frozenset(self.working_weekends))
        first = dt.date(self.year - 1, 12, 1)
        last = dt.date(self.year, 12, 31)
        for d in self.holidays | self.working_weekends:
            if not first <= d <= last:
                raise ValueError(f"{self.year}年放假安排中的日期 {d} 不在 {first} 至 {last} 之间")
        for d in self.working_weekends:
            if d.weekday() < 5:
                raise ValueError(f"调休上班日 {d} 不是星期六或星期日")
        both = self.holidays & self.working_weekends
        if both:
            raise ValueError(f"日期同时列为放假和上班：{', '.join(map(str, sorted(both)))}")
        if not self.source.strip():
            raise ValueError("放假安排须注明来源（国务院办公厅通知）")

    @classmethod
    def from_ranges(
        cls,
        year: int,
        holidays: Iterable[tuple[dt.date, dt.date]],
        working_weekends: Iterable[dt.date],
        source: str,
        entered_at: dt.datetime,
    ) -> YearPlan:
        """Build a plan the way the notice reads: holiday ranges (both ends included)."""
        days = frozenset(d for a, b in holidays for d in _days(a, b))
        return cls(year, days, frozenset(working_weekends), source, entered_at)


@dataclass(frozen=True)
class RegionalRestDays:
    """Extra rest days of one region, e.g. 三月三 in 广西 (放假办法第四条: 民族自治地方的节日).

    National packages do not know them; an administrator enters them from the local
    government's notice, for the agencies of that region.
    """

    region: str
    days: frozenset[dt.date]
    source: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "days", frozenset(self.days))
        if not self.days:
            raise ValueError(f"{self.region}的地方放假日期不能为空")
        if not self.source.strip():
            raise ValueError("地方放假日期须注明来源（地方人民政府的通知或条例）")


@dataclass(frozen=True)
class Deadline:
    """A due date, whether it is provisional, and why it is that date.

    ``provisional`` is true when any year the count passed through has no confirmed holiday
    plan; the date must then be recomputed once the plan is entered (:attr:`note`).
    """

    date: dt.date
    provisional: bool
    basis: str
    provisional_years: tuple[int, ...] = ()

    @property
    def note(self) -> str:
        """The warning for the UI, e.g. "（暂定，待国务院公布 2027 年放假安排后重算）"."""
        if not self.provisional:
            return ""
        years = "、".join(str(y) for y in self.provisional_years)
        return f"（暂定，待国务院公布 {years} 年放假安排后重算）" if years else "（暂定）"

    def __str__(self) -> str:
        return f"{self.date.isoformat()}{self.note}"


@dataclass(frozen=True)
class _Year:
    """The exceptions to Monday–Friday for one year, and where they come from."""

    year: int
    off: frozenset[dt.date]  # Monday–Friday rest days
    on: frozenset[dt.date]  # Saturday/Sunday working days (调休)
    source: Source
    basis: str

    def is_working_day(self, d: dt.date) -> bool:
        if d in self.on:
            return True
        return d.weekday() < 5 and d not in self.off


# ---------------------------------------------------------------- the calendar


@dataclass(frozen=True, init=False)
class WorkCalendar:
    """Working days from layered sources (see the module docstring).

    >>> cal = WorkCalendar()
    >>> cal.add_working_days(dt.date(2025, 9, 26), 20).date
    datetime.date(2025, 10, 30)
    """

    plans: tuple[YearPlan, ...] = ()
    counting: Counting = Counting.NEXT_DAY
    use_package: bool = True  # False: ignore chinese_calendar (tests, cross-checks)
    regional: tuple[RegionalRestDays, ...] = ()
    _years: dict[int, _Year] = field(default_factory=dict, repr=False, compare=False)
    _rest: dict[dt.date, RegionalRestDays] = field(default_factory=dict, repr=False, compare=False)

    def __init__(
        self,
        plans: Iterable[YearPlan] = (),
        *,
        counting: Counting = Counting.NEXT_DAY,
        use_package: bool = True,
        regional: Iterable[RegionalRestDays] = (),
    ) -> None:
        object.__setattr__(self, "plans", tuple(plans))
        object.__setattr__(self, "counting", Counting(counting))
        object.__setattr__(self, "use_package", use_package)
        object.__setattr__(self, "regional", tuple(regional))
        object.__setattr__(self, "_years", {})
        object.__setattr__(self, "_rest", {d: r for r in self.regional for d in r.days})

    # ------------------------------------------------------------ per year

    def plan_for(self, year: int) -> YearPlan | None:
        """The administrator's plan in force for ``year``: the latest entered one."""
        candidates = [p for p in self.plans if p.year == year]
        return max(candidates, key=lambda p: p.entered_at) if candidates else None

    def source(self, year: int) -> Source:
        return self._year(year).source

    def confirmed(self, year: int) -> bool:
        """True when ``year``'s calendar follows a published State Council plan."""
        return self.source(year) is not Source.PROVISIONAL

    def basis(self, year: int) -> str:
        """A short Chinese statement of where ``year``'s working days come from."""
        return self._year(year).basis

    def is_working_day(self, d: dt.date) -> bool:
        if d in self._rest:  # a regional rest day is off even on a 调休 Saturday
            return False
        return self._year(d.year).is_working_day(d)

    def working_day_on_or_after(self, d: dt.date) -> dt.date:
        """``d`` when it is a working day, else the next one: a period never ends on a rest day."""
        while not self.is_working_day(d):
            d += _ONE_DAY
        return d

    # ------------------------------------------------------------ counting

    def add_working_days(
        self, start: dt.date, n: int, *, counting: Counting | None = None
    ) -> Deadline:
        """The ``n``-th working day counted from ``start`` (the day of receipt).

        With :attr:`Counting.NEXT_DAY` (default) ``start`` itself is never counted; with
        :attr:`Counting.SAME_DAY` it is day 1 when it is a working day. ``n == 0`` gives
        ``start``.
        """
        if n < 0:
            raise ValueError(f"工作日数不能为负数：{n}")
        counting = counting or self.counting
        first = start + _ONE_DAY if counting is Counting.NEXT_DAY else start
        due = self.nth_working_day(first - _ONE_DAY, n) if n else start
        when = "次日" if counting is Counting.NEXT_DAY else "当日"
        return self.deadline(due, since=first, rule=f"自{start.isoformat()}{when}起算第{n}个工作日")

    def add_calendar_days(
        self, start: dt.date, n: int, *, counting: Counting | None = None
    ) -> Deadline:
        """A period stated in calendar days (日, 自然日), e.g. a 补正期限 of "15日".

        Counted like the working-day periods from ``start`` (the next day is day 1 under
        :attr:`Counting.NEXT_DAY`); when the last day is a rest day the period ends on the next
        working day (期间届满的最后一日是法定休假日的，以休假日结束的次日为期间届满的日期).
        """
        if n < 1:
            raise ValueError(f"日数至少为1：{n}")
        counting = counting or self.counting
        first = start + _ONE_DAY if counting is Counting.NEXT_DAY else start
        last = first + dt.timedelta(days=n - 1)
        due = self.working_day_on_or_after(last)
        when = "次日" if counting is Counting.NEXT_DAY else "当日"
        moved = f"，{last.isoformat()}为休息日，顺延至下一工作日" if due != last else ""
        rule = f"自{start.isoformat()}{when}起算{n}日（自然日）{moved}"
        return self.deadline(due, since=first, rule=rule)

    def nth_working_day(self, after: dt.date, n: int) -> dt.date:
        """The ``n``-th working day strictly after ``after`` (``after`` itself for n == 0)."""
        d, k = after, 0
        while k < n:
            d += _ONE_DAY
            if self.is_working_day(d):
                k += 1
        return d

    def count_working_days(self, after: dt.date, until: dt.date) -> int:
        """Working days ``d`` with ``after < d <= until`` (0 when ``until <= after``)."""
        return sum(1 for d in _days(after + _ONE_DAY, until) if self.is_working_day(d))

    def working_days_between(
        self, a: dt.date, b: dt.date, *, counting: Counting | None = None
    ) -> int:
        """Working days from ``a`` to ``b`` under the counting convention, signed.

        ``NEXT_DAY``: days in ``(a, b]``; ``SAME_DAY``: days in ``[a, b]``. So
        ``working_days_between(d, add_working_days(d, n).date) == n`` for ``n >= 1``.
        When ``b < a`` the result is ``-working_days_between(b, a)``.
        """
        if b < a:
            return -self.working_days_between(b, a, counting=counting)
        counting = counting or self.counting
        after = a if counting is Counting.NEXT_DAY else a - _ONE_DAY
        return self.count_working_days(after, b)

    def deadline(self, due: dt.date, *, since: dt.date, rule: str) -> Deadline:
        """Wrap ``due`` as a :class:`Deadline` counted from ``since`` (first counted day).

        Provisional when any year from ``since`` to ``due`` is not confirmed.
        """
        lo, hi = sorted((since.year, due.year))
        years = range(lo, hi + 1)
        open_years = tuple(y for y in years if not self.confirmed(y))
        sources = "；".join(f"{y}年：{self.basis(y)}" for y in years)
        first, last = sorted((since, due))
        local = sorted((d, r) for d, r in self._rest.items() if first <= d <= last)
        if local:
            named = "、".join(f"{d.isoformat()}（{r.region}，{r.source}）" for d, r in local)
            sources += f"；地方放假日：{named}"
        return Deadline(due, bool(open_years), f"{rule}（{sources}）", open_years)

    # ------------------------------------------------------------ building years

    def _year(self, year: int) -> _Year:
        cached = self._years.get(year)
        if cached is None:
            cached = self._years[year] = self._build_year(year)
        return cached

    def _build_year(self, year: int) -> _Year:
        plan = self.plan_for(year)
        if plan is not None:
            base = _from_plan(year, plan)
        elif self.use_package and _package_covers(year):
            base = _package_year(year)
        else:
            base = _provisional_year(year)
        spill = self.plan_for(year + 1)
        return _with_spill(base, spill) if spill is not None else base


def _from_plan(year: int, plan: YearPlan) -> _Year:
    off = frozenset(d for d in plan.holidays if d.year == year and d.weekday() < 5)
    on = frozenset(d for d in plan.working_weekends if d.year == year)
    entered = plan.entered_at.isoformat(sep=" ", timespec="minutes")
    return _Year(
        year, off, on, Source.PLAN, f"管理员录入的放假安排（{plan.source}，录入于 {entered}）"
    )


def _with_spill(base: _Year, nxt: YearPlan) -> _Year:
    """Apply the December dates of next year's plan to ``base`` day by day."""
    holidays = {d for d in nxt.holidays if d.year == base.year}
    working = {d for d in nxt.working_weekends if d.year == base.year}
    if not holidays and not working:
        return base
    off = (base.off - working) | {d for d in holidays if d.weekday() < 5}
    on = (base.on - holidays) | working
    basis = f"{base.basis}；12月调整见{nxt.year}年放假安排（{nxt.source}）"
    return _Year(base.year, frozenset(off), frozenset(on), base.source, basis)


# ---------------------------------------------------------------- the package layer


@cache
def _package_covers(year: int) -> bool:
    try:
        import chinese_calendar
    except ImportError:  # pragma: no cover - it is a hard dependency
        return False
    try:
        chinese_calendar.is_workday(dt.date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


@cache
def _package_year(year: int) -> _Year:
    import chinese_calendar

    off: set[dt.date] = set()
    on: set[dt.date] = set()
    for d in _days(dt.date(year, 1, 1), dt.date(year, 12, 31)):
        working = bool(chinese_calendar.is_workday(d))
        if d.weekday() < 5 and not working:
            off.add(d)
        elif d.weekday() >= 5 and working:
            on.add(d)
    basis = f"chinesecalendar {_version('chinesecalendar')}"
    return _Year(year, frozenset(off), frozenset(on), Source.PACKAGE, basis)


# ---------------------------------------------------------------- the provisional layer

# 《全国年节及纪念日放假办法》第二条, fixed solar-calendar dates (month, day).
_FIXED_2025 = ((1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3))  # 国务院令第795号, from 2025
_FIXED_2014 = ((1, 1), (5, 1), (10, 1), (10, 2), (10, 3))  # 2013 revision, 2014–2024


def fixed_statutory_dates(year: int) -> frozenset[dt.date]:
    """元旦、劳动节、国庆节 of the 放假办法 in force in ``year``."""
    fixed = _FIXED_2025 if year >= 2025 else _FIXED_2014
    return frozenset(dt.date(year, m, d) for m, d in fixed)


@cache
def lunar_statutory_dates(year: int) -> frozenset[dt.date] | None:
    """春节 (除夕 + 初一至初三), 清明, 端午, 中秋 from ``holidays.China``; None if unavailable.

    ``observed=False`` drops the package's *estimated* in-lieu days (补假，推定): only the
    State Council notice can fix those.
    """
    try:
        import holidays
    except ImportError:
        return None
    try:
        days = holidays.country_holidays("CN", years=year, observed=False)
    except Exception:  # any failure of an optional source degrades to weekends-only
        return None
    fixed = fixed_statutory_dates(year)
    return frozenset(d for d in days if isinstance(d, dt.date) and d not in fixed)


@cache
def _provisional_year(year: int) -> _Year:
    lunar = lunar_statutory_dates(year)
    statutory = fixed_statutory_dates(year) | (lunar or frozenset())
    off = frozenset(d for d in statutory if d.weekday() < 5)
    lunar_text = (
        f"农历节日取自 holidays {_version('holidays')}" if lunar is not None else "农历节日未计入"
    )
    basis = (
        f"暂定：周一至周五，除元旦、劳动节、国庆节法定日期；{lunar_text}；"
        f"未含调休与补休，待国务院公布{year}年放假安排后重算"
    )
    return _Year(year, off, frozenset(), Source.PROVISIONAL, basis)


# ---------------------------------------------------------------- helpers


def _days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    d = first
    while d <= last:
        yield d
        d += _ONE_DAY


@cache
def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"
