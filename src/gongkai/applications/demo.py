"""Demo applications for 北白象镇人民政府 in 2026, in different states. Idempotent."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from gongkai.agencies.models import Agency

from .models import Application, EventKind
from .services.workflow import decide, record_event, register

D = dt.date
E = EventKind
MARK = "【演示】"

# (request, channel, received, applicant type, name, events: (kind, date, reason, data, by))
DEMO: list[tuple[str, str, dt.date, str, str, list[tuple[Any, ...]]]] = [
    (
        "2025年度镇级财政预算执行情况",
        "in_person",
        D(2026, 3, 2),
        "natural_person",
        "张晓明",
        [("decide", D(2026, 3, 20), "granted", "已在本镇门户网站财政预决算栏目公开，附链接。")],
    ),
    (
        "白象村旧村改造项目征收补偿方案",
        "online",
        D(2026, 6, 10),
        "natural_person",
        "李建国",
        [
            (
                E.CORRECTION_REQUESTED,
                D(2026, 6, 12),
                "请明确所指项目名称及年份",
                {"days": 10},
                "clerk",
            ),
            (E.CORRECTION_RECEIVED, D(2026, 6, 19), "申请人补正了项目名称", {}, "clerk"),
            (E.ACCEPTED, D(2026, 6, 19), "", {}, "clerk"),
            (
                E.EXTENSION_APPROVED,
                D(2026, 7, 10),
                "涉及多个村居，需逐一核对档案",
                {"days": 20},
                "reviewer",
            ),
            (
                "decide",
                D(2026, 7, 30),
                "partial",
                "补偿标准予以公开；涉及个人身份信息部分不予公开。",
            ),
        ],
    ),
    (
        "某企业环评审批材料",
        "post",
        D(2026, 10, 19),
        "commercial",
        "温州某某贸易有限公司",
        [
            (
                E.CORRECTION_REQUESTED,
                D(2026, 10, 21),
                "请说明所需材料的具体名称",
                {"days": 10},
                "clerk",
            ),
            (E.ABANDONED, D(2026, 11, 10), "补正期限届满未补正", {}, "clerk"),
        ],
    ),
    (
        "镇区道路拓宽工程施工合同",
        "email",
        D(2026, 11, 2),
        "legal_service",
        "浙江某律师事务所",
        [
            (E.ACCEPTED, D(2026, 11, 3), "", {}, "clerk"),
            (
                E.THIRD_PARTY_CONSULTED,
                D(2026, 11, 5),
                "合同涉及施工单位商业秘密",
                {"party": "乐清某建设有限公司"},
                "clerk",
            ),
        ],
    ),
    ("2026年低保对象名单", "online", D(2026, 11, 16), "natural_person", "王芳", []),
    (
        "镇卫生院改造工程招标文件",
        "fax",
        D(2026, 10, 26),
        "natural_person",
        "陈立",
        [
            (E.ACCEPTED, D(2026, 10, 27), "", {}, "clerk"),
            (E.WITHDRAWN, D(2026, 11, 9), "申请人书面撤回", {}, "clerk"),
        ],
    ),
    (
        "2026年第三季度信访件办理情况",
        "in_person",
        D(2026, 10, 9),
        "other_org",
        "某村经济合作社",
        [(E.ACCEPTED, D(2026, 10, 9), "", {}, "clerk")],
    ),
    (
        "2027年镇级重点项目计划",
        "online",
        D(2026, 11, 30),
        "research",
        "某大学公共管理学院",
        [
            (E.ACCEPTED, D(2026, 11, 30), "", {}, "clerk"),
            # The extended deadline reaches into 2027, whose holidays are not yet announced.
            (
                E.EXTENSION_APPROVED,
                D(2026, 12, 1),
                "计划尚在征求意见，需与县发改局核对",
                {"days": 20},
                "reviewer",
            ),
        ],
    ),
]


@transaction.atomic
def load_demo_applications() -> int:
    """Create the demo applications that are missing; returns how many were created."""
    agency = Agency.objects.filter(code="demo-beibaixiang").first()
    if agency is None:
        from gongkai.site.demo import load_demo

        load_demo()
        agency = Agency.objects.get(code="demo-beibaixiang")
    users = {
        u.username: u for u in get_user_model().objects.filter(username__in=["clerk", "reviewer"])
    }
    created = 0
    for request, channel, received, kind, name, events in DEMO:
        text = MARK + request
        if Application.objects.filter(agency=agency, request=text).exists():
            continue
        fields = {
            "channel": channel,
            "received": received,
            "applicant_type": kind,
            "applicant_name": name,
            "applicant_id_number": "330382199001011234" if kind == "natural_person" else "",
            "applicant_contact": "13800001234",
            "request": text,
        }
        app = register(agency, fields, by=users.get("clerk"))
        for step in events:
            if step[0] == "decide":
                decide(app, step[2], step[1], step[3], by=users.get("clerk"))
                continue
            ev, on, reason, data, by = step
            record_event(app, ev, on, by=users.get(by), reason=reason, data=data)
        created += 1
    return created
