"""The named predicates and scoped querysets, persona by persona."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import Http404

from gongkai.accounts.permissions import (
    agencies_editable_by,
    agencies_visible_to,
    can_approve,
    can_edit_agency_data,
    can_supervise,
    can_view_agency,
    get_visible_agency_or_404,
)

# persona → (visible, editable, approvable, supervised), each a set of agency keys
EXPECTED = {
    "clerk_jia": ({"jia"}, {"jia"}, set(), set()),
    "clerk_yi": ({"yi"}, {"yi"}, set(), set()),
    "reviewer_jia": ({"jia"}, {"jia"}, {"jia"}, set()),
    "county_supervisor": ({"county", "jia", "yi"}, set(), set(), {"county", "jia", "yi"}),
    "outsider": (set(), set(), set(), set()),
    "admin": ({"county", "jia", "yi"}, {"county", "jia", "yi"}, set(), set()),
    "anonymous": (set(), set(), set(), set()),
}
KEYS = ("county", "jia", "yi")


def _keys(world: Any, agencies: Any) -> set[str]:
    by_pk = {getattr(world, k).pk: k for k in KEYS}
    return {by_pk[a.pk] for a in agencies}


@pytest.mark.parametrize("persona", EXPECTED)
def test_scoped_querysets(persona: str, world: Any) -> None:
    visible, editable, _, _ = EXPECTED[persona]
    user = world.user(persona)
    assert _keys(world, agencies_visible_to(user)) == visible
    assert _keys(world, agencies_editable_by(user)) == editable


@pytest.mark.parametrize("persona", EXPECTED)
@pytest.mark.parametrize("key", KEYS)
def test_predicates(persona: str, key: str, world: Any) -> None:
    visible, editable, approvable, supervised = EXPECTED[persona]
    user, agency = world.user(persona), getattr(world, key)
    assert can_view_agency(user, agency) is (key in visible), "view"
    assert can_edit_agency_data(user, agency) is (key in editable), "edit"
    assert can_approve(user, agency) is (key in approvable), "approve"
    assert can_supervise(user, agency) is (key in supervised), "supervise"


def test_out_of_scope_lookup_is_404_like_a_missing_one(world: Any) -> None:
    clerk = world.user("clerk_yi")
    with pytest.raises(Http404):
        get_visible_agency_or_404(clerk, world.jia.pk)
    with pytest.raises(Http404):
        get_visible_agency_or_404(clerk, 999_999)
    assert get_visible_agency_or_404(clerk, world.yi.pk) == world.yi


def test_inactive_user_sees_nothing(world: Any) -> None:
    user = world.user("county_supervisor")
    user.is_active = False
    assert not agencies_visible_to(user).exists()
    assert not can_supervise(user, world.jia)


def test_supervisor_scope_follows_a_move(world: Any) -> None:
    """Moving 乙镇 out from under the county takes it out of the county supervisor's sight."""
    from gongkai.agencies.services import create_agency, update_agency

    other = create_agency(name="另一县人民政府", kind="government")
    update_agency(world.yi, parent=other, by=None, reason="区划调整")
    assert _keys(world, agencies_visible_to(world.user("county_supervisor"))) == {"county", "jia"}
