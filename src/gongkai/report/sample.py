"""Sample annual reports: realistic, deterministic and fully consistent (示例年度报告).

``sample_report(seed)`` fills every cell of the chosen layout with small, plausible numbers
(mostly zeros, as in a township's report), makes every 勾稽关系 hold, and writes narrative for
all six parts whose stated figures agree with the tables and with each other. The same seed
always gives the same report; different seeds vary the counts, the sentences and the number
of paragraphs. ``run_checks`` finds nothing in a sample report (unless the caller asks for a
year its layout is not for).

Used by the demo, the benchmarks, the renderer round-trip tests and the labelled corpus.
"""

from __future__ import annotations

import math
import random
from decimal import Decimal

from .formats import APPLICANT_COLUMNS, FORMATS, OUTCOME_GROUPS, OUTCOME_TOTAL_ROW, ReportFormat
from .model import Report, Value

__all__ = ["sample_report"]

# Relative weight of each applicant column (自然人 dominate, 科研机构 almost never apply).
_APPLICANT_WEIGHT = {
    "natural_person": 10,
    "commercial": 3,
    "research": 0.2,
    "social_welfare": 0.3,
    "legal_service": 1,
    "other_org": 1,
}
# Relative weight of each outcome row; rows not listed are rare (weight 0.1).
_OUTCOME_WEIGHT = {
    "granted": 10,
    "partial": 2,
    "unable.not_held": 4,
    "denied.third_party": 0.6,
    "denied.process_info": 0.5,
    "not_processed.petition": 0.8,
    "not_processed.duplicate": 0.6,
    "other": 0.8,
    "other.no_correction": 0.6,
    "other.other": 0.6,
}
_CATEGORIES = (
    "机构职能类",
    "政策文件类",
    "规划计划类",
    "工作动态类",
    "财政资金类",
    "民政扶贫救灾社会保障就业类",
    "国土资源城乡建设环保能源类",
    "科教文体卫生类",
    "安全生产、应急管理类",
    "人事任免类",
    "公示公告类",
)


def sample_report(
    seed: int,
    fmt: str = "2019",
    agency: str = "青山镇人民政府",
    year: int | None = None,
    previous: Report | None = None,
) -> Report:
    """A consistent sample report; ``previous`` (last year's) chains the carried-over cells."""
    rng = random.Random(seed)
    spec = FORMATS[fmt]
    if year is None:
        first, last = spec.years
        year = rng.randint(first, last if last is not None else first + 4)
    cells: dict[str, Value] = {}
    _fill_active(rng, spec, cells, previous)
    _fill_apply(rng, spec, cells, previous)
    _fill_remedy(rng, spec, cells)
    writer = _Writer(rng, agency, year, cells)
    return Report(
        format=fmt,
        agency=agency,
        year=year,
        title=f"{agency}{year}年政府信息公开工作年度报告",
        cells=cells,
        sections=writer.sections(),
        source=f"sample:{seed}",
    )


# ---------------------------------------------------------------- tables


def _small(rng: random.Random, zero: float, high: int) -> int:
    """0 with probability ``zero``, else a skewed small number up to ``high``."""
    if rng.random() < zero:
        return 0
    return min(high, int(rng.expovariate(3 / high)) + 1)


def _fill_active(
    rng: random.Random, spec: ReportFormat, cells: dict[str, Value], previous: Report | None
) -> None:
    if spec.version == "2019":
        for row in ("rules", "normative"):
            made = _small(rng, 0.9 if row == "rules" else 0.5, 6)
            cells[f"active.{row}.new_made"] = made
            cells[f"active.{row}.new_published"] = made
            cells[f"active.{row}.total_published"] = made + _small(rng, 0.4, 40)
        for row in ("licensing", "other_services", "punishment", "coercion", "fees"):
            prev = _small(rng, 0.5, 120)
            cells[f"active.{row}.prev_count"] = prev
            cells[f"active.{row}.change"] = (
                rng.randint(-min(prev, 5), 12) if rng.random() < 0.5 else 0
            )
            if row != "fees":
                cells[f"active.{row}.decisions"] = _small(rng, 0.5, 300)
        projects = _small(rng, 0.5, 12)
        cells["active.procurement.projects"] = projects
        cells["active.procurement.amount"] = _amount(rng, projects, 400)
        return
    for row in ("rules", "normative"):
        before = previous.cells.get(f"active.{row}.in_force") if previous else None
        issued = _small(rng, 0.9 if row == "rules" else 0.5, 6)
        if isinstance(before, int) and before >= 0:
            repealed = rng.randint(0, min(before, 3))
            in_force = before + issued - repealed
        else:
            repealed = _small(rng, 0.8, 3)
            in_force = issued + _small(rng, 0.3, 30)
            repealed = min(repealed, in_force - issued) if in_force > issued else 0
        cells[f"active.{row}.issued"] = issued
        cells[f"active.{row}.repealed"] = repealed
        cells[f"active.{row}.in_force"] = in_force
    for row in ("licensing", "punishment", "coercion"):
        cells[f"active.{row}.decisions"] = _small(rng, 0.5, 300)
    cells["active.fees.amount"] = _amount(rng, 0 if rng.random() < 0.8 else 1, 20)


