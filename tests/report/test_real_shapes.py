"""Each shape real reports come in, on a real file that shows it (tests/data/real), and the
pieces that read it (``flattened``, ``digit_runs``, ``values``) on their own."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.report.formats import FORMATS
from gongkai.report.parse import read_path, read_report
from gongkai.report.parse.digit_runs import RunRow, solve, splits
from gongkai.report.parse.flattened import is_flattened, unflatten
from gongkai.report.parse.values import WAN_YUAN, YUAN, header_unit, read_cell, to_wan_yuan
from gongkai.report.pipeline import load_path

REAL = Path(__file__).parent.parent / "data" / "real"


def codes(report) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for f in report.findings]


# ---------------------------------------------------------------- a whole report on one line


def test_one_line_report_with_spaced_cells() -> None:
    """ux-jtj-2022: every paragraph and cell of the page on one line, cells spaced."""
    report = load_path(REAL / "ux-jtj-2022.txt")
    assert (report.agency, report.year, report.format) == (
        "平潭综合实验区交通与建设局",
        2022,
        "2021",
    )
    assert report.cells["active.normative.in_force"] == 16
    assert report.cells["apply.unable.not_held.natural_person"] == 4
    assert report.cells["apply.outcome_total.total"] == 11
    assert codes(report) == []  # every part found, every identity holds
    assert report.sections["problems"].startswith("（一）存在的主要问题")


def test_one_line_report_with_cells_run_together() -> None:
    """ptb-gzj-2022: no separator at all — "规章000行政规范性文件3023…1.属于国家秘密00000002.…"."""
    report = load_path(REAL / "ptb-gzj-2022.txt")
    assert [report.cells[f"active.normative.{c}"] for c in ("issued", "repealed", "in_force")] == [
        3,
        0,
        23,
    ]
    assert report.cells["apply.denied.state_secret.total"] == 0
    assert report.cells["remedy.litigation_after.total"] == 0
    assert "DIGITS_SPLIT" in codes(report)
    assert not [f for f in report.findings if f.severity.value == "error"]


def test_run_together_digits_with_several_readings_stay_unknown() -> None:
    """ptb-gzj-2023: "行政规范性文件6126" is 6 1 26 or 6 12 6 — both fit; never guessed."""
    report = load_path(REAL / "ptb-gzj-2023.txt")
    assert report.cells["active.normative.issued"] == 6  # every reading agrees on it
    assert report.cells["active.normative.repealed"] is None
    assert report.cells["active.normative.in_force"] is None
    [f] = [f for f in report.findings if f.code == "DIGITS_AMBIGUOUS"]
    assert "6126" in f.message and "6 1 26" in f.message and "6 12 6" in f.message


def test_negative_change_run_into_its_neighbours() -> None:
    """pta-jtjs-2020: "行政许可88-720" — 88, then −72 0 or −7 20: 88 is certain."""
    report = load_path(REAL / "pta-jtjs-2020-web.txt")
    assert report.cells["active.licensing.prev_count"] == 88
    assert report.cells["active.licensing.change"] is None
    assert report.cells["active.punishment.prev_count"] == 26


def test_change_written_as_a_word() -> None:
    """pta-nync-2019: "行政事业性收费16减12"."""
    report = read_path(REAL / "pta-nync-2019-web.txt")
    assert (report.cells["active.fees.prev_count"], report.cells["active.fees.change"]) == (16, -12)


def test_cells_with_their_units_in_running_text() -> None:
    """pta-lwt-2019: "政府集中采购1个246900元" — a count with 个 and an amount in 元."""
    report = read_path(REAL / "pta-lwt-2019-web.txt")
    assert report.cells["active.procurement.projects"] == 1
    assert str(report.cells["active.procurement.amount"]) == "24.69"


def test_renumbered_parts() -> None:
    """ux-lyy-2020 adds its own part 二, so the official parts are numbered 三 to 七."""
    report = load_path(REAL / "ux-lyy-2020.txt")
    assert "SECTION_MISSING" not in codes(report)
    assert report.sections["other"].startswith("本年度无收取信息处理费")


def test_part_heading_variants() -> None:
    """pta-nync-2020: 一、概述 … 五、政府信息公开存在的问题及改进措施 … 六、需要说明的其他事项."""
    report = load_path(REAL / "pta-nync-2020-web.txt")
    assert "SECTION_MISSING" not in codes(report)


def test_undivided_other_row_in_a_2021_table() -> None:
    """pta-zhzf-2021 prints the 2019 layout's one （六）其他处理 row, all zero."""
    report = load_path(REAL / "pta-zhzf-2021-web.txt")
    assert report.format == "2021"
    for row in ("no_correction", "no_fee", "other"):
        assert report.cells[f"apply.other.{row}.total"] == 0
    assert "ROW_UNDIVIDED" in codes(report)
    assert "ROW_MISSING" not in codes(report)


