"""The declared transition table, pinned entry by entry, and the service that enforces it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.accounts.models import Role
from gongkai.applications.lifecycle import (
    TRANSITIONS,
    State,
    TransitionError,
    next_state,
    roles_for,
    state_of,
)
from gongkai.applications.models import EventKind
from gongkai.applications.services.workflow import current_state, decide, record_event

from .factories.applications import application_for

S, E = State, EventKind
STAFF = {Role.CLERK, Role.REVIEWER}
HEAD = {Role.REVIEWER}
OPEN = [
    S.REGISTERED,
    S.AWAITING_CORRECTION,
    S.CORRECTED,
    S.IN_PROGRESS,
    S.CONSULTING,
    S.AWAITING_FEE,
    S.EXTENDED,
    S.DEFERRED,
]

# Written out by hand: a change to the table must change this too.
PINNED = {
    (S.REGISTERED, E.ACCEPTED): (S.IN_PROGRESS, STAFF),
    (S.REGISTERED, E.CORRECTION_REQUESTED): (S.AWAITING_CORRECTION, STAFF),
    (S.REGISTERED, E.ANSWERED): (S.ANSWERED, STAFF),
    (S.AWAITING_CORRECTION, E.CORRECTION_RECEIVED): (S.CORRECTED, STAFF),
    (S.AWAITING_CORRECTION, E.ABANDONED): (S.ABANDONED, STAFF),
    (S.CORRECTED, E.ACCEPTED): (S.IN_PROGRESS, STAFF),
    (S.CORRECTED, E.ANSWERED): (S.ANSWERED, STAFF),
    (S.IN_PROGRESS, E.THIRD_PARTY_CONSULTED): (S.CONSULTING, STAFF),
    (S.IN_PROGRESS, E.ORGAN_CONSULTED): (S.CONSULTING, STAFF),
    (S.IN_PROGRESS, E.FEE_NOTICE_RECEIVED): (S.AWAITING_FEE, STAFF),
    (S.IN_PROGRESS, E.EXTENSION_APPROVED): (S.EXTENDED, HEAD),
    (S.IN_PROGRESS, E.LATER_DEADLINE_NOTIFIED): (S.DEFERRED, HEAD),
    (S.IN_PROGRESS, E.ANSWERED): (S.ANSWERED, STAFF),
    (S.CONSULTING, E.THIRD_PARTY_ANSWERED): (S.IN_PROGRESS, STAFF),
    (S.CONSULTING, E.ORGAN_ANSWERED): (S.IN_PROGRESS, STAFF),
    (S.AWAITING_FEE, E.FEE_PAID): (S.IN_PROGRESS, STAFF),
    (S.AWAITING_FEE, E.FEE_UNPAID): (S.ABANDONED_NO_FEE, STAFF),
    (S.EXTENDED, E.THIRD_PARTY_CONSULTED): (S.CONSULTING, STAFF),
    (S.EXTENDED, E.ORGAN_CONSULTED): (S.CONSULTING, STAFF),
    (S.EXTENDED, E.FEE_NOTICE_RECEIVED): (S.AWAITING_FEE, STAFF),
    (S.EXTENDED, E.LATER_DEADLINE_NOTIFIED): (S.DEFERRED, HEAD),
    (S.EXTENDED, E.ANSWERED): (S.ANSWERED, STAFF),
    (S.DEFERRED, E.ANSWERED): (S.ANSWERED, STAFF),
    **{(s, E.WITHDRAWN): (S.WITHDRAWN, STAFF) for s in OPEN},
}
ALL_PAIRS = [(s, k) for s in State for k in EventKind if k != E.REGISTERED]


def test_table_is_exactly_the_pinned_one() -> None:
    assert set(TRANSITIONS) == set(PINNED)


@pytest.mark.parametrize(("state", "kind"), sorted(PINNED))
def test_allowed_transition(state: State, kind: EventKind) -> None:
    target, roles = PINNED[(state, kind)]
    assert next_state(state, kind) == target, f"{state.label} + {kind.label}"
    assert set(roles_for(state, kind)) == roles, f"{state.label} + {kind.label}"


@pytest.mark.parametrize(("state", "kind"), [p for p in ALL_PAIRS if p not in PINNED])
def test_rejected_transition(state: State, kind: EventKind) -> None:
    with pytest.raises(TransitionError, match=state.label):
        next_state(state, kind)


def test_closed_states_have_no_way_out() -> None:
    for closed in (S.ANSWERED, S.WITHDRAWN, S.ABANDONED, S.ABANDONED_NO_FEE):
        assert not [k for (s, k) in TRANSITIONS if s == closed]


def test_state_is_folded_from_events() -> None:
    kinds = [E.REGISTERED, E.CORRECTION_REQUESTED, E.CORRECTION_RECEIVED, E.ACCEPTED]
    assert state_of(kinds) == S.IN_PROGRESS
    assert state_of([*kinds, E.EXTENSION_APPROVED, E.ANSWERED]) == S.ANSWERED


D = dt.date(2026, 11, 2)


def test_service_records_who_when_why(world: Any) -> None:
    clerk = world.user("clerk_jia")
    app = application_for(world.jia, by=clerk, received=D)
    ev = record_event(
        app, E.CORRECTION_REQUESTED, D, by=clerk, reason="写明文件名", data={"days": 10}
    )
    assert (ev.by, ev.on, ev.reason, ev.data) == (clerk, D, "写明文件名", {"days": 10})
    assert current_state(app) == S.AWAITING_CORRECTION
    assert app.events.count() == 2  # registered + correction
    assert ev.history.count() == 1


def test_extension_needs_the_reviewer(world: Any) -> None:
    app = application_for(world.jia, received=D)
    record_event(app, E.ACCEPTED, D, by=world.user("clerk_jia"))
    with pytest.raises(PermissionDenied, match="审核人"):
        record_event(app, E.EXTENSION_APPROVED, D, by=world.user("clerk_jia"))
    with pytest.raises(PermissionDenied):
        record_event(app, E.EXTENSION_APPROVED, D, by=world.user("admin"))  # approves nothing
    record_event(app, E.EXTENSION_APPROVED, D, by=world.user("reviewer_jia"), data={"days": 20})
    assert current_state(app) == S.EXTENDED


def test_forbidden_transition_and_engine_errors_save_nothing(world: Any) -> None:
    clerk = world.user("clerk_jia")
    app = application_for(world.jia, received=D)
    with pytest.raises(ValidationError, match="已登记"):
        record_event(app, E.CORRECTION_RECEIVED, D, by=clerk)
    record_event(app, E.ACCEPTED, D, by=clerk)
    with pytest.raises(ValidationError, match="最长不得超过20个工作日"):
        record_event(app, E.EXTENSION_APPROVED, D, by=world.user("reviewer_jia"), data={"days": 25})
    with pytest.raises(ValidationError, match="早于"):
        record_event(app, E.WITHDRAWN, D - dt.timedelta(days=1), by=clerk)
    assert app.events.count() == 2


def test_decide_with_an_outcome_of_the_wrong_layout_saves_nothing(world: Any) -> None:
    app = application_for(world.jia, received=D)
    with pytest.raises(ValidationError, match="2021年版"):
        decide(app, "other", D, "理由", by=world.user("clerk_jia"))  # the 2019 row
    assert app.events.count() == 1
    assert not hasattr(app, "decision") or app.decision is None
