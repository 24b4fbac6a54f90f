"""The remedy clause (救济途径) of a notice, following the law in force on the notice's date.

* Before 2024-01-01, every answer: 60 days to apply for 行政复议 **or** 6 months to sue
  (行政复议法 1999/2017 第九条; 行政诉讼法 第四十六条 — 3 months before its 2014 amendment
  took effect on 2015-05-01, old 第三十九条).
* From 2024-01-01 (行政复议法 2023 修订): "申请政府信息公开，行政机关不予公开" must go to
  行政复议 first (复议前置, 第二十三条第一款第（四）项); the applicant may sue within 15 days of
  receiving the 复议 decision (行政诉讼法 第四十五条). Other answers keep the choice
  (复议 60 days, 第二十条; 诉讼 6 months).

Which answers count as "不予公开" is not settled: all （三）不予公开 rows do, 部分公开 does by
default (the withheld part is refused) and an agency may add more — see :class:`RemedyPolicy`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from gongkai.law.outcomes import Outcome, outcome, refusals

RECONSIDERATION_FIRST_FROM = dt.date(2024, 1, 1)  # 行政复议法（2023年修订）施行
SIX_MONTHS_FROM = dt.date(2015, 5, 1)  # 行政诉讼法（2014年修正）施行：起诉期限 3 个月 → 6 个月


class RemedyRoute(StrEnum):
    CHOICE = "choice"  # 行政复议 或 行政诉讼
    RECONSIDERATION_FIRST = "reconsideration_first"  # 复议前置


@dataclass(frozen=True)
class RemedyPolicy:
    """Which outcomes are treated as 不予公开 for 复议前置 (configurable per agency)."""

    partial_is_refusal: bool = True
    also: frozenset[str] = frozenset()  # further outcome keys to treat as refusals

    def reconsideration_first(self, key: str) -> bool:
        if key in refusals() or key in self.also:
            return True
        return self.partial_is_refusal and key == "partial"


@dataclass(frozen=True)
class RemedyClause:
    route: RemedyRoute
    text: str  # ready to print in the notice
    basis: str  # the statutes behind the wording, for reviewers


def remedy_clause(
    result: str | Outcome,
    notice_date: dt.date,
    reconsideration_organ: str,
    *,
    court: str = "人民法院",
    document: str = "本答复",
    policy: RemedyPolicy | None = None,
) -> RemedyClause:
    """The 救济途径 sentence for a notice of outcome ``result`` dated ``notice_date``.

    >>> remedy_clause("denied.state_secret", dt.date(2025, 3, 1), "某县人民政府").route
    <RemedyRoute.RECONSIDERATION_FIRST: 'reconsideration_first'>
    """
    organ = reconsideration_organ.strip()
    if not organ:
        raise ValueError("须写明行政复议机关名称")
    key = result.key if isinstance(result, Outcome) else outcome(result).key
    policy = policy or RemedyPolicy()
    lead = f"如对{document}不服，可以自收到{document}之日起60日内向{organ}申请行政复议"
    if notice_date >= RECONSIDERATION_FIRST_FROM and policy.reconsideration_first(key):
        text = (
            f"{lead}；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内依法向{court}"
            "提起行政诉讼。依照《中华人民共和国行政复议法》规定，对不予公开政府信息不服的，"
            "应当先申请行政复议。"
        )
        basis = (
            "《中华人民共和国行政复议法》（2023年修订）第二十条、第二十三条第一款第（四）项；"
            "《中华人民共和国行政诉讼法》第四十五条"
        )
        return RemedyClause(RemedyRoute.RECONSIDERATION_FIRST, text, basis)
    months = 6 if notice_date >= SIX_MONTHS_FROM else 3
    text = f"{lead}，也可以自收到{document}之日起{months}个月内依法向{court}提起行政诉讼。"
    if notice_date >= RECONSIDERATION_FIRST_FROM:
        basis = "《中华人民共和国行政复议法》（2023年修订）第二十条；《中华人民共和国行政诉讼法》第四十六条"
    elif months == 6:
        basis = "《中华人民共和国行政复议法》第九条；《中华人民共和国行政诉讼法》第四十六条"
    else:
        basis = (
            "《中华人民共和国行政复议法》第九条；《中华人民共和国行政诉讼法》（1989年）第三十九条"
        )
    return RemedyClause(RemedyRoute.CHOICE, text, basis)
