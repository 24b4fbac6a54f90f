"""Narrative checks: the figures the text states, against the tables and against itself.

Domain rules §2.5 item 9: numbers stated in 一、总体情况 (and the other narrative parts) should
match the tables; published reports contradict them. The patterns below are deliberately
narrow — a statement we are not sure we understood is skipped, never reported:

* applications received this year ("本年度收到4件政府信息公开申请", "共收到政府信息公开申请0件",
  "未收到政府信息公开申请") against ``apply.new.total`` (or new + carried in, which some
  reports count as "收到") → NARRATIVE_CONTRADICTS_TABLE;
* "no 行政复议 / 行政诉讼" ("没有出现因政府信息公开申请行政复议、提起行政诉讼") against the
  totals of 表四 → NARRATIVE_CONTRADICTS_TABLE;
* the year's proactively published count stated twice with different numbers
  ("全年主动公开信息14条" … "其中主动公开信息数16条") → NARRATIVE_INCONSISTENT; cumulative
  ("历年累计"), per-channel ("在门户网站主动公开…") and sub-kind ("主动公开公文类政府信息")
  statements are not the year's count;
* breakdowns ("…23条，其中A1条，B4条，…") whose ≥ 2 parts do not add up to the total
  → NARRATIVE_BREAKDOWN_SUM; "包括" after a part breaks down that part;
* shares ("3条，占比18.75%") off by more than the stated precision → NARRATIVE_PERCENT.

Numbers may be spaced, full-width or simple Chinese numerals. Part 五 (problems, plans for
next year) is not read: its numbers are intentions, not facts of the year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from ..findings import Finding, Location, finding
from ..formats import PREAMBLE
from ..model import Report
from .values import SAFE, is_valid_number

SECTIONS = (PREAMBLE, "overview", "proactive", "applications", "remedies", "other")

_CN_DIGITS = "零〇一二两三四五六七八九十百千万"
_NUM = rf"(?:[0-9]+|[{_CN_DIGITS}]+)"
# A count is not read after these: 第二十条 is an article, 1.5条 a decimal, 唯一条 a word.
_NOT_BEFORE_COUNT = frozenset("第.统唯进每同单")

# ---------------------------------------------------------------- normalising


_TO_ASCII = {c: chr(ord(c) - 0xFEE0) for c in "０１２３４５６７８９％．"}
_TO_WIDE = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
_RETYPE = {**_TO_ASCII, **_TO_WIDE}
_RETYPED = re.compile(f"[{re.escape(''.join(_RETYPE))}]")
_THOUSANDS = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Full-width digits to ASCII, punctuation to full-width, no whitespace at all.

    Whitespace goes entirely: published text splits numbers from their words ("数 70 条")
    and breaks sentences across lines and pages ("没有出\\n\\n现因…").
    """
    text = _THOUSANDS.sub("", _RETYPED.sub(lambda m: _RETYPE[m.group()], text))
    return _SPACE.sub("", text)


@lru_cache(maxsize=2048)
def number(token: str) -> int | None:
    """The value of an Arabic or simple Chinese numeral token, or None."""
    if token.isascii():
        return int(token) if token.isdigit() and len(token) <= 18 else None
    if len(token) > 12:
        return None
    import cn2an  # lazily: a report without Chinese numerals never pays for the import

    try:
        value = cn2an.cn2an(token, "normal")
    except Exception:  # cn2an raises plain ValueError/KeyError on odd input
        return None
    return int(value) if value == int(value) and value >= 0 else None


_CLAUSE_END = "，。；！？"


def _clause_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in _CLAUSE_END) + 1


def _clause_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(c, pos) for c in _CLAUSE_END) if i >= 0]
    return min(ends) if ends else len(text)


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in "。！？") + 1


def _quote(text: str, start: int, end: int, limit: int = 80) -> str:
    q = text[start:end]
    return q if len(q) <= limit else f"{q[: limit // 2]}…{q[-(limit // 3) :]}"


# ---------------------------------------------------------------- entry point


