"""The official annual-report formats (政府信息公开工作年度报告格式), declared once as data.

Two layouts exist:

* ``"2019"`` — 国办公开办函〔2019〕60号, used for the 2019 and 2020 reports;
* ``"2021"`` — 国办公开办函〔2021〕30号, used for the 2021 reports onward.

Everything else in gongkai — the model, the checks, the parsers, the renderers, the JSON
Schema and the database columns — is derived from the declarations in this module. No official
label is written anywhere else in the code: look it up here.

A cell is addressed by a canonical key ``"<table>.<row>.<column>"`` (see ``docs/format.md``);
these keys are a public contract and are never renamed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


class Unit(StrEnum):
    """What a cell's number measures."""

    COUNT = "count"  # 件/条/项: a whole number
    AMOUNT = "amount"  # 金额, in 万元: an exact decimal


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    variants: tuple[str, ...] = ()
    unit: Unit = Unit.COUNT
    signed: bool = False  # 2019 "本年增/减" may be negative

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.variants)


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    group: str | None = None  # the merged label above it, e.g. "（三）不予公开"
    variants: tuple[str, ...] = ()
    core: str | None = None  # the distinctive part used for matching, if not the label

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.core or self.label, *self.variants)


@dataclass(frozen=True)
class Grid:
    """One printed table (or one block of part 二): rows × columns of cells."""

    table: str  # "active" | "apply" | "remedy"
    title: str
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    corner: str = ""  # text of the top-left header cell

    def key(self, row: Row, column: Column) -> str:
        return f"{self.table}.{row.key}.{column.key}"

    def cell_keys(self) -> list[str]:
        return [self.key(r, c) for r in self.rows for c in self.columns]


@dataclass(frozen=True)
class Section:
    """One of the six parts of the report; ``key`` names its narrative text."""

    key: str
    number: str  # "一" … "六"
    title: str
    keywords: tuple[str, ...]  # any of these in a heading identifies the part

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}"


@dataclass(frozen=True)
class Identity:
    """An accounting identity (勾稽关系): sum(left) must equal sum(right)."""

    code: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    scope: str  # human-readable place, e.g. "自然人" or "（七）总计"

    @property
    def cells(self) -> tuple[str, ...]:
        return (*self.left, *self.right)


@dataclass(frozen=True)
class Bound:
    """An inequality every true report meets: sum(greater) ≥ sum(lesser). Not a check of the
    report (a misprint may break it) but a limit on how run-together digits may be read:
    documents issued this year and not repealed are still in force, so 现行有效 + 本年废止 ≥
    本年制发; what was newly published is part of what is published in all."""

    greater: tuple[str, ...]
    lesser: tuple[str, ...]

    @property
    def cells(self) -> tuple[str, ...]:
        return (*self.greater, *self.lesser)


@dataclass(frozen=True)
class CellSpec:
    key: str
    grid: Grid
    row: Row
    column: Column

    @property
    def unit(self) -> Unit:
        return self.column.unit

    @property
    def signed(self) -> bool:
        return self.column.signed

    @property
    def label(self) -> str:
        """A clerk-readable name of the cell, e.g. "表三 （一）予以公开 · 自然人"."""
        part = {"active": "表二", "apply": "表三", "remedy": "表四"}[self.grid.table]
        if self.grid.table == "active":
            return f"{part} {self.grid.title} {self.row.label} · {self.column.label}"
        return f"{part} {self.row.label} · {self.column.label}"


@dataclass(frozen=True)
class ReportFormat:
    version: str  # "2019" | "2021"
    name: str
    document: str
    years: tuple[int, int | None]  # first and last report year the layout is for
    active: tuple[Grid, ...]
    apply: Grid
    remedy: Grid
    sections: tuple[Section, ...] = field(default=())

    @property
    def grids(self) -> tuple[Grid, ...]:
        return (*self.active, self.apply, self.remedy)

    @cached_property
    def cells(self) -> dict[str, CellSpec]:
        """Every cell of the layout, in official reading order."""
        return {
            g.key(r, c): CellSpec(g.key(r, c), g, r, c)
            for g in self.grids
            for r in g.rows
            for c in g.columns
        }

    @cached_property
    def identities(self) -> tuple[Identity, ...]:
        return _identities(self)

    @cached_property
    def bounds(self) -> tuple[Bound, ...]:
        return _BOUNDS[self.version]

    def is_for_year(self, year: int) -> bool:
        first, last = self.years
        return year >= first and (last is None or year <= last)


# ---------------------------------------------------------------- the six parts