def _amount(rng: random.Random, projects: int, high: int) -> Decimal:
    """An amount in 万元, at most ``high``, with 1–4 decimals (0 when nothing was paid)."""
    if projects == 0:
        return Decimal(0)
    places = rng.randint(1, 4)
    return Decimal(rng.randint(1, high * 10**places)).scaleb(-places)


def _fill_apply(
    rng: random.Random, spec: ReportFormat, cells: dict[str, Value], previous: Report | None
) -> None:
    grid = spec.apply
    outcome_rows = [r.key for r in grid.rows if r.group is not None and r.key != OUTCOME_TOTAL_ROW]
    busy = rng.choice((0, 0, 1, 2, 4, 8, 25))  # how many applications a year, roughly
    for col in APPLICANT_COLUMNS:
        mean = busy * _APPLICANT_WEIGHT[col] / 10
        new = _poissonish(rng, mean)
        before = previous.cells.get(f"apply.carried_out.{col}") if previous else None
        if isinstance(before, int) and before >= 0:
            carried_in = before
        else:
            carried_in = _poissonish(rng, mean / 6)
        handled = new + carried_in
        carried_out = min(handled, _poissonish(rng, mean / 6))
        counts = dict.fromkeys(outcome_rows, 0)
        weights = [_OUTCOME_WEIGHT.get(r, 0.1) for r in outcome_rows]
        for outcome in rng.choices(outcome_rows, weights, k=handled - carried_out):
            counts[outcome] += 1
        cells[f"apply.new.{col}"] = new
        cells[f"apply.carried_in.{col}"] = carried_in
        for outcome, n in counts.items():
            cells[f"apply.{outcome}.{col}"] = n
        cells[f"apply.{OUTCOME_TOTAL_ROW}.{col}"] = handled - carried_out
        cells[f"apply.carried_out.{col}"] = carried_out
    for row in grid.rows:
        parts = [cells[f"apply.{row.key}.{col}"] for col in APPLICANT_COLUMNS]
        cells[f"apply.{row.key}.total"] = sum(p for p in parts if isinstance(p, int))


