"""The daily digest: each handling clerk gets their overdue, due-soon and waiting applications."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core.mail import send_mail

from ..models import Application
from .worklist import GROUPS, Item, work_list

REMIND = ("overdue", "due_soon", "waiting")


def digests(today: dt.date) -> dict[Any, list[Item]]:
    """Handler → the items worth a reminder (not the merely running ones)."""
    items = work_list(Application.objects.filter(handler__isnull=False), today)
    by_user: dict[Any, list[Item]] = defaultdict(list)
    for item in items:
        if item.group in REMIND:
            by_user[item.application.handler].append(item)
    return dict(by_user)


def digest_text(items: list[Item], today: dt.date) -> str:
    lines = [f"截至 {today}，您经办的政府信息公开申请中需要注意的有：", ""]
    for key in REMIND:
        group = [i for i in items if i.group == key]
        if not group:
            continue
        lines.append(f"【{GROUPS[key]}】")
        for i in group:
            due = str(i.due) if i.due else "—"
            lines.append(
                f"  {i.application.number}（{i.application.agency}）{i.state.label}，{i.clock}：{due}"
            )
        lines.append("")
    return "\n".join(lines)


def send_reminders(today: dt.date) -> int:
    sent = 0
    for user, items in digests(today).items():
        if not user.email:
            continue
        send_mail(
            f"依申请公开待办提醒（{today}）",
            digest_text(items, today),
            settings.DEFAULT_FROM_EMAIL,
            [user.email],
        )
        sent += 1
    return sent
