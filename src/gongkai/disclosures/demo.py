"""Demo data for 北白象镇: a year (2026) of published items, part 二 registers, one 复议 case.

Idempotent: items are found by title, register entries by subject and period, the case by 案号.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.agencies.services import audited_save
from gongkai.law.calendar import WorkCalendar
from gongkai.remedies.models import Case, Kind, Result
from gongkai.site.demo import load_demo

from .models import Channel, Item, RegisterEntry, Step, Subject
from .services import ensure_default_categories
from .workflow import take_step

AGENCY_CODE = "demo-beibaixiang"
YEAR = 2026

# (title, 文号, category, 第二十条 item, formed month/day, working days to publish, channels)
ITEMS = [
    ("北白象镇人民政府机构职能", "", "机构职能", "2", (1, 5), 3, ["website"]),
    ("北白象镇2026年财政预算", "", "财政预决算", "7", (2, 10), 10, ["website", "board"]),
    (
        "关于规范农村宅基地审批的通知",
        "北政〔2026〕3号",
        "政策文件/规范性文件",
        "1",
        (3, 2),
        5,
        ["website", "gazette"],
    ),
    ("北白象镇2026年国土空间规划", "", "规划计划", "3", (4, 8), 7, ["website", "new_media"]),
    (
        "2026年度低保对象名单公示",
        "",
        "民政扶贫救灾社会保障就业",
        "11",
        (5, 12),
        4,
        ["website", "board"],
    ),
    ("北白象镇安全生产大检查情况", "", "安全生产应急管理", "13", (6, 15), 6, ["new_media"]),
    (
        "北白象镇防汛防台应急预案",
        "北政〔2026〕9号",
        "安全生产应急管理",
        "12",
        (7, 1),
        2,
        ["website", "new_media"],
    ),
    ("2026年公开招聘编外人员公告", "", "人事信息", "14", (8, 3), 3, ["website"]),
    ("北白象镇中心小学改扩建工程", "", "科教文体卫生", "10", (9, 7), 8, ["website"]),
    ("北白象镇2025年财政决算", "", "财政预决算", "7", (10, 9), 12, ["website"]),
]

REGISTERS = [
    (Subject.NORMATIVE, (1, 1), (12, 31), {"issued": 2, "repealed": 1, "stock": 14}),
    (Subject.LICENSING, (1, 1), (6, 30), {"decisions": 37}),
    (Subject.LICENSING, (7, 1), (12, 31), {"decisions": 41}),
    (Subject.PUNISHMENT, (1, 1), (12, 31), {"decisions": 12}),
    (Subject.COERCION, (1, 1), (12, 31), {"decisions": 0}),
    (Subject.FEES, (1, 1), (12, 31), {"amount": Decimal("1.2500")}),
]


def _day(month_day: tuple[int, int]) -> dt.date:
    return dt.date(YEAR, *month_day)


@transaction.atomic
def load_demo_disclosures() -> int:
    """Create what is missing; return the number of published demo items."""
    if not Agency.objects.filter(code=AGENCY_CODE).exists():
        load_demo()
    agency = Agency.objects.get(code=AGENCY_CODE)
    users = get_user_model().objects
    clerk, reviewer = users.get(username="clerk"), users.get(username="reviewer")
    categories = {c.name: c for c in ensure_default_categories(agency)}
    calendar = WorkCalendar()
    for title, number, category, article, formed, days, channels in ITEMS:
        if agency.disclosure_items.filter(title=title).exists():
            continue
        item = Item(
            agency=agency,
            title=title,
            doc_number=number,
            formed_on=_day(formed),
            category=categories[category],
            article_item=article,
            channels=[Channel(c) for c in channels],
            created_by=clerk,
        )
        audited_save(item, by=clerk, reason="演示数据")
        take_step(item, Step.SUBMIT, by=clerk)
        take_step(item, Step.DEPT_OPINION, by=reviewer, opinion="内容属实，同意公开。")
        take_step(item, Step.SECRECY_REVIEW, by=clerk, opinion="不涉及国家秘密，可以公开。")
        take_step(item, Step.LEADER_APPROVAL, by=reviewer, opinion="同意。")
        published = calendar.add_working_days(item.formed_on, days).date
        take_step(item, Step.PUBLISH, by=clerk, published_on=published)
    for subject, start, end, figures in REGISTERS:
        period = {"subject": subject, "period_start": _day(start), "period_end": _day(end)}
        if not RegisterEntry.objects.filter(agency=agency, **period).exists():
            audited_save(
                RegisterEntry(agency=agency, **period, **figures), by=clerk, reason="演示数据"
            )
    if not Case.objects.filter(agency=agency, number="乐政复〔2026〕12号").exists():
        case = Case(
            agency=agency,
            kind=Kind.RECONSIDERATION,
            number="乐政复〔2026〕12号",
            application_ref="BBX-2026-0007",
            filed_on=dt.date(YEAR, 4, 20),
            result=Result.UPHELD,
            decided_on=dt.date(YEAR, 6, 18),
            summary="申请人不服“本机关不掌握相关政府信息”的答复，申请行政复议，复议机关维持。",
        )
        audited_save(case, by=clerk, reason="演示数据")
    return agency.disclosure_items.filter(status="published").count()