def check_narrative(report: Report) -> list[Finding]:
    texts = [report.sections.get(k) for k in SECTIONS]
    text = "。".join(normalise(t) for t in texts if isinstance(t, str) and t)
    if not text:
        return []
    where = report.location_of("")
    return [
        *_applications(report, text),
        *_applicants(report, text),
        *_handled(report, text),
        *_outcomes(report, text),
        *_remedies(report, text),
        *_proactive(text, where),
        *_breakdowns(text, where),
    ]


def _cell_value(report: Report, key: str) -> int | Decimal | None:
    value = report.cells.get(key)
    return value if value is not None and is_valid_number(value) else None


def _add(a: int | Decimal, b: int | Decimal) -> int | Decimal:
    return SAFE.add(a, b) if isinstance(a, Decimal) or isinstance(b, Decimal) else a + b


def _contradiction(report: Report, key: str, quote: str, stated: int) -> Finding:
    return finding(
        "NARRATIVE_CONTRADICTS_TABLE",
        cells=(key,),
        expected=report.cells.get(key),
        actual=stated,
        location=report.location_of(key),
        quote=quote,
        label=report.spec.cells[key].label,
    )


# ---------------------------------------------------------------- applications received

_APPLY_OBJECT = r"(?:政府信息公开|信息公开|依申请公开)(?:的)?申请"
_APPLY_RECEIVED = re.compile(
    rf"(?:收到|受理|接到|接收|新收)(?:[^，。；！？0-9]{{0,20}}?{_APPLY_OBJECT}|各类申请|申请)"
    rf"(?:数量?|总数)?(?:为|共|共计|合计|总计)?(?P<n>{_NUM})(?:件|条|份)"
    rf"|(?:收到|受理|接到|接收)(?:了)?(?:共|共计)?(?P<m>{_NUM})(?:件|条|份)(?:{_APPLY_OBJECT}|申请)"
    rf"|(?P<none>(?:未|没有)(?:收到|受理|接到)(?:过)?[^，。；！？0-9]{{0,12}}?(?:{_APPLY_OBJECT}|申请))"
)
# A clause mentioning any of these is about something else than this year's new applications.
_APPLY_OTHER = re.compile(r"上年|去年|上一年|结转|同比|较|累计|历年|复议|诉讼|办结|答复|减免|收费")


def _applications(report: Report, text: str) -> Iterator[Finding]:
    key = "apply.new.total"
    new = _cell_value(report, key)
    if new is None:
        return
    carried = _cell_value(report, "apply.carried_in.total")
    # Some reports count carried-over applications as received; a table whose new row is 0
    # while the text says "收到7件" has misplaced the count, not counted it twice.
    accepted = {new} if carried is None or new == 0 else {new, _add(new, carried)}
    seen: set[int] = set()
    handled_checked = False
    for m in _APPLY_RECEIVED.finditer(text):
        start = _clause_start(text, m.start())
        if _APPLY_OTHER.search(text, start, m.end()):
            continue
        stated = 0 if m.group("none") else number(m.group("n") or m.group("m"))
        if m.group("none") and not handled_checked:
            handled_checked = True
            yield from _handled_without_applications(report, _quote(text, start, m.end()))
        if stated is None or stated in accepted or stated in seen:
            continue
        seen.add(stated)
        yield _contradiction(report, key, _quote(text, start, m.end()), stated)


def _handled_without_applications(report: Report, quote: str) -> Iterator[Finding]:
    """ "未收到申请" with nothing carried in: every （七）总计 cell must be 0 too."""
    for column in ("natural_person", *_ORGS, "total"):
        carried = _cell_value(report, f"apply.carried_in.{column}")
        handled = _cell_value(report, f"apply.outcome_total.{column}")
        if carried == 0 and handled is not None and handled > 0:
            yield _contradiction(report, f"apply.outcome_total.{column}", quote, 0)


# Applications handled this year ("全年办理政府信息公开申请1件"): the year's outcomes (七)总计,
# or, as some reports count, the applications received.
_APPLY_HANDLED = re.compile(
    rf"(?:办理|办结|答复|处理)(?:了)?(?:[^，。；！？0-9]{{0,12}}?){_APPLY_OBJECT}"
    rf"(?:共|共计|合计)?(?P<n>{_NUM})(?:件|份|条)"
)