SECTIONS = (
    Section("overview", "一", "总体情况", ("总体情况", "概述", "基本情况")),
    Section("proactive", "二", "主动公开政府信息情况", ("主动公开",)),
    Section("applications", "三", "收到和处理政府信息公开申请情况", ("收到和处理", "申请情况")),
    Section("remedies", "四", "政府信息公开行政复议、行政诉讼情况", ("行政复议", "行政诉讼")),
    Section(
        "problems",
        "五",
        "存在的主要问题及改进情况",
        ("主要问题", "改进情况", "存在的问题", "改进措施", "突出问题", "改进举措"),
    ),
    Section(
        "other",
        "六",
        "其他需要报告的事项",
        ("其他需要报告", "其他需报告", "其他事项", "需要说明", "其他需说明"),
    ),
)
PREAMBLE = "preamble"  # the text between the title and part 一
SECTION_KEYS = (PREAMBLE, *(s.key for s in SECTIONS))

# ---------------------------------------------------------------- part 二

_CONTENT = "信息内容"
_PREV = Column("prev_count", "上一年项目数量")
_CHANGE = Column("change", "本年增/减", ("本年增减", "本年增／减"), signed=True)
_DECISIONS_2019 = Column("decisions", "处理决定数量")
_DECISIONS_2021 = Column("decisions", "本年处理决定数量", ("处理决定数量",))

_ITEM = "第二十条第（{}）项"

ACTIVE_2019 = (
    Grid(
        "active",
        _ITEM.format("一"),
        (Row("rules", "规章"), Row("normative", "规范性文件")),
        (
            Column("new_made", "本年新制作数量", ("新制作数量",)),
            Column("new_published", "本年新公开数量", ("新公开数量",)),
            Column("total_published", "对外公开总数量", ("公开总数量",)),
        ),
        corner=_CONTENT,
    ),
    Grid(
        "active",
        _ITEM.format("五"),
        (Row("licensing", "行政许可"), Row("other_services", "其他对外管理服务事项")),
        (_PREV, _CHANGE, _DECISIONS_2019),
        corner=_CONTENT,
    ),
    Grid(
        "active",
        _ITEM.format("六"),
        (Row("punishment", "行政处罚"), Row("coercion", "行政强制")),
        (_PREV, _CHANGE, _DECISIONS_2019),
        corner=_CONTENT,
    ),
    Grid(
        "active",
        _ITEM.format("八"),
        (Row("fees", "行政事业性收费"),),
        (_PREV, _CHANGE),
        corner=_CONTENT,
    ),
    Grid(
        "active",
        _ITEM.format("九"),
        (Row("procurement", "政府集中采购"),),
        (
            Column("projects", "采购项目数量"),
            Column("amount", "采购总金额", unit=Unit.AMOUNT),
        ),
        corner=_CONTENT,
    ),
)

ACTIVE_2021 = (
    Grid(
        "active",
        _ITEM.format("一"),
        (Row("rules", "规章"), Row("normative", "行政规范性文件", variants=("规范性文件",))),
        (
            Column("issued", "本年制发件数", ("制发件数",)),
            Column("repealed", "本年废止件数", ("废止件数",)),
            Column("in_force", "现行有效件数", ("有效件数",)),
        ),
        corner=_CONTENT,
    ),
    Grid(
        "active", _ITEM.format("五"), (Row("licensing", "行政许可"),), (_DECISIONS_2021,), _CONTENT
    ),
    Grid(
        "active",
        _ITEM.format("六"),
        (Row("punishment", "行政处罚"), Row("coercion", "行政强制")),
        (_DECISIONS_2021,),
        corner=_CONTENT,
    ),
    Grid(
        "active",
        _ITEM.format("八"),
        (Row("fees", "行政事业性收费"),),
        (
            Column(
                "amount", "本年收费金额（单位：万元）", ("本年收费金额", "收费金额"), Unit.AMOUNT
            ),
        ),
        corner=_CONTENT,
    ),
)

# ---------------------------------------------------------------- part 三

APPLY_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS = "申请人情况"
ORGANISATIONS = "法人或其他组织"

APPLY_COLUMNS = (
    Column("natural_person", "自然人"),
    Column("commercial", "商业企业"),
    Column("research", "科研机构"),
    Column("social_welfare", "社会公益组织", ("社会组织", "社会公益")),
    Column("legal_service", "法律服务机构", ("法律服务",)),
    Column("other_org", "其他"),
    Column("total", "总计"),
)
APPLICANT_COLUMNS = tuple(c.key for c in APPLY_COLUMNS if c.key != "total")