def test_undivided_other_row_that_is_not_zero_stays_unknown() -> None:
    text = (REAL / "pta-zhzf-2021-web.txt").read_text(encoding="utf-8")
    at = text.index("（六）其他处理")
    head, tail = text[:at], text[at:]
    changed = head + tail.replace("0000000", "1000001", 1)
    report = read_report(changed.encode("utf-8"), "changed.txt")
    assert report.cells["apply.other.other.total"] is None
    [f] = [f for f in report.findings if f.code == "ROW_UNDIVIDED"]
    assert "1 0 0 0 0 0 1" in f.message and "无法拆分" in f.message
    # the undivided row is still an outcome: the table no longer adds up
    assert "APPLY_OUTCOME_SUM" not in codes(report)  # sub-rows unknown: not verifiable


def test_a_row_the_report_does_not_print_is_missing() -> None:
    """ptb-htpq-2023 prints no 规章 row: a real omission, reported, values unknown."""
    report = load_path(REAL / "ptb-htpq-2023.txt")
    assert report.cells["active.rules.issued"] is None
    assert "ROW_MISSING" in codes(report)


def test_crawler_title_field() -> None:
    report = read_path(REAL / "ux-jtj-2022.txt")
    assert report.title == "平潭综合实验区交通与建设局2022年度政府信息公开工作年度报告"


# ---------------------------------------------------------------- the pieces


def test_unflatten_cuts_parts_and_rows() -> None:
    line = (
        "前言文字。 一、总体情况 本年度工作。 二、主动公开政府信息情况 第二十条第（一）项 信息内容 "
        "本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 4 0 16 "
        "三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1 "
        "四、结转下年度继续办理 0 0 0 0 0 0 0 四、政府信息公开行政复议、行政诉讼情况 "
        "行政复议 结果维持 总计 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 五、存在的主要问题及改进情况 "
        "问题。 六、其他需要报告的事项 无。" + "。" * 200
    )
    assert is_flattened(line)
    lines = unflatten(line)
    assert "二、主动公开政府信息情况" in lines
    assert "规章\t0\t0\t0" in lines
    assert "行政规范性文件\t4\t0\t16" in lines
    assert "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0" in lines  # not taken for part 四
    assert "四、政府信息公开行政复议、行政诉讼情况" in lines
    assert "\t" + "\t".join(["0"] * 15) in lines  # part 四's line: no label, header before
    assert not is_flattened(
        "一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况"
    )


def test_splits_respect_leading_zeros_and_signs() -> None:
    assert list(splits("801000081", 7)) == [
        (8, 0, 10, 0, 0, 0, 81),
        (8, 0, 100, 0, 0, 8, 1),
        (80, 1, 0, 0, 0, 0, 81),
        (80, 10, 0, 0, 0, 8, 1),
        (801, 0, 0, 0, 0, 8, 1),
    ]
    assert list(splits("0000000", 7)) == [(0,) * 7]
    assert list(splits("000000", 7)) == []
    assert list(splits("88-720", 3, (False, True, False))) == [(88, -7, 20), (88, -72, 0)]
    assert list(splits("88-720", 3)) == []  # no column may be negative
    assert list(splits("-0", 1, (True,))) == []


def test_solve_uses_the_row_total() -> None:
    fmt = FORMATS["2021"]
    keys = tuple(fmt.apply.key(fmt.apply.rows[0], c) for c in fmt.apply.columns)
    solution = solve([RunRow(keys, "801000081")], fmt.identities)
    assert [solution.values[k] for k in keys] == [80, 1, 0, 0, 0, 0, 81]


def test_solve_uses_the_columns_across_rows() -> None:
    """新收, 予以公开 and （七）总计 each split two ways that add up; the column identities tie
    them to one reading each, but both consistent readings remain: the cells stay unknown."""
    fmt = FORMATS["2021"]
    apply = fmt.apply
    rows = {r.key: r for r in apply.rows}

    def row(name: str, run: str) -> RunRow:
        return RunRow(tuple(apply.key(rows[name], c) for c in apply.columns), run)

    runs = [row(r.key, "0000000") for r in apply.rows]
    # 一、新收 "110000011": 11 0 0 0 0 0 11 or 1 10 0 0 0 0 11; 予以公开 and 总计 likewise
    runs[0] = row("new", "110000011")
    runs[2] = row("granted", "110000011")
    total = next(i for i, r in enumerate(apply.rows) if r.key == "outcome_total")
    runs[total] = row("outcome_total", "110000011")
    solution = solve(runs, fmt.identities)
    key = apply.key(rows["new"], apply.columns[0])
    assert solution.values.get(key) is None  # both readings fit every identity
    assert {r for r in solution.readings[runs[0].keys]} == {
        (1, 10, 0, 0, 0, 0, 11),
        (11, 0, 0, 0, 0, 0, 11),
    }


