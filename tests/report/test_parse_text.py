"""The text reader and the interpreter on small hand-written shapes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.report.formats import FORMAT_2019, FORMAT_2021
from gongkai.report.parse import read_report
from gongkai.report.parse.labels import match_row
from gongkai.report.parse.structure import heading_section, read_title
from gongkai.report.parse.values import read_cell

APPLY_HEAD = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n"


def _parse(text: str):
    return read_report(text.encode("utf-8"), "t.txt")


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("三、 本年 度办 理结 果\t(一) 予以公开", "granted"),
        ("(三) 不予公 开 1. 属于国家秘密", "denied.state_secret"),
        ("2.其他法律法规禁止公开", "denied.prohibited_by_law"),
        ("（四）1.本机关不掌握相", "unable.not_held"),
        ("(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)", "partial"),
        ("(七) 总计", "outcome_total"),
        ("四、结转下年度继续办理", "carried_out"),
        ("5.要求行政机关确认或重新出具已获取信 息", "not_processed.confirm_reissue"),
    ],
)
def test_row_labels_match_despite_spacing_and_wrapping(label: str, key: str) -> None:
    match = match_row(FORMAT_2019, label)
    assert match is not None and match.row.key == key


def test_2021_other_rows_do_not_collide() -> None:
    assert match_row(FORMAT_2021, "（六）其他处理 3.其他").row.key == "other.other"
    assert (
        match_row(
            FORMAT_2021, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        ).row.key
        == "other.no_correction"
    )
    assert (
        match_row(FORMAT_2021, "2.其他法律行政法规禁止公开").row.key == "denied.prohibited_by_law"
    )
    assert match_row(FORMAT_2021, "（六）其他处理") is None


@pytest.mark.parametrize(
    ("raw", "value", "unit"),
    [
        ("０", 0, None),
        ("76.3 万元", Decimal("76.3"), "万元"),
        ("251000元", 251000, "元"),
        ("-3", -3, None),
        ("1,234", 1234, None),
    ],
)
def test_cell_values(raw: str, value: object, unit: str | None) -> None:
    cell = read_cell(raw)
    assert (cell.value, cell.unit) == (value, unit)


def test_placeholders_are_blank_not_zero() -> None:
    for raw in ("", "—", "-", "/"):
        cell = read_cell(raw)
        assert cell.blank and cell.value is None


@pytest.mark.parametrize(
    ("paragraphs", "agency", "year"),
    [
        (["北白象镇 2020 年度政府信息公开工作 年度报告"], "北白象镇", 2020),
        (
            ["乐清市机关事务管理中心", "2020 年政府信息公开工作年度报告"],
            "乐清市机关事务管理中心",
            2020,
        ),
        (["2021年乐清市人民政府信息公开工作年度报告"], "乐清市人民政府", 2021),
        (["青山镇人民政府二〇二二年政府信息公开工作年度报告"], "青山镇人民政府", 2022),
    ],
)
def test_title_gives_agency_and_year(paragraphs: list[str], agency: str, year: int) -> None:
    title = read_title(paragraphs)
    assert (title.agency, title.year) == (agency, year)


def test_headings_found_by_keywords_not_numbers_alone() -> None:
    assert heading_section("四、政府信息公开行政复议、行政诉讼情况").key == "remedies"
    assert heading_section("四、因政府信息公开申请行政复议和提起行政诉讼的情况").key == "remedies"
    assert heading_section("一、加强组织领导") is None
    assert heading_section("（一）主动公开政府信息情况") is None


def test_values_blank_in_the_middle_stay_none() -> None:
    report = _parse(
        "二、主动公开政府信息情况\n第二十条第（五）项\t\t\t\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t3\t\t5\n"
    )
    assert report.cells["active.licensing.prev_count"] == 3
    assert report.cells["active.licensing.change"] is None
    assert report.cells["active.licensing.decisions"] == 5


def test_header_order_decides_the_columns() -> None:
    report = _parse(
        "第二十条第（一）项\n信息内容\t对外公开总数量\t本年新制作数量\t本年新公开数量\n规章\t9\t1\t2\n"
    )
    assert report.cells["active.rules.total_published"] == 9
    assert report.cells["active.rules.new_made"] == 1


def test_unplaceable_values_are_left_unknown_with_a_finding() -> None:
    report = _parse(APPLY_HEAD + "一、本年新收政府信息公开申请数量\t1\t2\t3\n")
    assert report.cells["apply.new.total"] is None
    assert "ROW_AMBIGUOUS" in {f.code for f in report.findings}


def test_extra_column_resolved_by_the_row_identity() -> None:
    report = _parse(APPLY_HEAD + "一、本年新收政府信息公开申请数量\t2\t1\t0\t0\t0\t0\t3\t3\n")
    assert report.cells["apply.new.natural_person"] == 2
    assert report.cells["apply.new.total"] == 3
    assert "COLUMN_EXTRA_IGNORED" in {f.code for f in report.findings}


def test_extra_column_that_the_identity_cannot_settle_is_refused() -> None:
    report = _parse(APPLY_HEAD + "一、本年新收政府信息公开申请数量\t1\t1\t1\t0\t0\t0\t1\t2\n")
    assert report.cells["apply.new.total"] is None
    assert "ROW_AMBIGUOUS" in {f.code for f in report.findings}


def test_duplicated_row_keeps_the_first() -> None:
    report = _parse(
        APPLY_HEAD
        + "二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n二、上年结转政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5\n"
    )
    assert report.cells["apply.carried_in.total"] == 1
    assert "ROW_DUPLICATED" in {f.code for f in report.findings}


def test_2021_layout_is_recognised_from_its_labels() -> None:
    report = _parse(
        "某局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t3\n行政规范性文件\t2\t1\t7\n"
    )
    assert report.format == "2021"
    assert report.cells["active.normative.in_force"] == 7
    assert report.year == 2022


def test_amount_in_yuan_is_converted_exactly() -> None:
    report = _parse(
        "第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额（元）\n政府集中采购\t2\t251000\n"
    )
    assert report.cells["active.procurement.amount"] == Decimal("25.1")
    assert report.provenance["active.procurement.amount"].unit == "元"
    assert "AMOUNT_CONVERTED" in {f.code for f in report.findings}


def test_amount_without_unit_is_read_as_wan_yuan_with_a_warning() -> None:
    report = _parse(
        "第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t2\t12.5\n"
    )
    assert report.cells["active.procurement.amount"] == Decimal("12.5")
    assert "AMOUNT_UNIT_ASSUMED" in {f.code for f in report.findings}


def test_empty_input_gives_findings_not_an_exception() -> None:
    report = _parse("")
    codes = {f.code for f in report.findings}
    assert {"SECTION_MISSING", "TABLE_MISSING", "TITLE_UNREADABLE"} <= codes
    assert all(v is None for v in report.cells.values())


def test_a_row_with_hundreds_of_numbers_is_refused_quickly() -> None:
    report = _parse(
        APPLY_HEAD + "一、本年新收政府信息公开申请数量\t" + "\t".join(["1"] * 3000) + "\n"
    )
    assert report.cells["apply.new.total"] is None
    assert "ROW_AMBIGUOUS" in {f.code for f in report.findings}


def test_lines_of_only_tabs_do_not_stall_the_reader() -> None:
    # Found by fuzzing: a whitespace-only line with a tab used to loop for ever.
    report = _parse("\t\n \t \n一、本年新收\t1\n\t\n")
    assert report.format in {"2019", "2021"}