_RESULT = "三、本年度办理结果"
_DENIED = "（三）不予公开"
_UNABLE = "（四）无法提供"
_NOT_PROCESSED = "（五）不予处理"
_OTHER = "（六）其他处理"
_GRANTED = "（一）予以公开"
_PARTIAL = "（二）部分公开"


def _unnumbered(label: str) -> str:
    """「（三）不予公开」→「不予公开」: how a sentence names the group."""
    return label.split("）", 1)[1]


# The outcome groups of part 三, by key prefix, as the narrative names them.
OUTCOME_GROUPS = tuple(
    (prefix, _unnumbered(label))
    for prefix, label in (
        ("granted", _GRANTED),
        ("partial", _PARTIAL),
        ("denied", _DENIED),
        ("unable", _UNABLE),
        ("not_processed", _NOT_PROCESSED),
        ("other", _OTHER),
    )
)


def _apply_rows(other_rows: tuple[Row, ...]) -> tuple[Row, ...]:
    return (
        Row("new", "一、本年新收政府信息公开申请数量", core="本年新收"),
        Row("carried_in", "二、上年结转政府信息公开申请数量", core="上年结转"),
        Row("granted", _GRANTED, _RESULT, core=_unnumbered(_GRANTED)),
        Row(
            "partial",
            _PARTIAL + "（区分处理的，只计这一情形，不计其他情形）",
            _RESULT,
            core=_unnumbered(_PARTIAL),
        ),
        Row("denied.state_secret", "1.属于国家秘密", _DENIED, core="国家秘密"),
        Row(
            "denied.prohibited_by_law",
            "2.其他法律行政法规禁止公开",
            _DENIED,
            ("法律法规禁止公开", "禁止公开"),
            core="法律行政法规禁止公开",
        ),
        Row(
            "denied.three_safeties",
            "3.危及“三安全一稳定”",
            _DENIED,
            ("三安全",),
            core="三安全一稳定",
        ),
        Row("denied.third_party", "4.保护第三方合法权益", _DENIED, core="第三方合法权益"),
        Row("denied.internal_affairs", "5.属于三类内部事务信息", _DENIED, core="内部事务"),
        Row("denied.process_info", "6.属于四类过程性信息", _DENIED, core="过程性信息"),
        Row("denied.enforcement_files", "7.属于行政执法案卷", _DENIED, core="执法案卷"),
        Row("denied.inquiry", "8.属于行政查询事项", _DENIED, core="行政查询"),
        Row("unable.not_held", "1.本机关不掌握相关政府信息", _UNABLE, ("不掌握相",), core="不掌握"),
        Row("unable.needs_creation", "2.没有现成信息需要另行制作", _UNABLE, core="另行制作"),
        Row(
            "unable.unclear", "3.补正后申请内容仍不明确", _UNABLE, ("仍不明确",), core="补正后申请"
        ),
        Row("not_processed.petition", "1.信访举报投诉类申请", _NOT_PROCESSED, core="信访举报投诉"),
        Row("not_processed.duplicate", "2.重复申请", _NOT_PROCESSED, core="重复申请"),
        Row("not_processed.publication", "3.要求提供公开出版物", _NOT_PROCESSED, core="公开出版物"),
        Row(
            "not_processed.bulk_repeat", "4.无正当理由大量反复申请", _NOT_PROCESSED, core="大量反复"
        ),
        Row(
            "not_processed.confirm_reissue",
            "5.要求行政机关确认或重新出具已获取信息",
            _NOT_PROCESSED,
            core="重新出具",
        ),
        *other_rows,
        Row("outcome_total", "（七）总计", _RESULT, core="（七）总计", variants=("七)总计",)),
        Row("carried_out", "四、结转下年度继续办理", core="结转下年度"),
    )


APPLY_2019 = Grid(
    "apply",
    "收到和处理政府信息公开申请情况",
    _apply_rows((Row("other", _OTHER, _RESULT, core=_unnumbered(_OTHER)),)),
    APPLY_COLUMNS,
    corner=APPLY_CORNER,
)
APPLY_2021 = Grid(
    "apply",
    "收到和处理政府信息公开申请情况",
    _apply_rows(
        (
            Row(
                "other.no_correction",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                _OTHER,
                core="逾期不补正",
            ),
            Row(
                "other.no_fee",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                _OTHER,
                ("缴纳费用",),
                core="收费通知",
            ),
            Row("other.other", "3.其他", _OTHER, core="3.其他"),
        )
    ),
    APPLY_COLUMNS,
    corner=APPLY_CORNER,
)

