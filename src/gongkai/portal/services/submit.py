"""网络申请: an application filed online, registered in the agency's own register.

条例第二十九条 lets anyone apply in writing, online included; 第三十一条 makes the receipt date
of an online application the day the organ confirms receipt — here the day the system
registers it and shows the confirmation. Registration, the REGISTERED event and every deadline
are the applications app's (``services.workflow.register``); this module adds only the online
part: rate limits, the tracking number, the hashed access code and the e-mail.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.applications.models import Application, Channel

from ..models import OnlineRequest, PortalAccount
from . import ratelimit
from .codes import new_access_code, new_tracking_number

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Filed:
    application: Application
    online: OnlineRequest
    code: str  # the plain access code: shown once, e-mailed, never stored
    mailed: bool


def submit(
    agency: Agency,
    fields: dict[str, Any],
    *,
    email: str,
    phone: str,
    ip: str,
    account: PortalAccount | None = None,
) -> Filed:
    """Register the application (channel 网络在线, received today) or raise RateLimited;
    with an applicant account, the application is the account's (我的申请)."""
    from gongkai.applications.services.workflow import register

    ratelimit.check_application(ip, email, phone)
    received = timezone.localdate()
    code = new_access_code()
    with transaction.atomic():
        application = register(
            agency, {**fields, "channel": Channel.ONLINE, "received": received}, by=None
        )
        online = _online_record(application, email, code, account)
        ratelimit.record_application(ip, email, phone)
    return Filed(application, online, code, mailed=_mail(online, code))


def _online_record(
    application: Application, email: str, code: str, account: PortalAccount | None
) -> OnlineRequest:
    for _ in range(5):
        try:
            with transaction.atomic():
                return OnlineRequest.objects.create(
                    application=application,
                    tracking_number=new_tracking_number(),
                    code_hash=make_password(code),
                    email=email,
                    account=account,
                )
        except IntegrityError:  # the same random number twice: draw again
            continue
    raise RuntimeError("无法生成唯一的查询号")


def _mail(online: OnlineRequest, code: str) -> bool:
    """The number and the code to the applicant; False (logged) if the mail server refused."""
    app = online.application
    body = (
        f"您向{app.agency.name}提交的政府信息公开申请已于 {app.received:%Y年%m月%d日} 收到"
        f"（条例第三十一条：以双方确认之日为收到申请之日）。\n\n"
        f"查询号：{online.tracking_number}\n查询码：{code}\n登记编号：{app.number}\n\n"
        "凭查询号和查询码可在本系统“查询申请”页面查看办理进度、答复期限和告知书，"
        "并在线提交补正材料。查询码相当于密码，请妥善保管，不要转告他人。\n"
    )
    try:
        send_mail(f"政府信息公开申请已收到（{online.tracking_number}）", body, None, [online.email])
    except Exception:  # a mail server down must not undo a registered application
        log.exception("portal: receipt mail for %s not sent", online.tracking_number)
        return False
    return True
