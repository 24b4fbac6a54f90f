"""The supervision tree: materialised paths, descendants, moves, cycles, query counts."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from gongkai.agencies.models import Agency
from gongkai.agencies.services import update_agency
from gongkai.agencies.tree import indented

from .factories.agencies import AgencyFactory

pytestmark = pytest.mark.django_db


def _tree() -> dict[str, Agency]:
    province = AgencyFactory(name="省", kind=Agency.Kind.GOVERNMENT)
    city = AgencyFactory(name="市", parent=province)
    county = AgencyFactory(name="县", parent=city)
    town = AgencyFactory(name="镇", parent=county)
    other = AgencyFactory(name="另一市", parent=province)
    return {"province": province, "city": city, "county": county, "town": town, "other": other}


def test_paths_and_depths() -> None:
    t = _tree()
    p, c, co, tw = (t[k].pk for k in ("province", "city", "county", "town"))
    assert t["town"].path == f"/{p}/{c}/{co}/{tw}/"
    assert [t[k].depth for k in ("province", "city", "county", "town")] == [0, 1, 2, 3]
    assert list(t["town"].ancestors()) == [t["province"], t["city"], t["county"]]


def test_descendants() -> None:
    t = _tree()
    assert set(t["city"].descendants()) == {t["county"], t["town"]}
    assert set(t["city"].descendants(include_self=True)) == {t["city"], t["county"], t["town"]}
    assert set(t["town"].descendants()) == set()


def test_descendants_do_not_confuse_id_prefixes() -> None:
    """/1/ must not match /12/: the trailing slash is part of every path segment."""
    agencies = [AgencyFactory() for _ in range(12)]
    first = agencies[0]
    assert set(first.descendants()) == set()


def test_move_repaths_the_whole_subtree() -> None:
    t = _tree()
    update_agency(t["county"], parent=t["other"], by=None, reason="区划调整")
    town = Agency.objects.get(pk=t["town"].pk)
    assert town.path == f"{t['other'].path}{t['county'].pk}/{town.pk}/"
    assert set(t["other"].descendants()) == {t["county"], t["town"]}
    assert set(Agency.objects.get(pk=t["city"].pk).descendants()) == set()


@pytest.mark.parametrize("new_parent", ["city", "town"])
def test_an_agency_cannot_be_moved_under_itself(new_parent: str) -> None:
    t = _tree()
    with pytest.raises(ValidationError):
        update_agency(t["city"], parent=t[new_parent], by=None)
    assert Agency.objects.get(pk=t["city"].pk).parent == t["province"]


def test_descendants_of_a_thousand_agencies_is_one_query(django_assert_num_queries: Any) -> None:
    root = AgencyFactory(name="省级")
    cities = [AgencyFactory(parent=root) for _ in range(10)]
    for city in cities:
        counties = [AgencyFactory(parent=city) for _ in range(9)]
        for county in counties:
            Agency.objects.bulk_create([])  # keep factories; towns below
            for _ in range(10):
                AgencyFactory(parent=county)
    assert Agency.objects.count() == 1 + 10 + 90 + 900
    with django_assert_num_queries(1):
        assert len(list(root.descendants())) == 1000
    with django_assert_num_queries(1):
        assert len(list(cities[3].descendants())) == 99


def test_indented_rows_start_at_the_shallowest_visible_agency() -> None:
    t = _tree()
    rows = indented([t["town"], t["county"]])
    assert [(r.agency, r.level) for r in rows] == [(t["county"], 0), (t["town"], 1)]
