"""Retention of applicants' personal data (个人信息保存期限) and anonymisation past it.

个人信息保护法第四十七条: personal data is deleted once its retention period has passed or its
purpose is achieved. An application's purpose is achieved when it is closed (答复, 撤回, 视为放弃)
and no remedy can still be brought against the answer: 行政诉讼法第四十六条 bars a suit more than
five years after the act, hence the default of GONGKAI_PERSONAL_DATA_RETENTION_DAYS (docs/
deployment.md). Only the applicant's identity goes: the request, the events, the decision and
the applicant type stay, so part 三 of every annual report counts exactly as before.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.db.models import QuerySet

from gongkai.remedies.models import Case, Result

from ..models import Application

ANONYMISED = "（已匿名化）"
REASON = "个人信息保存期限届满，已匿名化"

log = logging.getLogger(__name__)


def due_for_anonymisation(today: dt.date, retention_days: int) -> list[Application]:
    """Applications closed more than ``retention_days`` before ``today``, not yet anonymised,
    and not the subject of a pending 复议/诉讼 case (that case still needs the applicant)."""
    cutoff = today - dt.timedelta(days=retention_days)
    candidates: QuerySet[Application] = (
        Application.objects.filter(closed_on__lt=cutoff)
        .exclude(applicant_name=ANONYMISED)
        .order_by("pk")
    )
    pending = set(
        Case.objects.filter(result=Result.PENDING)
        .exclude(application_ref="")
        .values_list("agency_id", "application_ref")
    )
    return [a for a in candidates if (a.agency_id, a.number) not in pending]


@transaction.atomic
def anonymise(application: Application) -> None:
    """Replace the applicant's identity in the application and in every history row of it,
    and delete its attachment files; the new history row records why (REASON)."""
    history = application.history.all()  # type: ignore[attr-defined]
    files = {name for name in history.values_list("attachment", flat=True) if name}
    if application.attachment:
        files.add(application.attachment.name)
    fields = {
        "applicant_name": ANONYMISED,
        "applicant_id_number": "",
        "applicant_contact": ANONYMISED,
        "attachment": "",
    }
    for field, value in fields.items():
        setattr(application, field, value)
    application._change_reason = REASON  # type: ignore[attr-defined]
    application.save()
    history.update(**fields)
    storage = Application._meta.get_field("attachment").storage  # type: ignore[attr-defined]
    for name in files:
        transaction.on_commit(lambda name=name: storage.delete(name))
    log.info("anonymised %s of agency %s", application.number, application.agency_id)