def _poissonish(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    n, p = 0, rng.random()
    limit = math.exp(-min(mean, 50))
    while p > limit:
        n += 1
        p *= rng.random()
    return n


def _fill_remedy(rng: random.Random, spec: ReportFormat, cells: dict[str, Value]) -> None:
    grid = spec.remedy
    for row in grid.rows:
        n = 0 if rng.random() < 0.75 else rng.randint(1, 3)
        parts = dict.fromkeys(("upheld", "corrected", "other", "pending"), 0)
        for col in rng.choices(list(parts), (6, 1, 1, 2), k=n):
            parts[col] += 1
        for col, v in parts.items():
            cells[grid.key(row, next(c for c in grid.columns if c.key == col))] = v
        cells[f"remedy.{row.key}.total"] = n


# ---------------------------------------------------------------- narrative


def _pct(part: int, whole: int) -> str:
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"))
    text = f"{value:f}".rstrip("0").rstrip(".")
    return f"{text}%"


class _Writer:
    """Writes the six parts in the register of the seeds, stating only consistent figures."""

    def __init__(self, rng: random.Random, agency: str, year: int, cells: dict[str, Value]):
        self.rng = rng
        self.agency = agency
        self.year = year
        self.cells = cells
        self.short = agency.removesuffix("人民政府") or agency
        self.proactive_total, self.categories = self._proactive_counts()

    def _int(self, key: str) -> int:
        value = self.cells.get(key)
        return value if isinstance(value, int) else 0

    def _proactive_counts(self) -> tuple[int, list[tuple[str, int]]]:
        rng = self.rng
        chosen = rng.sample(_CATEGORIES, rng.randint(2, 7))
        parts = [(name, _small(rng, 0.15, 60)) for name in chosen]
        if rng.random() < 0.5:
            parts.append(("其他类", _small(rng, 0.3, 10)))
        return sum(n for _, n in parts), parts

    def sections(self) -> dict[str, str | None]:
        return {
            "preamble": self.preamble(),
            "overview": self.overview(),
            "proactive": self.rng.choice((None, "本年度主动公开政府信息情况详见下表。")),
            "applications": self.applications(),
            "remedies": self.remedies(),
            "problems": self.problems(),
            "other": self.other(),
        }

    # -- preamble

    def preamble(self) -> str:
        y, rng = self.year, self.rng
        basis = rng.choice(
            (
                "《中华人民共和国政府信息公开条例》（以下简称《条例》）",
                "新修订的《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级有关要求",
            )
        )
        lines = [
            f"本报告根据{basis}编制，由{self.agency}负责编写。全文包括总体情况、主动公开政府信息情况、"
            "收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、"
            "其他需要报告的事项六个部分。",
            f"本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
        ]
        if rng.random() < 0.7:
            phone = f"0{rng.randint(510, 599)}-{rng.randint(60000000, 89999999)}"
            lines.append(
                f"本报告电子版可在本级政府门户网站下载。如对本报告有疑问，请与{self.short}党政办公室联系"
                f"（电话：{phone}）。"
            )
        return "".join(lines) if rng.random() < 0.5 else "\n".join(lines)

    # -- part 一

    def overview(self) -> str:
        rng = self.rng
        paras = [
            rng.choice(
                (
                    f"{self.year}年，{self.short}认真贯彻落实《条例》和上级关于政务公开工作的部署要求，"
                    "坚持以公开为常态、不公开为例外，积极稳妥推进政府信息公开工作。",
                    f"{self.year}年，{self.short}在上级政府的正确领导下，围绕群众关心关注的热点问题，"
                    "不断深化政务公开，切实保障人民群众的知情权、参与权和监督权。",
                )
            ),
            "（一）主动公开",
            self._proactive_paragraph(),
            "（二）依申请公开",
            self._applications_paragraph(),
        ]
        extra = [
            (
                "（三）政府信息管理",
                "严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，"
                "对拟公开的政府信息逐条审核，确保公开内容准确规范。",
            ),
            (
                "（四）政府信息公开平台建设",
                "进一步加强政府门户网站信息公开专栏建设，及时更新栏目内容；用好政务新媒体和村务公开栏，"
                "拓宽群众获取信息的渠道。",
            ),
            (
                "（五）监督保障",
                "将政府信息公开工作纳入年度绩效考核，明确分管领导和具体经办人员，"
                "定期开展自查，发现问题及时整改。",
            ),
        ]
        for heading, body in extra:
            if rng.random() < 0.75:
                paras.extend((heading, body))
        if rng.random() < 0.5 and self._remedies_total() == 0:
            paras.append(f"本年度{self.short}未发生因政府信息公开引起的行政复议、行政诉讼。")
        return "\n".join(paras)

    def _proactive_paragraph(self) -> str:
        rng, total = self.rng, self.proactive_total
        lead = rng.choice(
            ("全年主动公开政府信息", f"{self.year}年共主动公开政府信息", "本年度主动公开政府信息")
        )
        if total == 0:
            return f"{lead}{total}条。"
        with_share = rng.random() < 0.4
        parts = []
        for name, n in self.categories:
            piece = f"{name}信息{n}条"
            if with_share:
                piece += f"，占比{_pct(n, total)}"
            parts.append(piece)
        sep = "；" if with_share else "，"
        text = f"{lead}{total}条，其中{sep.join(parts)}。"
        if rng.random() < 0.4:
            text += f"主要通过政府门户网站、政务新媒体等渠道公开，全年主动公开政府信息{total}条均按时发布。"
        return text

    def _applications_paragraph(self) -> str:
        new = self._int("apply.new.total")
        carried = self._int("apply.carried_in.total")
        if new == 0:
            text = self.rng.choice(
                ("本年度未收到政府信息公开申请", f"本年度共收到政府信息公开申请{new}件")
            )
        else:
            person = self._int("apply.new.natural_person")
            text = f"本年度共收到政府信息公开申请{new}件"
            if 0 < person < new:
                text += f"，其中自然人申请{person}件，法人或其他组织申请{new - person}件"
        text += "。"
        if carried:  # a sentence of its own, or it would read as one more part of the 其中 list
            text += f"另有上年结转政府信息公开申请{carried}件。"
        return text

    # -- part 三

    def applications(self) -> str:
        new = self._int("apply.new.total")
        carried = self._int("apply.carried_in.total")
        done = self._int(f"apply.{OUTCOME_TOTAL_ROW}.total")
        out = self._int("apply.carried_out.total")
        head = f"本年度新收政府信息公开申请{new}件，上年结转政府信息公开申请{carried}件。"
        if done == 0:
            return head + "本年度无办结的政府信息公开申请。"
        groups = []
        for prefix, label in OUTCOME_GROUPS:
            n = sum(
                v
                for k, v in self.cells.items()
                if isinstance(v, int)
                and k.endswith(".total")
                and (k == f"apply.{prefix}.total" or k.startswith(f"apply.{prefix}."))
            )
            if n:
                groups.append(f"{label}{n}件")
        body = f"本年度办结{done}件"
        body += f"，其中{'，'.join(groups)}" if len(groups) > 1 else ""
        tail = f"。结转下年度继续办理{out}件。" if out else "。"
        return head + "\n" + body + tail

    # -- part 四

    def _remedies_total(self) -> int:
        return sum(
            self._int(f"remedy.{r}.total")
            for r in ("reconsideration", "litigation_direct", "litigation_after")
        )

    def remedies(self) -> str:
        if self._remedies_total() == 0:
            return self.rng.choice(
                (
                    "本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。",
                    f"{self.year}年，{self.short}没有出现因政府信息公开申请行政复议、提起行政诉讼的情况。",
                )
            )
        lines = []
        names = {
            "reconsideration": "因政府信息公开被申请行政复议",
            "litigation_direct": "未经复议直接被提起行政诉讼",
            "litigation_after": "复议后被提起行政诉讼",
        }
        labels = {
            "upheld": "结果维持",
            "corrected": "结果纠正",
            "other": "其他结果",
            "pending": "尚未审结",
        }
        for row, name in names.items():
            total = self._int(f"remedy.{row}.total")
            if not total:
                continue
            parts = [
                f"{labels[c]}{self._int(f'remedy.{row}.{c}')}件"
                for c in labels
                if self._int(f"remedy.{row}.{c}")
            ]
            detail = f"，其中{'，'.join(parts)}" if len(parts) > 1 else ""
            lines.append(f"本年度{name}{total}件{detail}。")
        return "\n".join(lines)

    # -- parts 五 and 六

    def problems(self) -> str:
        rng = self.rng
        problems = [
            "信息公开的及时性有待提高，个别栏目更新不够及时",
            "政策解读形式较为单一，图表、视频等解读方式运用较少",
            "工作人员业务水平有待提升，专职人员少、兼职人员多",
            "主动公开的深度和广度还不够，与群众的期待仍有差距",
        ]
        fixes = [
            "加强业务培训，提升工作人员的业务能力",
            "丰富政策解读形式，增强解读的针对性和可读性",
            "完善信息发布审核机制，确保信息公开及时准确",
            "拓展公开渠道，用好政务新媒体和村务公开栏",
        ]
        chosen_p = rng.sample(problems, rng.randint(1, 3))
        chosen_f = rng.sample(fixes, rng.randint(1, 3))
        ordinals = "一二三四"
        p_text = "；".join(f"{ordinals[i]}是{t}" for i, t in enumerate(chosen_p))
        f_text = "；".join(f"{ordinals[i]}是{t}" for i, t in enumerate(chosen_f))
        return "\n".join(
            (
                "（一）存在的主要问题",
                f"{self.short}政府信息公开工作取得了一定成效，但仍存在一些不足：{p_text}。",
                "（二）改进情况",
                f"下一步，我们将着力做好以下工作：{f_text}，推动政府信息公开工作再上新台阶。",
            )
        )

    def other(self) -> str:
        fee = self.cells.get("active.fees.amount")
        if isinstance(fee, Decimal) and fee > 0:
            return f"本年度行政事业性收费金额为{fee:f}万元，未收取政府信息公开信息处理费。"
        return self.rng.choice(
            (
                "无。",
                "本年度未收取信息处理费，无其他需要报告的事项。",
                f"{self.short}无其他需要报告的事项。",
            )
        )
