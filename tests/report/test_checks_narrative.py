"""The narrative against the tables and against itself, on the five real reports and by example."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.report.checks import check_narrative
from gongkai.report.formats import PREAMBLE, SECTIONS
from gongkai.report.jsonio import report_from_dict
from gongkai.report.model import Report

SEEDS = Path(__file__).parent.parent / "data" / "seeds"
_HEADINGS = {f"{s.number}、": s.key for s in SECTIONS}


def split_sections(text: str) -> dict[str, str | None]:
    """The six parts of a plain-text report, cut at their headings; table lines dropped."""
    parts: dict[str, list[str]] = {PREAMBLE: [], **{s.key: [] for s in SECTIONS}}
    current = PREAMBLE
    for line in text.splitlines():
        stripped = line.strip()
        key = next((k for h, k in _HEADINGS.items() if stripped.startswith(h)), None)
        if key is not None and len(stripped) < 40:
            current = key
        elif stripped and "\t" not in line:
            parts[current].append(stripped)
    return {k: "\n".join(v) or None for k, v in parts.items()}


def seed_report(prefix: str) -> Report:
    """A seed's cells (from its .expected.json) with its narrative split from the text."""
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    data = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    report = report_from_dict(
        {k: data[k] for k in ("format", "agency", "year", "cells") if k in data}
    )
    report.sections = split_sections(path.read_text(encoding="utf-8"))
    return report


def narrative(overview: str, fmt: str = "2019", **cells: int) -> Report:
    """A report with every cell 0 except ``cells`` (dots spelled as __) and one overview."""
    report = Report(format=fmt, sections={"overview": overview})
    report.cells = dict.fromkeys(report.spec.cells, 0)
    for key, value in cells.items():
        report.cells[key.replace("__", ".")] = value
    return report


def codes(report: Report) -> list[str]:
    return [f.code for f in check_narrative(report)]


# ---------------------------------------------------------------- the five seeds


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_seeds_without_narrative_problems(prefix: str) -> None:
    report = seed_report(prefix)
    assert report.sections["overview"], "the seed's overview was not found"
    assert check_narrative(report) == []


def test_seed_000_states_its_four_applications() -> None:
    report = seed_report("000")
    assert report.cells["apply.new.total"] == 4
    report.cells["apply.new.total"] = 5
    [f] = check_narrative(report)
    assert (f.code, f.cells, f.expected, f.actual) == (
        "NARRATIVE_CONTRADICTS_TABLE",
        ("apply.new.total",),
        5,
        4,
    )
    assert "本年度收到4件政府信息公开申请" in f.params["quote"]


def test_seed_000_would_contradict_a_remedy() -> None:
    report = seed_report("000")
    report.cells["remedy.litigation_direct.total"] = 1
    [f] = check_narrative(report)
    assert f.cells == ("remedy.litigation_direct.total",)
    assert "没有出现因政府信息公开申请行政复议、提起行政诉讼" in f.params["quote"]


def test_seed_003_no_applications_and_no_remedies_are_read() -> None:
    report = seed_report("003")
    report.cells["apply.new.total"] = 2
    report.cells["remedy.reconsideration.total"] = 1
    report.cells["remedy.litigation_after.total"] = 1
    found = check_narrative(report)
    assert [(f.cells[0], f.actual) for f in found] == [
        ("apply.new.total", 0),
        ("remedy.reconsideration.total", 0),
        ("remedy.litigation_after.total", 0),
    ]
    assert "未收到有关政府信息公开事务的行政复议申请" in found[1].params["quote"]
    assert "没有发生因政府信息公开提起行政诉讼" in found[2].params["quote"]


def test_seed_004_states_its_proactive_count_twice() -> None:
    [f] = check_narrative(seed_report("004"))
    assert f.code == "NARRATIVE_INCONSISTENT"
    assert (f.actual, f.expected) == (14, 16)
    assert f.params["quote"] == "全年主动公开信息14条"
    assert f.params["other"] == "其中主动公开信息数16条"


