"""Outcomes as reference data, tied to the report formats' part 三 rows."""

from __future__ import annotations

import pytest

from gongkai.law.outcomes import (
    NoticeKind,
    outcome,
    outcomes,
    outcomes_for_layout,
    refusals,
    row_in_layout,
)
from gongkai.report.formats import FORMAT_2019, FORMAT_2021, OUTCOME_TOTAL_ROW


def _outcome_rows(fmt: object) -> list[str]:
    apply = fmt.apply  # type: ignore[attr-defined]
    return [r.key for r in apply.rows if r.group is not None and r.key != OUTCOME_TOTAL_ROW]


@pytest.mark.parametrize("fmt", [FORMAT_2019, FORMAT_2021], ids=["2019", "2021"])
def test_every_outcome_row_has_an_outcome(fmt: object) -> None:
    keys = _outcome_rows(fmt)
    version = fmt.version  # type: ignore[attr-defined]
    assert [o.key for o in outcomes_for_layout(version)] == keys
    for key in keys:
        o = outcome(key)
        assert version in o.layouts, key
        assert o.row in fmt.apply.rows, key  # type: ignore[attr-defined]  # labels not retyped


def test_layouts() -> None:
    assert outcome("granted").layouts == ("2019", "2021")
    assert outcome("other").layouts == ("2019",)
    assert outcome("other.no_fee").layouts == ("2021",)
    assert len(outcomes()) == 22
    assert row_in_layout("other.no_correction", "2019") == "other"
    assert row_in_layout("other.no_correction", "2021") == "other.no_correction"
    with pytest.raises(KeyError, match="没有对应行"):
        row_in_layout("other", "2021")


def test_refusals_are_the_denied_rows() -> None:
    assert refusals() == {k for k in outcomes() if k.startswith("denied.")}
    assert len(refusals()) == 8
    assert not outcome("partial").refusal


@pytest.mark.parametrize(
    ("key", "article", "notice"),
    [
        ("granted", "第三十六条第（一）项、第（二）项", NoticeKind.DISCLOSE),
        ("partial", "第三十七条", NoticeKind.PARTIAL),
        ("denied.state_secret", "第十四条", NoticeKind.REFUSE),
        ("denied.third_party", "第十五条、第三十二条", NoticeKind.REFUSE),
        ("denied.internal_affairs", "第十六条第一款", NoticeKind.REFUSE),
        ("denied.inquiry", "第三十六条第（七）项", NoticeKind.SPECIAL_PROCEDURE),
        ("unable.needs_creation", "第三十八条", NoticeKind.NO_CREATION),
        ("not_processed.petition", "第三十九条第一款", NoticeKind.NOT_PROCESSED),
        ("not_processed.bulk_repeat", "第三十五条", NoticeKind.NOT_PROCESSED),
        ("other.no_correction", "第三十条", NoticeKind.TERMINATED),
    ],
)
def test_articles_and_notices(key: str, article: str, notice: NoticeKind) -> None:
    o = outcome(key)
    assert o.article == article
    assert o.notice is notice
    assert o.notice.label.startswith("政府信息公开申请")


def test_unknown_basis_is_marked() -> None:
    assert outcome("not_processed.confirm_reissue").mark == "?"
    assert outcome("not_processed.confirm_reissue").article == ""
    assert outcome("denied.state_secret").label == "1.属于国家秘密"
    assert outcome("denied.state_secret").group == "（三）不予公开"
    with pytest.raises(KeyError, match="未知的办理结果"):
        outcome("nope")
