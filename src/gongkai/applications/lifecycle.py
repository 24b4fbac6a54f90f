"""The workflow as a declared table: state × event → next state, and who may record it.

已登记 → (需补正 → 已补正 | 逾期未补正) → 办理中 → (征求意见 | 待缴费 → 逾期未缴费) → (延期) →
(延迟答复, 第三十五条) → 已答复; 撤回 from any open state. The state is never stored:
:func:`state_of` folds the recorded events through :data:`TRANSITIONS`.
tests/web/test_applications_lifecycle.py pins every entry.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models

from gongkai.accounts.models import Role

from .models.event import EventKind

E = EventKind


class State(models.TextChoices):
    REGISTERED = "registered", "已登记"
    AWAITING_CORRECTION = "awaiting_correction", "需补正"
    CORRECTED = "corrected", "已补正"
    ABANDONED = "abandoned", "逾期未补正"
    IN_PROGRESS = "in_progress", "办理中"
    CONSULTING = "consulting", "征求意见"
    AWAITING_FEE = "awaiting_fee", "待缴费"
    ABANDONED_NO_FEE = "abandoned_no_fee", "逾期未缴费"
    EXTENDED = "extended", "延期"
    DEFERRED = "deferred", "延迟答复（第三十五条）"
    ANSWERED = "answered", "已答复"
    WITHDRAWN = "withdrawn", "撤回"


S = State
STAFF = frozenset({Role.CLERK, Role.REVIEWER})
# 条例第三十三条: 延期须经政府信息公开工作机构负责人同意. 第三十五条 names no one; a later
# deadline outlasts any extension, so it takes the same approval.
HEAD = frozenset({Role.REVIEWER})

OPEN_STATES = (
    S.REGISTERED,
    S.AWAITING_CORRECTION,
    S.CORRECTED,
    S.IN_PROGRESS,
    S.CONSULTING,
    S.AWAITING_FEE,
    S.EXTENDED,
    S.DEFERRED,
)

# (state, event) → (next state, roles that may record it)
TRANSITIONS: dict[tuple[State, EventKind], tuple[State, frozenset[Role]]] = {
    (S.REGISTERED, E.ACCEPTED): (S.IN_PROGRESS, STAFF),
    (S.REGISTERED, E.CORRECTION_REQUESTED): (S.AWAITING_CORRECTION, STAFF),
    (S.REGISTERED, E.ANSWERED): (S.ANSWERED, STAFF),  # 当场答复 (第三十三条)
    (S.AWAITING_CORRECTION, E.CORRECTION_RECEIVED): (S.CORRECTED, STAFF),
    (S.AWAITING_CORRECTION, E.ABANDONED): (S.ABANDONED, STAFF),  # 第三十条: 视为放弃
    (S.CORRECTED, E.ACCEPTED): (S.IN_PROGRESS, STAFF),
    (S.CORRECTED, E.ANSWERED): (S.ANSWERED, STAFF),  # e.g. 补正后申请内容仍不明确
    (S.IN_PROGRESS, E.THIRD_PARTY_CONSULTED): (S.CONSULTING, STAFF),
    (S.IN_PROGRESS, E.ORGAN_CONSULTED): (S.CONSULTING, STAFF),  # 第三十四条
    (S.IN_PROGRESS, E.FEE_NOTICE_RECEIVED): (S.AWAITING_FEE, STAFF),
    (S.IN_PROGRESS, E.EXTENSION_APPROVED): (S.EXTENDED, HEAD),
    (S.IN_PROGRESS, E.LATER_DEADLINE_NOTIFIED): (S.DEFERRED, HEAD),  # 第三十五条
    (S.IN_PROGRESS, E.ANSWERED): (S.ANSWERED, STAFF),
    (S.CONSULTING, E.THIRD_PARTY_ANSWERED): (S.IN_PROGRESS, STAFF),
    (S.CONSULTING, E.ORGAN_ANSWERED): (S.IN_PROGRESS, STAFF),
    (S.AWAITING_FEE, E.FEE_PAID): (S.IN_PROGRESS, STAFF),
    (S.AWAITING_FEE, E.FEE_UNPAID): (S.ABANDONED_NO_FEE, STAFF),  # 国办函〔2020〕109号: 视为放弃
    (S.EXTENDED, E.THIRD_PARTY_CONSULTED): (S.CONSULTING, STAFF),
    (S.EXTENDED, E.ORGAN_CONSULTED): (S.CONSULTING, STAFF),
    (S.EXTENDED, E.FEE_NOTICE_RECEIVED): (S.AWAITING_FEE, STAFF),
    (S.EXTENDED, E.LATER_DEADLINE_NOTIFIED): (S.DEFERRED, HEAD),
    (S.EXTENDED, E.ANSWERED): (S.ANSWERED, STAFF),
    (S.DEFERRED, E.ANSWERED): (S.ANSWERED, STAFF),
    **{(s, E.WITHDRAWN): (S.WITHDRAWN, STAFF) for s in OPEN_STATES},
}


# What the applicant records personally through the portal (no staff role): 补正 online.
APPLICANT_MAY = frozenset({E.CORRECTION_RECEIVED})


class TransitionError(ValueError):
    """An event the table does not allow in the current state (Chinese message)."""


def next_state(state: State, kind: EventKind) -> State:
    try:
        return TRANSITIONS[(state, kind)][0]
    except KeyError:
        raise TransitionError(
            f"申请处于“{state.label}”状态，不能登记“{EventKind(kind).label}”"
        ) from None


def roles_for(state: State, kind: EventKind) -> frozenset[Role]:
    return TRANSITIONS[(state, kind)][1]


def state_of(kinds: Iterable[str]) -> State:
    """Fold the event kinds, in order, through the table (the first is REGISTERED)."""
    state = S.REGISTERED
    for kind in kinds:
        if kind == E.REGISTERED:
            continue
        state = next_state(state, EventKind(kind))
    return state


def allowed_events(state: State, roles: Iterable[Role]) -> list[EventKind]:
    mine = set(roles)
    return [k for (s, k), (_, who) in TRANSITIONS.items() if s == state and who & mine]
