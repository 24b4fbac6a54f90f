"""Outcomes of an application (办理结果) as reference data, one per annual-report row.

Each outcome is a row of part 三 of the annual report (三、本年度办理结果) — its key and label
come from :mod:`gongkai.report.formats`, never retyped here — plus what the law engine needs:
the 条例 article it rests on (domain rules §1.5), the report layouts it exists in, whether it
is a refusal to disclose (不予公开, which since 2024-01-01 must go to 行政复议 first), and the
notice (答复书/告知书) it requires.

``mark`` says how sure the article mapping is: ``"S"`` stated by the 条例, ``"D"`` our reading,
``"?"`` no basis found (the report formats print no article numbers).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from gongkai.report.formats import FORMATS, OUTCOME_TOTAL_ROW, Row


class NoticeKind(StrEnum):
    """The written answer an outcome requires (§4.2 of the domain rules)."""

    DISCLOSE = "disclose"
    PARTIAL = "partial"
    REFUSE = "refuse"
    SPECIAL_PROCEDURE = "special_procedure"
    NOT_HELD = "not_held"
    NO_CREATION = "no_creation"
    STILL_UNCLEAR = "still_unclear"
    NOT_PROCESSED = "not_processed"
    TERMINATED = "terminated"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _NOTICE_LABELS[self]


_NOTICE_LABELS = {
    NoticeKind.DISCLOSE: "政府信息公开申请答复书（予以公开）",
    NoticeKind.PARTIAL: "政府信息公开申请答复书（部分公开）",
    NoticeKind.REFUSE: "政府信息公开申请答复书（不予公开）",
    NoticeKind.SPECIAL_PROCEDURE: "政府信息公开申请答复书（按特别规定办理）",
    NoticeKind.NOT_HELD: "政府信息公开申请答复书（信息不存在或非本机关负责公开）",
    NoticeKind.NO_CREATION: "政府信息公开申请答复书（需另行制作，不予提供）",
    NoticeKind.STILL_UNCLEAR: "政府信息公开申请答复书（补正后仍不明确）",
    NoticeKind.NOT_PROCESSED: "政府信息公开申请告知书（不予处理）",
    NoticeKind.TERMINATED: "政府信息公开申请终止处理告知书（视为放弃申请）",
    NoticeKind.OTHER: "政府信息公开申请告知书",
}


@dataclass(frozen=True)
class Outcome:
    """One outcome: its report row plus its legal basis and notice."""

    key: str  # the part 三 row key, e.g. "denied.state_secret"
    row: Row  # the official row (label, group) from gongkai.report.formats
    article: str  # 条例 article(s), as printed in a notice; "" when none is known
    mark: str  # "S" | "D" | "?"
    refusal: bool  # 不予公开 (行政复议法 2023: 复议前置 since 2024-01-01)
    notice: NoticeKind
    layouts: tuple[str, ...]  # report format versions that have the row

    @property
    def label(self) -> str:
        return self.row.label

    @property
    def group(self) -> str | None:
        return self.row.group


# key → (article, mark, refusal, notice). The article column follows domain rules §1.5.
_LEGAL: dict[str, tuple[str, str, bool, NoticeKind]] = {
    "granted": ("第三十六条第（一）项、第（二）项", "S", False, NoticeKind.DISCLOSE),
    "partial": ("第三十七条", "S", False, NoticeKind.PARTIAL),
    "denied.state_secret": ("第十四条", "S", True, NoticeKind.REFUSE),
    "denied.prohibited_by_law": ("第十四条", "S", True, NoticeKind.REFUSE),
    "denied.three_safeties": ("第十四条", "S", True, NoticeKind.REFUSE),
    "denied.third_party": ("第十五条、第三十二条", "S", True, NoticeKind.REFUSE),
    "denied.internal_affairs": ("第十六条第一款", "S", True, NoticeKind.REFUSE),
    "denied.process_info": ("第十六条第二款", "S", True, NoticeKind.REFUSE),
    "denied.enforcement_files": ("第十六条第二款", "S", True, NoticeKind.REFUSE),
    # Counted under （三）不予公开 by the report; the answer points to the special procedure.
    "denied.inquiry": ("第三十六条第（七）项", "D", True, NoticeKind.SPECIAL_PROCEDURE),
    "unable.not_held": ("第三十六条第（四）项、第（五）项", "D", False, NoticeKind.NOT_HELD),
    "unable.needs_creation": ("第三十八条", "S", False, NoticeKind.NO_CREATION),
    "unable.unclear": ("第三十条", "D", False, NoticeKind.STILL_UNCLEAR),
    "not_processed.petition": ("第三十九条第一款", "S", False, NoticeKind.NOT_PROCESSED),
    "not_processed.duplicate": ("第三十六条第（六）项", "S", False, NoticeKind.NOT_PROCESSED),
    "not_processed.publication": ("第三十九条第二款", "S", False, NoticeKind.NOT_PROCESSED),
    "not_processed.bulk_repeat": ("第三十五条", "S", False, NoticeKind.NOT_PROCESSED),
    "not_processed.confirm_reissue": ("", "?", False, NoticeKind.NOT_PROCESSED),
    "other": ("", "?", False, NoticeKind.OTHER),  # 2019 layout: one row for all
    "other.no_correction": ("第三十条", "D", False, NoticeKind.TERMINATED),
    "other.no_fee": ("第四十二条；国办函〔2020〕109号", "S", False, NoticeKind.TERMINATED),
    "other.other": ("", "?", False, NoticeKind.OTHER),
}


def _outcome_rows() -> dict[str, tuple[Row, tuple[str, ...]]]:
    """Every outcome row of every layout, in reading order, with the layouts that have it."""
    rows: dict[str, tuple[Row, tuple[str, ...]]] = {}
    for version, fmt in FORMATS.items():
        for row in fmt.apply.rows:
            if row.group is None or row.key == OUTCOME_TOTAL_ROW:
                continue
            first, layouts = rows.get(row.key, (row, ()))
            rows[row.key] = (first, (*layouts, version))
    return rows


@cache
def outcomes() -> dict[str, Outcome]:
    """All outcomes by report-row key (both layouts; 2019's ``other`` and 2021's three)."""
    result: dict[str, Outcome] = {}
    for key, (row, layouts) in _outcome_rows().items():
        if key not in _LEGAL:
            raise LookupError(f"report row {key!r} has no legal mapping in gongkai.law.outcomes")
        article, mark, refusal, notice = _LEGAL[key]
        result[key] = Outcome(key, row, article, mark, refusal, notice, layouts)
    return result


def outcome(key: str) -> Outcome:
    """The outcome for a report-row key; ``KeyError`` names the unknown key."""
    try:
        return outcomes()[key]
    except KeyError:
        raise KeyError(f"未知的办理结果：{key}") from None


def outcomes_for_layout(version: str) -> tuple[Outcome, ...]:
    """The outcomes a report in layout ``version`` ("2019" | "2021") counts, in row order."""
    return tuple(o for o in outcomes().values() if version in o.layouts)


def refusals() -> frozenset[str]:
    """Keys of the 不予公开 outcomes."""
    return frozenset(k for k, o in outcomes().items() if o.refusal)


def row_in_layout(key: str, version: str) -> str:
    """The row an outcome is counted in for layout ``version``.

    The 2019 layout has one （六）其他处理 row where 2021 has three: ``other.*`` → ``other``.
    """
    if version in outcome(key).layouts:
        return key
    if key.startswith("other") and version in outcome("other").layouts:
        return "other"
    raise KeyError(f"办理结果 {key} 在 {version} 年版格式中没有对应行")
