"""Published reports for the API tests, made the way the web app makes them: a workspace
compiled from the (empty) records, figures set by 人工调整 with a reason, submitted by the
clerk, approved by a second person (the reviewer), published; optionally corrected (更正)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gongkai.agencies.models import Agency
from gongkai.workspace import workflow
from gongkai.workspace.models import Workspace
from gongkai.workspace.services import assemble, draft_sections, edit_section, override_cell

from .factories.workspace import workspace_for

# A consistent part 三: n applications from natural persons, all granted (予以公开).
REASON = "内部备注：申请人王小明的来电已核对"  # an internal note: must never reach the API


def applications(n: int) -> dict[str, str]:
    keys = ("new", "granted", "outcome_total")
    return {f"apply.{row}.{col}": str(n) for row in keys for col in ("natural_person", "total")}


def _set(ws: Workspace, figures: dict[str, str], by: Any) -> None:
    """The figures by 人工调整, then the narrative drafted anew so that it states them."""
    for key, value in figures.items():
        override_cell(ws, key, value, by=by, reason=REASON)
    ws.refresh_from_db()
    sections = draft_sections(ws.agency, ws.year, assemble(ws).cells)
    for key, text in sections.items():
        if text != ws.sections.get(key):
            edit_section(ws, key, text, by=by)


def publish(
    agency: Agency, year: int, figures: dict[str, str], clerk: Any, reviewer: Any
) -> Workspace:
    ws = workspace_for(agency, by=clerk, year=year)
    _set(ws, figures, clerk)
    ws = workflow.submit(ws, by=clerk)
    ws = workflow.approve(ws, by=reviewer)
    return workflow.publish(ws, by=clerk)


def correct(ws: Workspace, figures: dict[str, str], clerk: Any, reviewer: Any) -> Workspace:
    """更正: the next version with new figures, published."""
    ws = workflow.correct(ws, by=clerk, reason="更正申请数量")
    _set(ws, figures, clerk)
    ws = workflow.submit(ws, by=clerk)
    ws = workflow.approve(ws, by=reviewer)
    return workflow.publish(ws, by=clerk)


def draft(agency: Agency, year: int, figures: dict[str, str], clerk: Any) -> Workspace:
    """Compiled and adjusted but never published."""
    ws = workspace_for(agency, by=clerk, year=year)
    _set(ws, figures, clerk)
    return ws


# ---------------------------------------------------------------- the tests' world

DRAFT_MARK = 9876  # a figure only drafts and corrections in progress carry


@dataclass
class Published:
    """甲镇 2020 (corrected: version 2), 乙镇 2020 (version 1, its correction in progress),
    甲镇 2021; never published: 乙镇 2021 (a draft), an uploaded library report of the county."""

    jia_2020: Workspace
    yi_2020: Workspace
    jia_2021: Workspace
    new_2020: dict[int, int]  # agency pk → apply.new.total as published now


def published_world(world: Any) -> Published:
    from gongkai.accounts.models import Role

    from .factories.accounts import MembershipFactory
    from .factories.reports import report_for

    u = world.users
    reviewer_yi = MembershipFactory(
        user__username="reviewer_yi", agency=world.yi, role=Role.REVIEWER
    ).user
    jia, yi = (u["clerk_jia"], u["reviewer_jia"]), (u["clerk_yi"], reviewer_yi)
    jia_2020 = publish(world.jia, 2020, applications(3) | {AMOUNT: "12.5"}, *jia)
    jia_2020 = correct(jia_2020, applications(4) | {AMOUNT: "12.75"}, *jia)
    yi_2020 = publish(world.yi, 2020, applications(7), *yi)
    workflow.correct(yi_2020, by=u["clerk_yi"], reason="更正中")
    _set(Workspace.objects.get(pk=yi_2020.pk), applications(DRAFT_MARK), u["clerk_yi"])
    jia_2021 = publish(world.jia, 2021, applications(5), *jia)
    draft(world.yi, 2021, applications(DRAFT_MARK), u["clerk_yi"])
    report_for(world.county, year=2020)
    return Published(jia_2020, yi_2020, jia_2021, {world.jia.pk: 4, world.yi.pk: 7})


AMOUNT = "active.procurement.amount"  # 万元, 2019 layout
