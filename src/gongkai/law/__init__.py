"""The law engine for applications (依申请公开): working days, clocks, outcomes, remedies, fees.

Plain Python, no Django import. The Django ``applications`` app stores the events and the
administrator-entered holiday plans; everything else is derived here:

* :mod:`gongkai.law.calendar` — the working-day calendar (工作日, 调休), layered and versioned;
* :mod:`gongkai.law.deadlines` — the clocks of one application, derived from its events;
* :mod:`gongkai.law.outcomes` — the outcomes (办理结果) as reference data, keyed by report row;
* :mod:`gongkai.law.remedies` — the remedy clause (救济途径) in force on a notice's date;
* :mod:`gongkai.law.fees` — 信息处理费 under 国办函〔2020〕109号.
"""

from gongkai.law.calendar import Counting, Deadline, RegionalRestDays, WorkCalendar, YearPlan

__all__ = ["Counting", "Deadline", "RegionalRestDays", "WorkCalendar", "YearPlan"]
