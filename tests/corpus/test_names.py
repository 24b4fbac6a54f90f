"""Agency names normalised to one id across years (机关名称归一)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.corpus.names import AliasFileError, agency_id, load_aliases, normalise, region_of

PTJ = "平潭综合实验区交通与建设局"


@pytest.mark.parametrize(
    "spelling",
    [
        PTJ,
        f"{PTJ}（本级）",
        f"{PTJ}(平潭综合实验区交通运输局)",
        f"{PTJ}【挂平潭综合实验区港口管理局牌子】",
        " 平潭综合实验区 交通与建设局 ",
        f"2020年{PTJ}",
        f"2021年度{PTJ}",
        f"二〇二〇年{PTJ}",
        f"{PTJ}2020年度政府信息公开工作年度报告",
        f"{PTJ}关于2021年政府信息公开工作年度报告",
        "平潭综合实验区交通与建设局（（嵌套）括号）",
    ],
)
def test_spellings_of_one_agency_get_one_id(spelling: str) -> None:
    assert agency_id(spelling) == PTJ


def test_full_width_letters_and_digits_fold() -> None:
    assert normalise("ＸＸ市第１中学") == normalise("XX市第1中学") == "XX市第1中学"


def test_different_agencies_stay_apart() -> None:
    assert agency_id("平潭综合实验区财政金融局") != agency_id(PTJ)
    assert agency_id(None) is None and agency_id("（）") is None


def test_region_is_the_place_the_name_starts_with() -> None:
    assert region_of(PTJ) == "平潭综合实验区"
    assert region_of("乐清市北白象镇人民政府") == "乐清市"
    assert region_of("福州市鼓楼区财政局") == "福州市"
    assert region_of("延边朝鲜族自治州民政局") == "延边朝鲜族自治州"
    assert region_of("崔桥镇人民政府") is None
    assert region_of(None) is None


def test_aliases_join_a_renamed_agency(tmp_path: Path) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text(
        f"# 原名称,机关名称\n平潭综合实验区交通运输局,{PTJ}（本级）\n", encoding="utf-8"
    )
    aliases = load_aliases(path)
    assert agency_id("2022年平潭综合实验区交通运输局", aliases) == PTJ
    path.write_text("只有一列\n", encoding="utf-8")
    with pytest.raises(AliasFileError, match="第 1 行"):
        load_aliases(path)