def test_solve_bound_settles_in_force() -> None:
    """现行有效 + 本年废止 ≥ 本年制发: "3023" is 3 0 23, not 30 2 3."""
    fmt = FORMATS["2021"]
    keys = ("active.normative.issued", "active.normative.repealed", "active.normative.in_force")
    solution = solve([RunRow(keys, "3023")], fmt.identities, fmt.bounds)
    assert [solution.values[k] for k in keys] == [3, 0, 23]


@pytest.mark.parametrize(
    ("raw", "value"), [("减12", -12), ("增3", 3), ("-5", -5), ("3个", 3), ("12件", 12)]
)
def test_cells_with_words(raw: str, value: int) -> None:
    assert read_cell(raw).value == value


@pytest.mark.parametrize(
    ("header", "unit"),
    [
        ("采购总金额：元", YUAN),
        ("采购总金额（元）", YUAN),
        ("采购总金额(单位:元)", YUAN),
        ("采购总金额（万元）", WAN_YUAN),
        ("本年收费金额（单位：万元）", WAN_YUAN),
        ("采购总金额", None),
    ],
)
def test_header_units(header: str, unit: str | None) -> None:
    assert header_unit(header) == unit


@pytest.mark.parametrize(
    ("value", "unit", "written"),
    [
        (2_000_000, YUAN, "200"),  # a whole number of 万元 is written whole, never "2E+2"
        (Decimal("120.0"), WAN_YUAN, "120"),
        (12_345, YUAN, "1.2345"),
        (Decimal("3.50"), WAN_YUAN, "3.5"),
        (7, None, "7"),
    ],
)
def test_amounts_in_wan_yuan_are_exact_and_written_plainly(
    value: int | Decimal, unit: str | None, written: str
) -> None:
    assert str(to_wan_yuan(value, unit)) == written


def test_blank_cell_that_could_be_anything_stays_unknown() -> None:
    """A blank is 0 only when the rest already balances: with one more new application of a
    research institute, the blank 结转下年度 cell of that column would have to be 1 — unknown."""
    from gongkai.report.render.md import render_md
    from gongkai.report.sample import sample_report

    base = sample_report(5, fmt="2021", year=2022)
    assert base.cells["apply.carried_out.research"] == 0
    lines = render_md(base).decode("utf-8").split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("| 四、结转下年度继续办理"))
    cells = lines[row].split("|")
    research = 6  # "| label |  |  | 自然人 | 商业企业 | 科研机构 |": the label spans three cells
    cells[research] = "  "  # 科研机构 printed empty
    lines[row] = "|".join(cells)
    blank = read_report("\n".join(lines).encode("utf-8"), "blank.md")
    assert blank.cells["apply.carried_out.research"] == 0
    assert "BLANKS_AS_ZERO" in codes(blank)
    new = next(i for i, line in enumerate(lines) if line.startswith("| 一、本年新收"))
    cells = lines[new].split("|")
    cells[research] = f" {int(cells[research]) + 1} "
    lines[new] = "|".join(cells)
    unbalanced = read_report("\n".join(lines).encode("utf-8"), "blank.md")
    assert unbalanced.cells["apply.carried_out.research"] is None


def test_run_together_row_that_lost_an_empty_cell() -> None:
    """ux-jjf-2021: （一）予以公开 prints six digits for seven cells; every reading that keeps
    the table's identities is all zero."""
    report = load_path(REAL / "ux-jjf-2021.txt")
    assert [report.cells[f"apply.granted.{c}"] for c in ("natural_person", "total")] == [0, 0]
    [f] = [f for f in report.findings if f.code == "DIGITS_SPLIT"]
    assert "只能为 0" in f.message


def test_part_number_without_its_comma() -> None:
    """ptd-jjpq-2020: "。一总体情况2020年，…"."""
    report = load_path(REAL / "ptd-jjpq-2020.txt")
    assert "SECTION_MISSING" not in codes(report)
    assert report.sections["overview"].startswith("2020年")


def test_part_one_under_the_agencys_own_title() -> None:
    """pte-jspq-2025: 一、年度工作核心成效 … 五、当前存在的突出问题 … 七、其他需说明事项."""
    report = load_path(REAL / "pte-jspq-2025.txt")
    assert "SECTION_MISSING" not in codes(report)
    assert report.sections["overview"].startswith("（一）主动公开多点发力")


def test_cover_letter_title() -> None:
    """ptd-sppq-2020: "…苏平片区管理局关于报送2020年度政府信息公开工作年度报告的函"."""
    report = read_path(REAL / "ptd-sppq-2020.txt")
    assert report.agency == "平潭综合实验区苏平片区管理局"