def test_seed_002_breakdown_adds_up_and_a_changed_part_does_not() -> None:
    report = seed_report("002")
    text = report.sections["overview"]
    assert text is not None and "规划计划类信息4条" in text
    report.sections["overview"] = text.replace("规划计划类信息4条", "规划计划类信息5条")
    [f] = check_narrative(report)
    assert (f.code, f.expected, f.actual) == ("NARRATIVE_BREAKDOWN_SUM", 23, 24)


def test_seed_004_shares_are_checked() -> None:
    report = seed_report("004")
    text = report.sections["overview"]
    assert text is not None
    report.sections["overview"] = text.replace("占比18.75%；政策", "占比20%；政策")
    found = [f for f in check_narrative(report) if f.code == "NARRATIVE_PERCENT"]
    assert [(f.expected, f.actual) for f in found] == [(pytest.approx(18.75), 20)]
    assert found[0].params["quote"].startswith("机构职能类信息3条")


# ---------------------------------------------------------------- applications received


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("本年度收到4件政府信息公开申请。", 4),
        ("2020年，我镇共收到政府信息公开申请0件。", 0),
        ("全年收到政府信息公开申请 3 件。", 3),
        ("全年收到政府信息公开申请３件。", 3),
        ("本年度共受理政府信息公开申请十二件。", 12),
        ("今年，我局未收到政府信息公开申请，", 0),
        ("共收到公民、法人或其他组织提出的政府信息公开申请两件。", 2),
    ],
)
def test_stated_applications_against_table(text: str, stated: int) -> None:
    assert codes(narrative(text, apply__new__total=stated)) == []
    [f] = check_narrative(narrative(text, apply__new__total=stated + 7))
    assert (f.code, f.cells, f.actual, f.expected) == (
        "NARRATIVE_CONTRADICTS_TABLE",
        ("apply.new.total",),
        stated,
        stated + 7,
    )
    assert "表三 一、本年新收政府信息公开申请数量 · 总计" in f.message


def test_received_may_include_carried_over() -> None:
    report = narrative(
        "共收到政府信息公开申请5件。", apply__new__total=3, apply__carried_in__total=2
    )
    assert codes(report) == []


@pytest.mark.parametrize(
    "text",
    [
        "较上年收到政府信息公开申请9件有所减少。",
        "上年结转政府信息公开申请9件。",
        "未收到有关政府信息公开事务的行政复议申请。",
        "收到行政复议申请9件。",
        "依申请公开数为9。",
    ],
)
def test_other_counts_are_not_taken_for_this_years_applications(text: str) -> None:
    assert codes(narrative(text, apply__new__total=1)) == []


def test_unknown_table_value_is_not_compared() -> None:
    assert codes(narrative("本年度收到4件政府信息公开申请。", apply__new__total=None)) == []


# ---------------------------------------------------------------- remedies


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        (
            "没有出现因政府信息公开申请行政复议、提起行政诉讼。",
            ["reconsideration", "litigation_direct"],
        ),
        (
            "本年度未发生因政府信息公开引起的行政复议和行政诉讼案件。",
            ["reconsideration", "litigation_direct"],
        ),
        ("无因政府信息公开申请行政复议的情况。", ["reconsideration"]),
        ("没有发生因政府信息公开提起行政诉讼。", ["litigation_direct"]),
    ],
)
def test_no_remedy_statements(text: str, cells: list[str]) -> None:
    assert codes(narrative(text)) == []
    report = narrative(text, remedy__reconsideration__total=1, remedy__litigation_direct__total=2)
    assert [f.cells[0] for f in check_narrative(report)] == [f"remedy.{c}.total" for c in cells]


@pytest.mark.parametrize(
    "text",
    [
        "未出现因政府信息公开被行政复议纠错或行政诉讼败诉的情况。",
        "认为行政机关未依法履行政府信息公开义务的可以申请行政复议。",
        "未经复议直接起诉的行政诉讼尚未审结。",
    ],
)
def test_statements_that_do_not_deny_remedies(text: str) -> None:
    report = narrative(text, remedy__reconsideration__total=1, remedy__litigation_direct__total=1)
    assert codes(report) == []


