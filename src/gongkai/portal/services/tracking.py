"""What the applicant sees with the tracking number and access code (no account), and the one
thing the applicant records online: the 补正 (条例第三十条), which restarts the reply period
from the day it is received — counted by the law engine like any 补正 a clerk records.

Nothing here shows the applicant's personal data back, and no staff-only text (internal notes
on other events) leaves the agency: the timeline carries each event's kind and date, plus the
items to correct of a 补正 request, which the applicant has to read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.hashers import check_password
from django.utils import timezone

from gongkai.applications.lifecycle import State
from gongkai.applications.models import EventKind, NoticeKind
from gongkai.applications.services import notices
from gongkai.applications.services.clocks import clocks_for
from gongkai.applications.services.workflow import current_state, record_event
from gongkai.law.calendar import Deadline

from ..models import OnlineRequest
from . import ratelimit
from .codes import normalise, normalise_tracking_number

# Letters to the applicant; the 第三方意见征询函 is addressed to the third party, not to them.
APPLICANT_NOTICES = (
    NoticeKind.RECEIPT,
    NoticeKind.CORRECTION,
    NoticeKind.EXTENSION,
    NoticeKind.REPLY,
)


class NotFound(Exception):
    """Wrong number or code (the same message for both: nothing is confirmed)."""


def find(number: str, code: str, *, ip: str) -> OnlineRequest:
    ratelimit.check_tracking(ip)
    online = (
        OnlineRequest.objects.select_related("application__agency")
        .filter(tracking_number=normalise_tracking_number(number))
        .first()
    )
    if online is None or not _code_matches(online, code):
        ratelimit.record("track-fail", ip)
        raise NotFound("查询号或查询码不正确")
    return online


def _code_matches(online: OnlineRequest, code: str) -> bool:
    raw = normalise(code)
    grouped = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
    return check_password(grouped, online.code_hash)


@dataclass(frozen=True)
class Step:
    on: dt.date
    label: str
    detail: str = ""


@dataclass(frozen=True)
class Status:
    state: State
    due: Deadline | None
    correction_due: Deadline | None
    steps: list[Step]
    notices: list[NoticeKind]
    can_correct: bool


def status_of(online: OnlineRequest) -> Status:
    application = online.application
    events = list(application.events.all())
    clocks = clocks_for(application, events)
    state = current_state(application)
    steps = [Step(e.on, e.get_kind_display(), _public_detail(e)) for e in events]
    kinds = [k for k in notices.available(application) if k in APPLICANT_NOTICES]
    return Status(
        state=state,
        due=clocks.due if state in _OPEN else None,
        correction_due=clocks.correction_due if state == State.AWAITING_CORRECTION else None,
        steps=steps,
        notices=kinds,
        can_correct=state == State.AWAITING_CORRECTION,
    )


_OPEN = {
    State.REGISTERED,
    State.CORRECTED,
    State.IN_PROGRESS,
    State.CONSULTING,
    State.AWAITING_FEE,
    State.EXTENDED,
    State.DEFERRED,
}


def _public_detail(event: object) -> str:
    kind = getattr(event, "kind", "")
    if kind == EventKind.CORRECTION_REQUESTED:
        return f"需要补正的事项：{getattr(event, 'reason', '')}"
    if kind == EventKind.CORRECTION_RECEIVED and (getattr(event, "data", None) or {}).get("online"):
        return "申请人在线提交补正"
    return ""


def answer_correction(online: OnlineRequest, text: str) -> None:
    """补正 online: received today (the day the system confirms it, 第三十一条)."""
    record_event(
        online.application,
        EventKind.CORRECTION_RECEIVED,
        timezone.localdate(),
        by=None,
        reason=text,
        data={"online": True},
        applicant=True,
    )
