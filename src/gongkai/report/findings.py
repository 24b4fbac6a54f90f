"""Findings: what the parser and the checks say about a report.

Every finding has a stable ``code`` (part of the public contract, like the cell keys), a
severity, and a message in Chinese for the clerk (English on request). The messages are
declared once, in ``CATALOGUE``; callers give only the code and the values to fill in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Stage(StrEnum):
    PARSE = "parse"  # said while reading the source (extraction problems)
    CHECK = "check"  # said by the checks on the data


@dataclass(frozen=True)
class Message:
    severity: Severity
    zh: str
    en: str


E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

CATALOGUE: dict[str, Message] = {
    # ---- identities (勾稽关系)
    "APPLY_BALANCE": Message(
        E,
        "表三“{scope}”列：本年新收与上年结转之和（{left}）不等于办理结果总计与结转下年度之和（{right}）",
        "Table 3, column '{scope}': new + carried in ({left}) differs from total outcomes + carried out ({right})",
    ),
    "APPLY_OUTCOME_SUM": Message(
        E,
        "表三“{scope}”列：（七）总计为 {left}，但各项办理结果之和为 {right}",
        "Table 3, column '{scope}': outcome total is {left} but the outcomes add up to {right}",
    ),
    "APPLY_ROW_SUM": Message(
        E,
        "表三“{scope}”行：总计为 {left}，但自然人与各类法人或其他组织之和为 {right}",
        "Table 3, row '{scope}': total is {left} but the applicant columns add up to {right}",
    ),
    "REMEDY_GROUP_SUM": Message(
        E,
        "表四“{scope}”：总计为 {left}，但维持、纠正、其他结果、尚未审结之和为 {right}",
        "Table 4, '{scope}': total is {left} but its four outcomes add up to {right}",
    ),
    "IDENTITY_UNVERIFIABLE": Message(
        W,
        "因缺少数值，以下勾稽关系无法核验：{names}",
        "These identities cannot be verified because values are missing: {names}",
    ),
    # ---- values
    "VALUE_NEGATIVE": Message(
        E, "{label}：数量不能为负数（{actual}）", "{label}: a count cannot be negative ({actual})"
    ),
    "VALUE_FRACTIONAL": Message(
        E, "{label}：数量应为整数（{actual}）", "{label}: a count must be a whole number ({actual})"
    ),
    "VALUE_INVALID": Message(
        E,
        "{label}：数值“{actual}”不是有效的数字",
        "{label}: the value '{actual}' is not a valid number",
    ),
    "VALUE_MISSING": Message(
        W,
        "{label}：报告中没有填写该数值",
        "{label}: the report gives no value",
    ),
    "VALUE_UNREADABLE": Message(
        W,
        "{label}：无法识别的数值“{raw}”，已按缺失处理",
        "{label}: cannot read the value '{raw}'; treated as missing",
    ),
    "AMOUNT_UNIT_ASSUMED": Message(
        W,
        "{label}：金额“{raw}”未注明单位，按万元读取",
        "{label}: amount '{raw}' has no unit; read as 万元 (10,000 yuan)",
    ),
    "AMOUNT_CONVERTED": Message(
        INFO,
        "{label}：金额“{raw}”以元为单位，已换算为 {actual} 万元",
        "{label}: amount '{raw}' is in yuan; converted to {actual} 万元",
    ),
    # ---- structure
    "SECTION_MISSING": Message(
        E, "报告缺少第{number}部分“{title}”", "The report lacks part {number} '{title}'"
    ),
    "TABLE_MISSING": Message(
        E, "报告缺少{table}，相关数值均无法读取", "The report lacks {table}; its values are unknown"
    ),
    "TABLE_TRUNCATED": Message(
        E,
        "{table}在“{last}”之后中断，缺少 {count} 行：{rows}",
        "{table} breaks off after '{last}'; {count} rows are missing: {rows}",
    ),
    "ROW_MISSING": Message(E, "{table}缺少“{row}”一行", "{table} lacks the row '{row}'"),
    "ROW_UNRECOGNISED": Message(
        W,
        "{table}中无法识别的行“{raw}”，已忽略",
        "{table}: unrecognised row '{raw}' was ignored",
    ),
    "ROW_DUPLICATED": Message(
        W,
        "{table}中“{row}”出现多次，采用第一次出现的数值",
        "{table}: row '{row}' appears more than once; the first is used",
    ),
    "ROW_AMBIGUOUS": Message(
        W,
        "{table}“{row}”一行的数值个数（{found}）与应有列数（{expected}）不符，无法确定对应关系，已按缺失处理",
        "{table}, row '{row}': {found} values for {expected} columns; cannot place them, treated as missing",
    ),
    "COLUMN_EXTRA_IGNORED": Message(
        INFO,
        "{table}“{row}”一行多出 {extra} 个数值，已按勾稽关系剔除多余的列",
        "{table}, row '{row}': {extra} extra values dropped using the identities",
    ),
    "COLUMN_INFERRED": Message(
        W,
        "{label}：原文缺少该数值，已按勾稽关系推算为 {actual}",
        "{label}: missing in the source, inferred as {actual} from the identities",
    ),
    "BLANKS_AS_ZERO": Message(
        INFO,
        "{count} 个空白单元格只能为 0（其余数值已符合勾稽关系，数量不能为负），已按 0 读取：{labels}",
        "{count} blank cells can only be 0 (the rest already balances and counts are never negative); read as 0: {labels}",
    ),
    "ROW_MISPRINTED": Message(
        W,
        "{table}中的行标签“{raw}”与官方格式不符，按最接近的“{row}”一行读取，请核对是否印错",
        "{table}: the row label '{raw}' is not the official one; read as the closest row '{row}' (a misprint?)",
    ),
    "ROW_UNDIVIDED": Message(
        W,
        "表三按2019年版格式印了一行“{row}”（{values}），没有分为2021年版的三个分项：{result}",
        "Table 3 prints the 2019 layout's single row '{row}' ({values}) instead of the 2021 layout's three sub-rows: {result}",
    ),
    "DIGITS_SPLIT": Message(
        INFO,
        "{table}的数字连在一起（单元格之间没有分隔），已按各行列数与勾稽关系拆分：{rows}",
        "{table}: the cells' digits ran together; split by the column counts and identities: {rows}",
    ),
    "DIGITS_AMBIGUOUS": Message(
        W,
        "{table}“{row}”一行的数字连在一起（“{raw}”），有多种拆分均符合勾稽关系：{readings}，无法确定，已按缺失处理",
        "{table}, row '{row}': the digits ran together ('{raw}') and several splits fit: {readings}; left unknown",
    ),
    "FORMAT_YEAR_MISMATCH": Message(
        E,
        "{year}年度报告应使用{expected}格式，但本报告使用了{actual}格式",
        "A report for {year} must use the {expected} layout, but this one uses the {actual} layout",
    ),
    "FORMAT_MIXED": Message(
        W,
        "报告中同时出现2019年版与2021年版格式的表格内容，按{actual}格式读取",
        "The report mixes 2019 and 2021 layout elements; read as the {actual} layout",
    ),
    "TITLE_UNREADABLE": Message(
        W,
        "无法从标题中识别{what}",
        "Cannot read the {what} from the title",
    ),
    # ---- narrative against tables and itself
    "NARRATIVE_CONTRADICTS_TABLE": Message(
        E,
        "正文称“{quote}”（{actual}），但{label}为 {expected}",
        "The text says '{quote}' ({actual}) but {label} is {expected}",
    ),
    "NARRATIVE_INCONSISTENT": Message(
        E,
        "正文前后矛盾：“{quote}”为 {actual}，而“{other}”为 {expected}",
        "The text contradicts itself: '{quote}' gives {actual} but '{other}' gives {expected}",
    ),
    "NARRATIVE_BREAKDOWN_SUM": Message(
        W,
        "正文“{quote}”：分项之和 {actual} 与所述总数 {expected} 不符",
        "The text '{quote}': the parts add up to {actual}, not the stated total {expected}",
    ),
    "NARRATIVE_PERCENT": Message(
        W,
        "正文“{quote}”：占比应为 {expected}%，而非 {actual}%",
        "The text '{quote}': the share should be {expected}%, not {actual}%",
    ),
    # ---- scanned reports read by OCR (parse/ocr.py, checks/ocr.py)
    "OCR_MISREAD_SUSPECTED": Message(
        W,
        "{label}：扫描件识别为 {actual}，但若读作 {expected}（“{raw}”→“{reading}”，只差一个字符），涉及该格的勾稽关系均成立；请对照原件确认，数值未作改动",
        "{label}: read by OCR as {actual}, but reading it as {expected} ('{raw}' → '{reading}', one character) makes every identity through it hold; please confirm against the scan (the value was not changed)",
    ),
    "OCR_LOW_CONFIDENCE": Message(
        INFO,
        "{count} 个单元格的 OCR 识别置信度较低（低于 {threshold}），请对照扫描件核对：{labels}",
        "{count} cells were read by OCR with low confidence (below {threshold}); please check them against the scan: {labels}",
    ),
    # ---- figures changed by hand in the report workspace (gongkai.workspace)
    "MANUAL_OVERRIDE": Message(
        W,
        "{label}：汇编数值 {expected} 已人工调整为 {actual}，理由：{reason}",
        "{label}: the compiled value {expected} was changed by hand to {actual}; reason: {reason}",
    ),
    # ---- across years
    "CARRY_OVER_MISMATCH": Message(
        W,
        "“{scope}”列：本年上年结转（{actual}）与上一年度报告的结转下年度（{expected}）不一致",
        "Column '{scope}': carried in ({actual}) differs from last year's carried out ({expected})",
    ),
    "IN_FORCE_CHAIN": Message(
        W,
        "{label}：现行有效件数为 {actual}，按上一年度现行有效件数 {previous} 加本年制发 {issued} 减本年废止 {repealed} 应为 {expected}（文件修订等情况可能造成差异，请核对）",
        "{label}: {actual} in force, but last year's {previous} + {issued} issued - {repealed} repealed gives {expected} (amendments may explain a difference; please verify)",
    ),
    "PREVIOUS_NOT_COMPARABLE": Message(
        W,
        "上一年度报告（{other}）与本报告不是同一机关的相邻年度，未做跨年核对",
        "The previous report ({other}) is not the same agency's preceding year; not compared",
    ),
}


@dataclass(frozen=True)
class Location:
    source: str | None = None
    page: int | None = None
    line: int | None = None

    def __str__(self) -> str:
        parts = [self.source or "?"]
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.line is not None:
            parts.append(f"第{self.line}行")
        return " ".join(parts)


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    message_en: str
    cells: tuple[str, ...] = ()
    expected: Any = None
    actual: Any = None
    location: Location | None = None
    stage: Stage = Stage.CHECK
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def text(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message


def finding(
    code: str,
    *,
    cells: tuple[str, ...] | list[str] = (),
    expected: Any = None,
    actual: Any = None,
    location: Location | None = None,
    stage: Stage = Stage.CHECK,
    **params: Any,
) -> Finding:
    """Make a finding from the catalogue; ``params`` fill the message templates."""
    msg = CATALOGUE[code]
    values = {"expected": expected, "actual": actual, **params}
    return Finding(
        code=code,
        severity=msg.severity,
        message=msg.zh.format(**values),
        message_en=msg.en.format(**values),
        cells=tuple(cells),
        expected=expected,
        actual=actual,
        location=location,
        stage=stage,
        params=params,
    )


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