# ---------------------------------------------------------------- proactive count


@pytest.mark.parametrize(
    "text",
    [
        "全年主动公开政府信息16条。历年累计主动公开信息数378条。",
        "主动公开政府信息数 70 条。其中，主动公开公文类政府信息 10 条，非公文类政府信息 60 条。",
        "全年主动公开信息16条，主动公开文件 12 份。",
        "全年主动公开政府信息100条，其中在门户网站主动公开政府信息80条，通过公开栏公开20条。",
        "全年主动公开政府信息100条。在政府门户网站主动公开政府信息80条。",
        "全年主动公开政府信息16条。截至年底主动公开信息数300条。",
    ],
)
def test_proactive_count_stated_consistently(text: str) -> None:
    assert codes(narrative(text)) == []


def test_proactive_count_contradiction_with_chinese_numerals() -> None:
    [f] = check_narrative(narrative("全年主动公开政府信息十四条。本年度主动公开信息数为16条。"))
    assert (f.code, f.actual, f.expected) == ("NARRATIVE_INCONSISTENT", 14, 16)


# ---------------------------------------------------------------- breakdowns and shares


def test_breakdown_that_does_not_add_up() -> None:
    text = "主动公开政府信息23条，其中机构职能类信息1条，规划计划类信息4条，其他类信息3条。"
    [f] = check_narrative(narrative(text))
    assert (f.code, f.expected, f.actual, f.severity) == (
        "NARRATIVE_BREAKDOWN_SUM",
        23,
        8,
        "warning",
    )
    assert f.params["quote"].startswith("主动公开政府信息23条")


def test_nested_breakdown_with_baokuo() -> None:
    ok = "主动公开政府信息1213条，其中政府信息公开网站上公开信息58条，包括政策文件17条、信息公开41条。"
    assert codes(narrative(ok)) == []
    bad = ok.replace("41条", "40条")
    [f] = check_narrative(narrative(bad))
    assert (f.expected, f.actual) == (58, 57)


def test_breakdown_across_full_stop_and_full_width_digits() -> None:
    text = "主动公开政府信息数７０条。其中，公文类政府信息１０条，非公文类政府信息５０条。"
    [f] = check_narrative(narrative(text))
    assert (f.expected, f.actual) == (70, 60)


@pytest.mark.parametrize(
    "text",
    [
        "主动公开政府信息100条，其中政策文件20条、政策解读10条等。",
        "主动公开政府信息100条，其中文件40条、图片20张、视频40条。",
        "主动公开政府信息100条，其中网站公开90条（含转载10条）。",
        "主动公开政府信息5条，其中政策文件4条。",
        "共推送信息30条，其中图文20篇、视频10条。",
    ],
)
def test_breakdowns_we_do_not_judge(text: str) -> None:
    assert codes(narrative(text)) == []


def test_share_within_rounding() -> None:
    text = "公开信息16条，其中机构职能类信息3条，占比18.8%；规划计划类信息13条，占比81%。"
    assert codes(narrative(text)) == []


def test_share_off() -> None:
    text = "公开信息16条，其中机构职能类信息3条，占比20%；规划计划类信息13条，占比81.25%。"
    [f] = check_narrative(narrative(text))
    assert (f.code, f.expected, f.actual) == ("NARRATIVE_PERCENT", 18.75, 20)


def test_part_five_is_not_read() -> None:
    report = narrative("全年主动公开政府信息16条。")
    report.sections["problems"] = "2021年计划主动公开政府信息30条。"
    assert codes(report) == []


# ---------------------------------------------------------------- what real reports write
# Sentences below are quoted from the real corpus (tests/data/real).


