"""The pre-publication review chain (先审查、后公开; 一事一审; 谁公开谁审查谁负责), as a table.

As the seed reports describe it: "对拟公开的政府信息，由科室负责人提出具体意见，经信息公开操作人员
审查后，报信息公开负责领导审批". Mapped onto the agency roles of ``accounts.Role``:

- 起草/提交: 经办人 or 审核人 of the agency;
- 科室负责人意见: 审核人（负责人）;
- 保密审查: the disclosure office's 信息公开操作人员, i.e. the agency's 经办人;
- 领导审批: 审核人（负责人）;
- 发布: 经办人 or 审核人, only after 领导审批.

Each item is reviewed on its own (一事一审: no batch steps). Every step is a ``ReviewStep`` row
with who/when/role/opinion; ``Item.status`` is only a cache of the last step. Publication also
re-checks the recorded steps since the last 退回 (``missing_steps``), so a stale or forged status
cannot publish an item that has not been through the whole chain. A superuser operates the system
but reviews nothing (see accounts.permissions).

Four eyes (双人审核): whoever submitted the item may not give the 科室负责人意见 or the 领导审批
on it (``APPROVALS``) — a reviewer who drafts an item needs a second reviewer to approve it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from gongkai.accounts.models import Membership, Role

from .models import Item, ReviewStep, Status, Step


@dataclass(frozen=True)
class Transition:
    step: Step
    source: Status
    target: Status
    roles: frozenset[Role]


_EDITORS = frozenset({Role.CLERK, Role.REVIEWER})
_REVIEWER = frozenset({Role.REVIEWER})
_OPERATOR = frozenset({Role.CLERK})

TRANSITIONS: tuple[Transition, ...] = (
    Transition(Step.SUBMIT, Status.DRAFT, Status.SUBMITTED, _EDITORS),
    Transition(Step.DEPT_OPINION, Status.SUBMITTED, Status.DEPT_REVIEWED, _REVIEWER),
    Transition(Step.SECRECY_REVIEW, Status.DEPT_REVIEWED, Status.SECRECY_CLEARED, _OPERATOR),
    Transition(Step.LEADER_APPROVAL, Status.SECRECY_CLEARED, Status.APPROVED, _REVIEWER),
    Transition(Step.PUBLISH, Status.APPROVED, Status.PUBLISHED, _EDITORS),
    # 退回修改: whoever may take the pending review step may send the item back instead.
    Transition(Step.RETURN, Status.SUBMITTED, Status.DRAFT, _REVIEWER),
    Transition(Step.RETURN, Status.DEPT_REVIEWED, Status.DRAFT, _OPERATOR),
    Transition(Step.RETURN, Status.SECRECY_CLEARED, Status.DRAFT, _REVIEWER),
)

# The steps that must all be on record, in this order, before an item is published.
CHAIN = (Step.SUBMIT, Step.DEPT_OPINION, Step.SECRECY_REVIEW, Step.LEADER_APPROVAL)
EDITABLE = frozenset({Status.DRAFT})
# The approving steps the submitter may not take on their own item (four eyes).
APPROVALS = frozenset({Step.DEPT_OPINION, Step.LEADER_APPROVAL})


class ReviewError(Exception):
    """A step that may not be taken; the message is for the user, in Chinese."""


def roles_of(user: object, item: Item) -> set[Role]:
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return set()
    rows = Membership.objects.filter(user=user, agency=item.agency)
    return {Role(r) for r in rows.values_list("role", flat=True)}


def transition_for(item: Item, step: str) -> Transition | None:
    return next((t for t in TRANSITIONS if t.step == step and t.source == item.status), None)


def allowed_steps(user: object, item: Item) -> list[Transition]:
    """The transitions ``user`` may take on ``item`` now (for the buttons on the page)."""
    mine = roles_of(user, item)
    own = _submitted_by(item, user)
    return [
        t
        for t in TRANSITIONS
        if t.source == item.status and t.roles & mine and not (own and t.step in APPROVALS)
    ]


def _submitted_by(item: Item, user: object) -> bool:
    """Whether ``user`` took the latest 提交审核 of ``item``."""
    last = item.steps.filter(step=Step.SUBMIT).order_by("-at", "-pk").first()
    return last is not None and last.actor_id == getattr(user, "pk", None)


def missing_steps(item: Item) -> list[Step]:
    """Chain steps not on record, in order, since the item was last sent back."""
    steps = list(item.steps.order_by("at", "pk").values_list("step", flat=True))
    if Step.RETURN in steps:
        steps = steps[len(steps) - steps[::-1].index(Step.RETURN) :]
    done = [s for s in steps if s in CHAIN]
    return [s for i, s in enumerate(CHAIN) if i >= len(done) or done[i] != s]


@transaction.atomic
def take_step(
    item: Item,
    step: str,
    *,
    by: object,
    opinion: str = "",
    published_on: dt.date | None = None,
) -> ReviewStep:
    """Record ``step`` on ``item`` by ``by``, or raise :class:`ReviewError` saying why not."""
    item = Item.objects.select_for_update().get(pk=item.pk)
    transition = transition_for(item, step)
    if transition is None:
        label = Step(step).label if step in Step.values else step
        raise ReviewError(f"当前状态「{item.get_status_display()}」下不能办理「{label}」。")
    role = next((r for r in transition.roles if r in roles_of(by, item)), None)
    if role is None:
        names = "、".join(Role(r).label for r in sorted(transition.roles))
        raise ReviewError(f"「{transition.step.label}」须由本机关的{names}办理。")
    if step in APPROVALS and _submitted_by(item, by):
        raise ReviewError(
            f"双人审核：提交人不能对自己提交的信息办理「{transition.step.label}」，"
            "请由本机关另一位审核人（负责人）办理。"
        )
    needs_opinion = {Step.DEPT_OPINION, Step.SECRECY_REVIEW, Step.LEADER_APPROVAL, Step.RETURN}
    if step in needs_opinion and not opinion.strip():
        raise ReviewError(f"请填写{transition.step.label}的意见。")
    if step == Step.PUBLISH:
        _check_publishable(item, published_on)
        item.published_on = published_on
    record = ReviewStep.objects.create(
        item=item, step=step, actor=by, role=role, opinion=opinion.strip()
    )
    item.status = transition.target
    item._history_user = by  # type: ignore[attr-defined]
    item.save()
    return record


def _check_publishable(item: Item, published_on: dt.date | None) -> None:
    missing = missing_steps(item)
    if missing:
        names = "、".join(Step(s).label for s in missing)
        raise ReviewError(f"未经完整审查，不能发布：缺少{names}。")
    if published_on is None:
        raise ReviewError("请填写公开日期。")
    if published_on < item.formed_on:
        raise ReviewError("公开日期不能早于信息形成或变更日期。")
    if not item.channels:
        raise ReviewError("请至少选择一个公开渠道。")