def _handled(report: Report, text: str) -> Iterator[Finding]:
    key = "apply.outcome_total.total"
    handled = _cell_value(report, key)
    new = _cell_value(report, "apply.new.total")
    carried = _cell_value(report, "apply.carried_in.total")
    if handled is None:
        return
    accepted = {handled} | ({new} if new is not None else set())
    if new is not None and carried is not None:
        accepted.add(_add(new, carried))
    for m in _APPLY_HANDLED.finditer(text):
        start = _clause_start(text, m.start())
        if _APPLY_OTHER_HANDLED.search(text, start, m.end()):
            continue
        stated = number(m.group("n"))
        if stated is not None and stated not in accepted:
            yield _contradiction(report, key, _quote(text, start, m.end()), stated)
            return


_APPLY_OTHER_HANDLED = re.compile(r"上年|去年|上一年|结转|同比|较|累计|历年|复议|诉讼|其中")


# The applicants of this year's applications, stated in the same sentence as the count
# ("共收到政府信息公开申请3件，其中自然人申请2件、法人申请1件").
_APPLICANTS = re.compile(
    rf"(?P<who>自然人|法人或其他组织|法人及其他组织|法人和其他组织|法人)(?:提出的?|的)?(?:申请)?"
    rf"(?:为|共)?(?P<n>{_NUM})(?:件|份|条)"
)
_ORGS = ("commercial", "research", "social_welfare", "legal_service", "other_org")


def _applicants(report: Report, text: str) -> Iterator[Finding]:
    """Natural persons and legal persons stated in a sentence about this year's applications,
    against 表三 一、本年新收 (or new + carried in, which some reports count as received)."""
    for m in _APPLICANTS.finditer(text):
        start = _sentence_start(text, m.start())
        sentence = text[start : _clause_end(text, m.end())]
        if not _APPLY_RECEIVED.search(sentence) or _APPLY_OTHER.search(sentence):
            continue
        stated = number(m.group("n"))
        columns = ("natural_person",) if m.group("who") == "自然人" else _ORGS
        new = [_cell_value(report, f"apply.new.{c}") for c in columns]
        carried = [_cell_value(report, f"apply.carried_in.{c}") for c in columns]
        if stated is None or any(v is None for v in new):
            continue
        total = sum(new)  # type: ignore[arg-type]
        accepted = {total}
        if all(v is not None for v in carried):
            accepted.add(total + sum(carried))  # type: ignore[arg-type]
        if stated not in accepted:
            key = f"apply.new.{columns[0]}" if len(columns) == 1 else "apply.new.total"
            quote = _quote(text, _clause_start(text, m.start()), m.end())
            yield finding(
                "NARRATIVE_CONTRADICTS_TABLE",
                cells=tuple(f"apply.new.{c}" for c in columns),
                expected=total,
                actual=stated,
                location=report.location_of(key),
                quote=quote,
                label="表三 本年新收 · "
                + ("自然人" if len(columns) == 1 else "法人或其他组织（合计）"),
            )


# Outcomes stated in the text: "1件属于“本机关不掌握相关政府信息”", "予以公开5件".
_OUTCOME_WORDS = {
    "granted": ("予以公开",),
    "partial": ("部分公开",),
    "unable.not_held": ("不掌握相关政府信息", "本机关不掌握"),
    "unable.needs_creation": ("需要另行制作",),
    "unable.unclear": ("补正后申请内容仍不明确",),
    "not_processed.petition": ("信访举报投诉类申请",),
    "not_processed.duplicate": ("重复申请",),
}
_OUTCOME = re.compile(
    rf"(?P<n1>{_NUM})件(?:申请)?(?:属于|为|系|是)[“‘\"']?(?P<w1>{'|'.join(w for ws in _OUTCOME_WORDS.values() for w in ws)})"
    rf"|(?P<w2>{'|'.join(w for ws in _OUTCOME_WORDS.values() for w in ws)})[”’\"']?(?:的)?(?:申请)?(?P<n2>{_NUM})件"
)