# Rows of 三、本年度办理结果 that add up to （七）总计.
OUTCOME_TOTAL_ROW = "outcome_total"
BALANCE_LEFT_ROWS = ("new", "carried_in")
BALANCE_RIGHT_ROWS = ("outcome_total", "carried_out")

# ---------------------------------------------------------------- part 四

REMEDY_GROUPS_HEADER = {"reconsideration": "行政复议", "litigation": "行政诉讼"}
REMEDY = Grid(
    "remedy",
    "政府信息公开行政复议、行政诉讼情况",
    (
        Row("reconsideration", "行政复议"),
        Row("litigation_direct", "未经复议直接起诉", core="直接起诉"),
        Row("litigation_after", "复议后起诉"),
    ),
    (
        Column("upheld", "结果维持"),
        Column("corrected", "结果纠正"),
        Column("other", "其他结果"),
        Column("pending", "尚未审结"),
        Column("total", "总计"),
    ),
)

# ---------------------------------------------------------------- the formats

FORMAT_2019 = ReportFormat(
    "2019",
    "政府信息公开工作年度报告格式（2019年版）",
    "国办公开办函〔2019〕60号",
    (2019, 2020),
    ACTIVE_2019,
    APPLY_2019,
    REMEDY,
    SECTIONS,
)
FORMAT_2021 = ReportFormat(
    "2021",
    "政府信息公开工作年度报告格式（2021年版）",
    "国办公开办函〔2021〕30号",
    (2021, None),
    ACTIVE_2021,
    APPLY_2021,
    REMEDY,
    SECTIONS,
)
FORMATS: dict[str, ReportFormat] = {f.version: f for f in (FORMAT_2019, FORMAT_2021)}


def format_for_year(year: int) -> ReportFormat:
    """The layout a report for ``year`` must use (2019 format up to 2020, then 2021)."""
    for fmt in FORMATS.values():
        if fmt.is_for_year(year):
            return fmt
    return FORMAT_2019


def all_cell_keys() -> list[str]:
    """Every canonical key of every format, without repeats, in reading order."""
    seen: dict[str, None] = {}
    for fmt in FORMATS.values():
        seen.update(dict.fromkeys(fmt.cells))
    return list(seen)


# ---------------------------------------------------------------- bounds

_DOCUMENT_ROWS = ("rules", "normative")
_BOUNDS = {
    "2019": tuple(
        Bound((f"active.{r}.total_published",), (f"active.{r}.new_published",))
        for r in _DOCUMENT_ROWS
    ),
    "2021": tuple(
        Bound((f"active.{r}.in_force", f"active.{r}.repealed"), (f"active.{r}.issued",))
        for r in _DOCUMENT_ROWS
    ),
}

# ---------------------------------------------------------------- identities


def _identities(fmt: ReportFormat) -> tuple[Identity, ...]:
    """Expand the 勾稽关系 of §2.5 of the domain rules into concrete cell identities."""
    apply, remedy = fmt.apply, fmt.remedy
    rows = {r.key: r for r in apply.rows}
    outcome_rows = [r for r in apply.rows if r.group is not None and r.key != OUTCOME_TOTAL_ROW]
    out: list[Identity] = []
    for col in apply.columns:
        # 第一项加第二项之和，等于第三项加第四项之和 (stated in the table's corner cell)
        out.append(
            Identity(
                "APPLY_BALANCE",
                tuple(apply.key(rows[k], col) for k in BALANCE_LEFT_ROWS),
                tuple(apply.key(rows[k], col) for k in BALANCE_RIGHT_ROWS),
                col.label,
            )
        )
        out.append(
            Identity(
                "APPLY_OUTCOME_SUM",
                (apply.key(rows[OUTCOME_TOTAL_ROW], col),),
                tuple(apply.key(r, col) for r in outcome_rows),
                col.label,
            )
        )
    total_col = next(c for c in apply.columns if c.key == "total")
    for row in apply.rows:
        out.append(
            Identity(
                "APPLY_ROW_SUM",
                (apply.key(row, total_col),),
                tuple(apply.key(row, c) for c in apply.columns if c is not total_col),
                row.label,
            )
        )
    remedy_total = next(c for c in remedy.columns if c.key == "total")
    for row in remedy.rows:
        out.append(
            Identity(
                "REMEDY_GROUP_SUM",
                (remedy.key(row, remedy_total),),
                tuple(remedy.key(row, c) for c in remedy.columns if c is not remedy_total),
                row.label,
            )
        )
    return tuple(out)
