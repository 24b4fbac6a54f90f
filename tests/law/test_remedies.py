"""The remedy clause follows the law in force on the notice's date (复议前置 since 2024)."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.law.outcomes import outcome
from gongkai.law.remedies import RemedyPolicy, RemedyRoute, remedy_clause

D = dt.date
ORGAN = "某县人民政府"
CHOICE_2023 = (
    "如对本答复不服，可以自收到本答复之日起60日内向某县人民政府申请行政复议，"
    "也可以自收到本答复之日起6个月内依法向人民法院提起行政诉讼。"
)
FIRST_2024 = (
    "如对本答复不服，可以自收到本答复之日起60日内向某县人民政府申请行政复议；"
    "对行政复议决定不服的，可以自收到行政复议决定书之日起15日内依法向人民法院提起行政诉讼。"
    "依照《中华人民共和国行政复议法》规定，对不予公开政府信息不服的，应当先申请行政复议。"
)


@pytest.mark.parametrize(
    ("day", "route", "text"),
    [
        (D(2023, 12, 31), RemedyRoute.CHOICE, CHOICE_2023),  # day before
        (D(2024, 1, 1), RemedyRoute.RECONSIDERATION_FIRST, FIRST_2024),  # in force
        (D(2024, 1, 2), RemedyRoute.RECONSIDERATION_FIRST, FIRST_2024),
    ],
)
def test_refusal_before_and_after_2024(day: dt.date, route: RemedyRoute, text: str) -> None:
    clause = remedy_clause("denied.process_info", day, ORGAN)
    assert clause.route is route
    assert clause.text == text


def test_other_outcomes_keep_the_choice_after_2024() -> None:
    for key in ("granted", "unable.not_held", "not_processed.duplicate", "other.no_fee"):
        clause = remedy_clause(key, D(2025, 6, 1), ORGAN)
        assert clause.route is RemedyRoute.CHOICE, key
        assert clause.text == CHOICE_2023
        assert "2023年修订" in clause.basis


def test_partial_is_configurable() -> None:
    assert remedy_clause("partial", D(2025, 6, 1), ORGAN).route is RemedyRoute.RECONSIDERATION_FIRST
    lenient = RemedyPolicy(partial_is_refusal=False)
    assert remedy_clause("partial", D(2025, 6, 1), ORGAN, policy=lenient).route is (
        RemedyRoute.CHOICE
    )
    wider = RemedyPolicy(also=frozenset({"unable.not_held"}))
    clause = remedy_clause(outcome("unable.not_held"), D(2025, 6, 1), ORGAN, policy=wider)
    assert clause.route is RemedyRoute.RECONSIDERATION_FIRST


def test_wording_parameters() -> None:
    clause = remedy_clause(
        "denied.state_secret",
        D(2025, 6, 1),
        "某市人民政府",
        court="某区人民法院",
        document="本告知书",
    )
    assert clause.text.startswith("如对本告知书不服，可以自收到本告知书之日起60日内向某市人民政府")
    assert "依法向某区人民法院提起行政诉讼" in clause.text
    assert "第二十三条" in clause.basis


def test_litigation_period_before_may_2015_was_three_months() -> None:
    assert "3个月内" in remedy_clause("granted", D(2015, 4, 30), ORGAN).text
    assert "6个月内" in remedy_clause("granted", D(2015, 5, 1), ORGAN).text


def test_organ_required_and_outcome_known() -> None:
    with pytest.raises(ValueError, match="行政复议机关"):
        remedy_clause("granted", D(2025, 6, 1), "  ")
    with pytest.raises(KeyError):
        remedy_clause("nope", D(2025, 6, 1), ORGAN)