def _outcomes(report: Report, text: str) -> Iterator[Finding]:
    """Outcome counts the text states for this year, against the row's 总计."""
    seen: set[str] = set()
    for m in _OUTCOME.finditer(text):
        sentence = text[_sentence_start(text, m.start()) : _clause_end(text, m.end())]
        if _APPLY_OTHER_OUTCOME.search(sentence):
            continue
        word = m.group("w1") or m.group("w2")
        row = next(r for r, ws in _OUTCOME_WORDS.items() if word in ws)
        key = f"apply.{row}.total"
        value = _cell_value(report, key)
        stated = number(m.group("n1") or m.group("n2"))
        if value is None or stated is None or stated == value or key in seen:
            continue
        seen.add(key)
        yield _contradiction(
            report, key, _quote(text, _clause_start(text, m.start()), m.end()), stated
        )


_APPLY_OTHER_OUTCOME = re.compile(r"上年|去年|上一年|结转|同比|较|累计|历年|复议|诉讼")


# ---------------------------------------------------------------- no 行政复议 / 行政诉讼

_REMEDY_NONE = re.compile(
    r"(?:没有|未曾|未|无)"
    r"(?:(?:出现|发生|收到|接到|产生|有|被|存在)[^，。；！？]{0,24}?"
    r"|(?:因|有关|涉及|关于)[^，。；！？]{0,24}?|)"
    r"(?:行政复议|行政诉讼)"
)
# "未出现…被复议纠错或诉讼败诉" says nothing about how many cases there were.
_REMEDY_NOT_ABOUT_COUNT = re.compile(r"纠错|纠正|败诉|撤销|确认违法|改变|[1-9]")
_REMEDY_CELLS = {
    "行政复议": ("remedy.reconsideration.total",),
    "行政诉讼": ("remedy.litigation_direct.total", "remedy.litigation_after.total"),
}


def _remedies(report: Report, text: str) -> Iterator[Finding]:
    reported: set[str] = set()
    for m in _REMEDY_NONE.finditer(text):
        end = _clause_end(text, m.start())
        if _REMEDY_NOT_ABOUT_COUNT.search(text, m.start(), end):
            continue
        said = text[m.start() : end]
        quote = _quote(text, _clause_start(text, m.start()), end)
        for kind, keys in _REMEDY_CELLS.items():
            if kind not in said:
                continue
            for key in keys:
                value = _cell_value(report, key)
                if key not in reported and value is not None and value > 0:
                    reported.add(key)
                    yield _contradiction(report, key, quote, 0)


# ---------------------------------------------------------------- the year's proactive count

_PROACTIVE = re.compile(
    rf"主动公开(?:的)?(?:政府)?信息(?:数|数量|总数|总量)?(?:为|共|共计|合计|达)?(?P<n>{_NUM})条"
)
_NOT_YEAR_TOTAL = re.compile(
    r"历年|截至|截止|至今|上年|去年|上一年|同比|较"
    r"|网站|门户|平台|公开栏|微信|微博|公众号|新媒体|专栏|栏目|通过|渠道|档案馆|图书馆"
)
_THIS_YEAR = re.compile(r"本年|全年|今年|年度|[0-9]{4}年")
# "其他应主动公开的政府信息90条", "…类主动公开信息": one category of the 公开目录.
_PART_OF_COUNT = re.compile(r"其他|类|涵盖|包括")


def _inside_brackets(text: str, start: int, pos: int) -> bool:
    span = text[start:pos]
    return span.count("（") > span.count("）")


def _proactive(text: str, where: Location | None) -> Iterator[Finding]:
    statements: list[tuple[int, str, int]] = []  # (value, quote, sentence start)
    for m in _PROACTIVE.finditer(text):
        start = _clause_start(text, m.start())
        prefix = text[start : m.start()]
        if _NOT_YEAR_TOTAL.search(prefix):
            continue
        if "累计" in prefix and not _THIS_YEAR.search(prefix):
            continue
        sentence = _sentence_start(text, m.start())
        if _PART_OF_COUNT.search(prefix) or _inside_brackets(text, sentence, m.start()):
            continue  # "（涵盖…其他应主动公开的政府信息16条）": a category, not the year's count
        if "其中" in prefix and any(s == sentence for _, _, s in statements):
            continue  # a part of the count stated just before, not the count itself
        value = number(m.group("n"))
        if value is not None:
            statements.append((value, _quote(text, start, m.end()), sentence))
    if not statements:
        return
    first, first_quote, _ = statements[0]
    seen = {first}
    for value, quote, _ in statements[1:]:
        if value not in seen:
            seen.add(value)
            yield finding(
                "NARRATIVE_INCONSISTENT",
                expected=value,
                actual=first,
                location=where,
                quote=first_quote,
                other=quote,
            )


