"""The generated draft of the narrative (正文初稿), stated from the agency's real figures.

Every figure a sentence states is read from the compiled cells or the records, in the forms the
narrative checks read (``gongkai.report.checks.narrative``): "主动公开政府信息N条，其中…", "收到
政府信息公开申请N件", "未发生…行政复议、行政诉讼" — so a fresh draft has no narrative finding, and
the clerk's edits are checked the same way. The register follows the seed reports.
"""

from __future__ import annotations

from decimal import Decimal

from gongkai.report.formats import OUTCOME_GROUPS, OUTCOME_TOTAL_ROW, SECTION_KEYS

from .sources import Fees, Published, Value

_REMEDY_ROWS = {
    "reconsideration": "因政府信息公开被申请行政复议",
    "litigation_direct": "未经复议直接被提起行政诉讼",
    "litigation_after": "复议后被提起行政诉讼",
}
_REMEDY_RESULTS = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
}


def _kind(category: str) -> str:
    """A 目录类别 as the kind of information: "人事信息" stays, "规划计划" → "规划计划类信息"."""
    return category if category.endswith("信息") else f"{category}类信息"


class Draft:
    """Writes the seven narrative parts for one agency and year."""

    def __init__(
        self, agency: str, year: int, cells: dict[str, Value], published: Published, fees: Fees
    ) -> None:
        self.agency = agency
        self.short = agency.removesuffix("人民政府") or agency
        self.year = year
        self.cells = cells
        self.published = published
        self.fees = fees

    def n(self, key: str) -> int:
        value = self.cells.get(key)
        return int(value) if isinstance(value, int | Decimal) else 0

    def sections(self) -> dict[str, str]:
        out = {
            "preamble": self.preamble(),
            "overview": self.overview(),
            "proactive": self.proactive(),
            "applications": self.applications(),
            "remedies": self.remedies(),
            "problems": self.problems(),
            "other": self.other(),
        }
        assert set(out) == set(SECTION_KEYS)
        return out

    def preamble(self) -> str:
        y = self.year
        return "\n".join(
            (
                f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制，由{self.agency}"
                "负责编写。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
                "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。",
                f"本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
            )
        )

    def overview(self) -> str:
        paras = [
            f"{self.year}年，{self.short}认真贯彻落实《条例》，坚持以公开为常态、不公开为例外，"
            "积极稳妥推进政府信息公开工作。",
            "（一）主动公开",
            self._published_sentence(),
            "（二）依申请公开",
            self._received_sentence(),
            "（三）政府信息管理",
            "严格落实政府信息公开保密审查制度，坚持“先审查、后公开”原则，对拟公开的政府信息逐条审核。",
            "（四）政府信息公开平台建设",
            "依托政府门户网站信息公开专栏和政务新媒体发布政府信息，及时更新栏目内容。",
            "（五）监督保障",
            "明确分管领导和具体经办人员，定期开展自查，发现问题及时整改。",
        ]
        if self._remedies_total() == 0:
            paras.append(f"本年度{self.short}未发生因政府信息公开引起的行政复议、行政诉讼。")
        return "\n".join(paras)

    def _published_sentence(self) -> str:
        total, parts = self.published.total, self.published.by_category
        text = f"本年度主动公开政府信息{total}条"
        if len(parts) > 1:
            text += "，其中" + "，".join(f"{_kind(name)}{n}条" for name, n in parts)
        return text + "。"

    def _received_sentence(self) -> str:
        new = self.n("apply.new.total")
        carried = self.n("apply.carried_in.total")
        text = f"本年度共收到政府信息公开申请{new}件"
        person = self.n("apply.new.natural_person")
        if 0 < person < new:
            text += f"，其中自然人申请{person}件，法人或其他组织申请{new - person}件"
        text += "。"
        if carried:  # its own sentence, or it would read as one more part of the 其中 list
            text += f"另有上年结转政府信息公开申请{carried}件。"
        return text

    def proactive(self) -> str:
        return self._published_sentence() + "\n第二十条规定的主动公开事项情况见下表。"

    def applications(self) -> str:
        new = self.n("apply.new.total")
        carried = self.n("apply.carried_in.total")
        done = self.n(f"apply.{OUTCOME_TOTAL_ROW}.total")
        out = self.n("apply.carried_out.total")
        head = f"本年度新收政府信息公开申请{new}件，上年结转政府信息公开申请{carried}件。"
        if done == 0:
            body = "本年度无办结的政府信息公开申请。"
        else:
            groups = [f"{label}{n}件" for label, n in self._outcome_groups() if n]
            body = f"本年度办结{done}件"
            body += f"，其中{'，'.join(groups)}" if len(groups) > 1 else ""
            body += "。"
        tail = f"结转下年度继续办理{out}件。" if out else ""
        return head + "\n" + body + tail

    def _outcome_groups(self) -> list[tuple[str, int]]:
        out = []
        for prefix, label in OUTCOME_GROUPS:
            keys = [
                k
                for k in self.cells
                if k.endswith(".total")
                and (k == f"apply.{prefix}.total" or k.startswith(f"apply.{prefix}."))
            ]
            out.append((label, sum(self.n(k) for k in keys)))
        return out

    def _remedies_total(self) -> int:
        return sum(self.n(f"remedy.{row}.total") for row in _REMEDY_ROWS)

    def remedies(self) -> str:
        if self._remedies_total() == 0:
            return "本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。"
        lines = []
        for row, name in _REMEDY_ROWS.items():
            total = self.n(f"remedy.{row}.total")
            if not total:
                continue
            parts = [
                f"{label}{self.n(f'remedy.{row}.{c}')}件"
                for c, label in _REMEDY_RESULTS.items()
                if self.n(f"remedy.{row}.{c}")
            ]
            detail = f"，其中{'，'.join(parts)}" if len(parts) > 1 else f"，{parts[0]}"
            lines.append(f"本年度{name}{total}件{detail}。")
        if not any(self.n(f"remedy.{r}.total") for r in ("litigation_direct", "litigation_after")):
            lines.append("本年度未发生因政府信息公开引起的行政诉讼案件。")
        return "\n".join(lines)

    def problems(self) -> str:
        return "\n".join(
            (
                "（一）存在的主要问题",
                f"{self.short}政府信息公开工作取得了一定成效，但仍存在一些不足：一是信息公开的及时性有待提高；"
                "二是政策解读形式较为单一。",
                "（二）改进情况",
                "下一步，我们将加强业务培训，完善信息发布审核机制，推动政府信息公开工作再上新台阶。",
            )
        )

    def other(self) -> str:
        f = self.fees
        if not f.notices:
            return "本年度未发出政府信息公开信息处理费收费通知，未收取信息处理费。无其他需要报告的事项。"
        return (
            f"本年度发出政府信息公开信息处理费收费通知{f.notices}份，金额合计{f.quoted:f}元，"
            f"实际收取{f.paid:f}元。无其他需要报告的事项。"
        )