def test_breakdown_followed_by_other_facts_is_not_one_sum() -> None:
    text = "2022年共受理749件，其中自然人741件，法人或其他组织8件；共办理718件，结转31件。"
    assert codes(narrative(text, apply__new__total=749, apply__new__natural_person=741)) == []
    broken = text.replace("741件", "740件")
    [f] = [
        f
        for f in check_narrative(narrative(broken, apply__new__total=749))
        if f.code == "NARRATIVE_BREAKDOWN_SUM"
    ]
    assert (f.expected, f.actual) == (749, 748)


@pytest.mark.parametrize(
    "text",
    [
        "主动公开政府信息55条（涵盖政策及规范性文件类6条、其他应主动公开的政府信息16条）。",
        "2023年累计主动公开政府信息66条，其他应主动公开的政府信息35条。",
    ],
)
def test_a_category_of_the_catalogue_is_not_the_years_count(text: str) -> None:
    assert "NARRATIVE_INCONSISTENT" not in codes(narrative(text))


def test_received_stated_in_tiao_or_fen() -> None:
    [f] = check_narrative(narrative("2023年，共收到政府信息公开申请0条。", apply__new__total=3))
    assert (f.code, f.actual, f.expected) == ("NARRATIVE_CONTRADICTS_TABLE", 0, 3)
    assert codes(narrative("共收到政府信息公开申请7份。", apply__new__total=7)) == []


def test_a_count_printed_in_the_carried_in_row_is_not_received() -> None:
    report = narrative(
        "共收到政府信息公开申请7份。", apply__new__total=0, apply__carried_in__total=7
    )
    [f] = check_narrative(report)
    assert (f.cells, f.actual, f.expected) == (("apply.new.total",), 7, 0)


def test_applicants_stated_with_the_count() -> None:
    text = "共收到政府信息公开申请3件，其中法人申请1件、自然人申请2件。"
    report = narrative(text, apply__new__total=3, apply__new__natural_person=3)
    found = sorted((f.cells[0], f.actual, f.expected) for f in check_narrative(report))
    assert found == [("apply.new.commercial", 1, 0), ("apply.new.natural_person", 2, 3)]
    right = narrative(
        text, apply__new__total=3, apply__new__natural_person=2, apply__new__other_org=1
    )
    assert codes(right) == []


def test_applicants_of_another_year_are_not_compared() -> None:
    text = "上年结转政府信息公开申请3件，其中自然人申请2件。"
    assert codes(narrative(text, apply__new__natural_person=0)) == []


def test_outcome_stated_in_the_text() -> None:
    text = "共收到申请2件，其中1件属于‘本机关不掌握相关政府信息’。"
    [f] = check_narrative(narrative(text, apply__new__total=2, apply__unable__not_held__total=0))
    assert (f.cells, f.actual, f.expected) == (("apply.unable.not_held.total",), 1, 0)
    ok = narrative(text, apply__new__total=2, apply__unable__not_held__total=1)
    assert codes(ok) == []


def test_no_applications_stated_but_outcomes_printed() -> None:
    text = "2021年暂未接到群众对依申请公开信息申请。"
    [f] = check_narrative(narrative(text, apply__outcome_total__natural_person=1))
    assert (f.cells, f.actual, f.expected) == (("apply.outcome_total.natural_person",), 0, 1)
    carried = narrative(
        text, apply__outcome_total__natural_person=1, apply__carried_in__natural_person=1
    )
    assert codes(carried) == []


def test_handled_applications_against_the_outcomes() -> None:
    text = "全年办理政府信息公开申请1件。"
    [f] = check_narrative(narrative(text))
    assert (f.cells, f.actual, f.expected) == (("apply.outcome_total.total",), 1, 0)
    ok = narrative(text, apply__outcome_total__total=1, apply__new__total=1)
    assert codes(ok) == []


def test_parts_that_add_up_end_the_list() -> None:
    text = "公开信息20条，其中监督检查情况8条，其他应主动公开的政府信息12条；公开财政预决算信息2条、三公经费信息1条，发布公示公告50条。"
    assert codes(narrative(text)) == []
