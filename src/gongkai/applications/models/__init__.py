"""The models of 依申请公开, one module per sub-concept."""

from .access import AccessLog
from .application import ApplicantType, Application, Channel
from .calendar import HolidayYear, RegionalRestDay
from .decision import Decision
from .event import ApplicationEvent, EventKind
from .fee import FeeRecord
from .notice import NoticeKind, NoticeTemplate

__all__ = [
    "AccessLog",
    "ApplicantType",
    "Application",
    "ApplicationEvent",
    "Channel",
    "Decision",
    "EventKind",
    "FeeRecord",
    "HolidayYear",
    "NoticeKind",
    "NoticeTemplate",
    "RegionalRestDay",
]