# ---------------------------------------------------------------- breakdowns and shares

_TOKENS = re.compile(
    r"(?P<sent>[。！？](?!其中))"
    r"|(?P<clause>[，；])"
    r"|(?P<among>其中)"
    r"|(?P<incl>包括|包含)"
    r"|(?P<within>(?:信息|申请|文件|事项)中(?=[，：]))"
    r"|(?P<pct>占(?:比|总数的?|全部的?|比例为?|比重为?)?(?P<pv>[0-9]{1,3}(?:\.[0-9]{1,4})?)%)"
    r"|(?P<open>（)|(?P<close>）)"
    rf"|(?P<count>(?P<num>{_NUM})(?P<unit>条|件|份|篇|个|项|张|次|期|幅|部|场|家|起|人次)(?![0-9]))"
)


@dataclass
class _Count:
    value: int
    unit: str
    start: int  # of its clause
    end: int
    clause: int


@dataclass
class _List:
    total: _Count
    clause: int  # where its marker (其中/包括/…中) stands
    items: list[_Count] = field(default_factory=list)
    broken: bool = False  # a count in another unit: we do not understand the list


# "…；共办理718件": a new total ("公共卫生" is not one).
_NEW_TOTAL = re.compile(
    rf"(?<!公)共(?:计|有)?(?=[0-9{_CN_DIGITS}]|收|受|办|处|答|接|公开|结转)|合计|总计|累计"
)
_MARKERS = re.compile(r"其中|包括|包含|(?:信息|申请|文件|事项)中[，：]|占")
_SENTENCE_END = re.compile(r"[。！？](?!其中)")


def _breakdowns(text: str, where: Location | None) -> Iterator[Finding]:
    """Scan only the sentences that contain a marker; most of a report has none."""
    scan = _Scan(text, where)
    done = 0
    for marker in _MARKERS.finditer(text):
        if marker.start() < done:
            continue
        start = _list_sentence_start(text, marker.start())
        end_match = _SENTENCE_END.search(text, marker.end())
        done = end_match.end() if end_match else len(text)
        scan.restart(start)
        for m in _TOKENS.finditer(text, start, done):
            scan.step(m)
        scan.close_all()
    return iter(scan.findings)


def _list_sentence_start(text: str, pos: int) -> int:
    """The start of the sentence holding ``pos``; "。其中" does not end a sentence."""
    i = pos
    while True:
        i = max(text.rfind(c, 0, i) for c in "。！？")
        if i < 0 or not text.startswith("其中", i + 1):
            return i + 1


