"""The review chain (先审查、后公开; 一事一审): who may take which step, and nothing skips it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from gongkai.accounts.models import Role
from gongkai.disclosures.models import Status, Step
from gongkai.disclosures.workflow import (
    CHAIN,
    TRANSITIONS,
    ReviewError,
    missing_steps,
    take_step,
)

from .factories.disclosures import item_for, published_item

pytestmark = pytest.mark.django_db

CHAIN_STEPS = [
    (Step.SUBMIT, "clerk_jia", ""),
    (Step.DEPT_OPINION, "reviewer_jia", "内容属实"),
    (Step.SECRECY_REVIEW, "clerk_jia", "不涉密"),
    (Step.LEADER_APPROVAL, "reviewer_jia", "同意"),
]


def test_transition_table_is_pinned() -> None:
    table = {
        (t.step.value, t.source.value, t.target.value, tuple(sorted(t.roles))) for t in TRANSITIONS
    }
    assert table == {
        ("submit", "draft", "submitted", ("clerk", "reviewer")),
        ("dept_opinion", "submitted", "dept_reviewed", ("reviewer",)),
        ("secrecy_review", "dept_reviewed", "secrecy_cleared", ("clerk",)),
        ("leader_approval", "secrecy_cleared", "approved", ("reviewer",)),
        ("publish", "approved", "published", ("clerk", "reviewer")),
        ("return", "submitted", "draft", ("reviewer",)),
        ("return", "dept_reviewed", "draft", ("clerk",)),
        ("return", "secrecy_cleared", "draft", ("reviewer",)),
    }
    assert {Role(r) for t in TRANSITIONS for r in t.roles} <= {Role.CLERK, Role.REVIEWER}


def test_full_chain_publishes_and_records_who_when_opinion(world: Any) -> None:
    item = published_item(world.jia, world.user("clerk_jia"), world.user("reviewer_jia"))
    assert item.status == Status.PUBLISHED
    assert item.published_on == dt.date(2026, 3, 10)
    steps = list(item.steps.order_by("at", "pk"))
    assert [s.step for s in steps] == [*CHAIN, Step.PUBLISH]
    assert [s.actor.username for s in steps] == [
        "clerk_jia",
        "reviewer_jia",
        "clerk_jia",
        "reviewer_jia",
        "clerk_jia",
    ]
    assert steps[1].opinion == "同意" and steps[1].role == Role.REVIEWER
    assert all(s.at is not None for s in steps)


@pytest.mark.parametrize("done", range(len(CHAIN_STEPS)))
def test_cannot_publish_before_every_step(world: Any, done: int) -> None:
    item = item_for(world.jia)
    for step, persona, opinion in CHAIN_STEPS[:done]:
        take_step(item, step, by=world.user(persona), opinion=opinion)
    with pytest.raises(ReviewError):
        take_step(item, Step.PUBLISH, by=world.user("clerk_jia"), published_on=dt.date(2026, 3, 9))
    item.refresh_from_db()
    assert item.status != Status.PUBLISHED and item.published_on is None


def test_forged_status_cannot_publish(world: Any) -> None:
    """Status is only a cache: publication re-checks the recorded steps."""
    item = item_for(world.jia)
    take_step(item, Step.SUBMIT, by=world.user("clerk_jia"))
    item.status = Status.APPROVED
    item.save()
    with pytest.raises(ReviewError, match="缺少科室负责人意见、保密审查、领导审批"):
        take_step(item, Step.PUBLISH, by=world.user("clerk_jia"), published_on=dt.date(2026, 3, 9))


@pytest.mark.parametrize(
    ("done", "persona"),
    [
        (1, "clerk_jia"),  # 科室负责人意见 is the reviewer's
        (2, "reviewer_jia"),  # 保密审查 is the disclosure office operator's (经办人)
        (3, "clerk_jia"),  # 领导审批 is the reviewer's
        (1, "clerk_yi"),  # another town's clerk
        (1, "county_supervisor"),  # supervisors look, never review
        (3, "admin"),  # the system operator approves nothing
    ],
)
def test_wrong_role_is_refused(world: Any, done: int, persona: str) -> None:
    item = item_for(world.jia)
    for step, who, opinion in CHAIN_STEPS[:done]:
        take_step(item, step, by=world.user(who), opinion=opinion)
    step = CHAIN_STEPS[done][0]
    with pytest.raises(ReviewError, match="须由本机关的"):
        take_step(item, step, by=world.user(persona), opinion="同意")
    assert item.steps.count() == done


def test_review_step_needs_an_opinion(world: Any) -> None:
    item = item_for(world.jia)
    take_step(item, Step.SUBMIT, by=world.user("clerk_jia"))
    with pytest.raises(ReviewError, match="请填写科室负责人意见的意见"):
        take_step(item, Step.DEPT_OPINION, by=world.user("reviewer_jia"), opinion="  ")


def test_return_restarts_the_chain(world: Any) -> None:
    item = item_for(world.jia)
    for step, persona, opinion in CHAIN_STEPS[:3]:
        take_step(item, step, by=world.user(persona), opinion=opinion)
    take_step(item, Step.RETURN, by=world.user("reviewer_jia"), opinion="请补充文号")
    item.refresh_from_db()
    assert item.status == Status.DRAFT
    assert missing_steps(item) == list(CHAIN)
    take_step(item, Step.SUBMIT, by=world.user("clerk_jia"))
    assert missing_steps(item) == list(CHAIN[1:])


def test_step_view_refuses_wrong_role_with_field_errors(world: Any, client_as: Any) -> None:
    item = item_for(world.jia)
    take_step(item, Step.SUBMIT, by=world.user("clerk_jia"))
    url = reverse("disclosures:step", kwargs={"pk": item.pk})
    response = client_as("clerk_jia").post(url, {"step": "dept_opinion", "opinion": "同意"})
    assert response.status_code == 400
    assert "须由本机关的审核人（负责人）办理" in response.content.decode()
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED


def test_chain_through_the_views(world: Any, client: Any) -> None:
    item = item_for(world.jia)
    url = reverse("disclosures:step", kwargs={"pk": item.pk})
    for step, persona, opinion in CHAIN_STEPS:
        client.force_login(world.user(persona))
        assert client.post(url, {"step": step, "opinion": opinion}).status_code == 302
    client.force_login(world.user("reviewer_jia"))
    response = client.post(url, {"step": "publish", "published_on": "2026-03-12"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED and item.published_on == dt.date(2026, 3, 12)
    page = client.get(reverse("disclosures:detail", kwargs={"pk": item.pk})).content.decode()
    assert "已公开" in page and "保密审查" in page


def test_only_drafts_are_edited(world: Any, client_as: Any) -> None:
    item = item_for(world.jia)
    take_step(item, Step.SUBMIT, by=world.user("clerk_jia"))
    response = client_as("clerk_jia").get(reverse("disclosures:edit", kwargs={"pk": item.pk}))
    assert response.status_code == 403


def test_create_shows_field_errors(world: Any, client_as: Any) -> None:
    url = reverse("disclosures:create", kwargs={"pk": world.jia.pk})
    response = client_as("clerk_jia").post(url, {"title": "无日期"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "这个字段是必填项" in body or "This field is required" in body