class _Scan:
    """A small state machine over the tokens of the text, one pass."""

    def __init__(self, text: str, where: Location | None) -> None:
        self.text = text
        self.where = where
        self.findings: list[Finding] = []
        self.clause = 0
        self.clause_start = 0
        self.clause_used = False  # the current clause has a count or a share
        self.depth = 0  # inside （…）
        self.last: _Count | None = None
        self.top: _List | None = None
        self.nested: _List | None = None

    def restart(self, at: int) -> None:
        self.close_all()
        self.last = None
        self.depth = 0
        self.clause += 1
        self.clause_start = at
        self.clause_used = False

    def step(self, m: re.Match[str]) -> None:
        kind = m.lastgroup
        if kind == "open":
            self.depth += 1
        elif kind == "close":
            self.depth = max(0, self.depth - 1)
        elif kind == "clause":
            self._end_clause(m.end())
        elif kind == "sent":
            self.close_all()
            self.last = None
            self._end_clause(m.end())
        elif kind == "among" or kind == "within":
            self.close_all()
            if self.last is not None:
                self.top = _List(self.last, self.clause)
        elif kind == "incl":
            self._include()
        elif kind == "count" and self.depth == 0:
            self._count(m)
        elif kind == "pct":
            self.clause_used = True
            self._share(m)

    def _end_clause(self, at: int) -> None:
        # parts that already add up to the total: what follows is not another part
        # ("其中…8条，其他…12条；公开财政预决算信息2条…" for 20)
        top = self.top
        if (
            top is not None
            and self.nested is None
            and len(top.items) >= 2
            and sum(i.value for i in top.items) == top.total.value
        ):
            self.top = None
        # a 包括 list lives in its own clause ("包括政策文件17条、信息公开41条")
        if self.nested is not None and (self.nested.items or self.nested.clause != self.clause):
            self._close(self.nested)
            self.nested = None
        if self.top is not None and not self.clause_used and self.top.clause != self.clause:
            self._close(self.top)
            self.top = None
        self.clause += 1
        self.clause_start = at
        self.clause_used = False

    def _include(self) -> None:
        top = self.top
        if top is not None and top.items and top.items[-1] is self.last:
            self.nested = _List(top.items[-1], self.clause)  # breaks down the part before it
        elif top is None and self.last is not None:
            self.top = _List(self.last, self.clause)

    def _count(self, m: re.Match[str]) -> None:
        before = self.text[m.start() - 1] if m.start() else ""
        if before and (before in _NOT_BEFORE_COUNT or before.isdigit() or before in _CN_DIGITS):
            return
        value = number(m.group("num"))
        if value is None:
            return
        if _NEW_TOTAL.search(self.text, self.clause_start, m.start()):
            self.close_all()  # "…；共办理718件": a new fact, not one more part of the list
        count = _Count(value, m.group("unit"), self.clause_start, m.end(), self.clause)
        self.clause_used = True
        target = self.nested or self.top
        if (
            target is not None
            and count.unit != target.total.unit
            and len(target.items) >= 2
            and count.clause > target.items[-1].clause
        ):
            self.close_all()  # "…其他类97条；办理依申请公开1件": the list ended before it
            target = None
        if target is not None:
            if count.unit == target.total.unit:
                target.items.append(count)
            else:
                target.broken = True
        self.last = count

    def _share(self, m: re.Match[str]) -> None:
        part = self.last
        if part is None or part.clause < self.clause - 1:
            return
        base = None
        owner: _List | None = None
        for lst in (self.nested, self.top):
            if lst is not None and any(i is part for i in lst.items):
                base, owner = lst.total.value, lst
                break
        if not base or owner is None:
            return
        stated = Decimal(m.group("pv"))
        places = -int(stated.as_tuple().exponent)
        tolerance = Decimal(1).scaleb(-places)
        exact = Decimal(part.value) * 100 / Decimal(base)
        if abs(exact - stated) <= tolerance:
            return
        earlier = [i.value for i in owner.items if i is not part and i.end < part.end and i.value]
        if any(abs(Decimal(part.value) * 100 / v - stated) <= tolerance for v in earlier):
            # "事项共89项，其中行政许可57项，…的有45项，占比78.9%": a share of an earlier
            # item, so the items overlap — the list is not a breakdown of the total.
            owner.broken = True
            return
        shown = exact.quantize(Decimal(1).scaleb(-max(places, 2))).normalize()
        self.findings.append(
            finding(
                "NARRATIVE_PERCENT",
                expected=shown,
                actual=stated,
                location=self.where,
                quote=_quote(self.text, part.start, m.end()),
                base=base,
            )
        )

    def close_all(self) -> None:
        if self.nested is not None:
            self._close(self.nested)
        if self.top is not None:
            self._close(self.top)
        self.nested = self.top = None

    def _close(self, lst: _List) -> None:
        if lst.broken or len(lst.items) < 2:
            return
        parts = sum(i.value for i in lst.items)
        if parts == lst.total.value:
            return
        last = lst.items[-1]
        if parts < lst.total.value and self.text.startswith("等", last.end):
            return  # "…等" announces an incomplete list
        self.findings.append(
            finding(
                "NARRATIVE_BREAKDOWN_SUM",
                expected=lst.total.value,
                actual=parts,
                location=self.where,
                quote=_quote(self.text, lst.total.start, last.end),
            )
        )
