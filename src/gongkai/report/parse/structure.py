"""The report's outline: its title (agency and year) and where each of the six parts starts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..formats import SECTIONS, Section
from .normalize import halfwidth, label_key, tidy_spaces

_HEADING = re.compile(r"^\s*([一二三四五六七八])\s*[、.．,，]\s*(.+)$")
_MAX_HEADING = 40
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_CN_YEAR = re.compile(r"([一二〇零○][〇零○一二三四五六七八九]{3})\s*年")
_TITLE_WORDS = ("年度报告", "年报", "工作报告")
# A saved page's field name before the title: "标题: …" (crawler text), "文章标题：…".
_TITLE_FIELD = re.compile(r"^\s*(?:文章)?(?:标题|题目|名称)\s*[:：]\s*")


def heading_section(text: str, first: bool = False) -> Section | None:
    """The part a paragraph opens, if it is a heading like "四、政府信息公开行政复议…".
    ``first``: no part has begun yet, so a short "一、…" heading in the agency's own words
    ("一、年度工作核心成效") opens part 一."""
    if len(text) > _MAX_HEADING:
        return None
    m = _HEADING.match(halfwidth(text))
    if m is None:
        return None
    rest = label_key(m.group(2))
    by_keyword = [s for s in SECTIONS if any(k in rest for k in s.keywords)]
    if not by_keyword and first and m.group(1) == "一" and is_short_title(rest):
        return SECTIONS[0]
    if not by_keyword:
        return None
    by_number = [s for s in by_keyword if s.number == m.group(1)]
    return (by_number or by_keyword)[0]


_SHORT_TITLE = re.compile(r"^[\u4e00-\u9fff]{2,12}$")


def is_short_title(text: str) -> bool:
    """A heading's words: a few Chinese characters, no number or punctuation."""
    return _SHORT_TITLE.match(text) is not None


@dataclass(frozen=True)
class Title:
    text: str | None
    agency: str | None
    year: int | None
    paragraphs: int  # how many leading paragraphs the title took


def read_title(paragraphs: list[str]) -> Title:
    """Find the title in the first paragraphs: "<机关> 2020 年度政府信息公开工作年度报告",
    possibly over two lines ("乐清市机关事务管理中心" / "2020 年政府信息公开工作年度报告")."""
    for count in (1, 2, 3):
        if len(paragraphs) < count:
            break
        lines = paragraphs[:count]
        text = "".join(lines)
        if count > 1 and any(len(line) > 40 for line in lines):
            break
        if len(text) > 80 or not any(w in text for w in _TITLE_WORDS):
            continue
        text = _TITLE_FIELD.sub("", tidy_spaces(text))
        agency, year = _agency_and_year(text)
        return Title(text, agency, year, count)
    return Title(None, None, None, 0)


# "…管理局关于报送2020年度政府信息公开工作年度报告的函": the agency ends before 关于.
_COVER_LETTER = re.compile(r"关于(?:报送|印发|公布|发布|上报|提交)?$")


def find_title(paragraphs: list[str]) -> tuple[int, Title]:
    """The title and the index of its first paragraph. A saved web page puts the site's
    menus and breadcrumbs before it ("首页 / 政务公开 / … / 平潭综合实验区交通与建设局2025年度
    政府信息公开工作年度报告"): past the first lines only a title that names the report and
    its year is taken."""
    title = read_title(paragraphs)
    if title.text is not None:
        return 0, title
    for start in range(1, len(paragraphs)):
        text = paragraphs[start]
        if "政府信息公开" not in text or not any(w in text for w in _TITLE_WORDS):
            continue
        candidate = read_title(paragraphs[start:])
        if candidate.year is not None and candidate.text and not candidate.text.endswith("。"):
            return start, candidate
    return 0, title


def _agency_and_year(title: str) -> tuple[str | None, int | None]:
    text = halfwidth(title)
    year: int | None = None
    m = _YEAR.search(text)
    if m is None:
        cm = _CN_YEAR.search(text)
        if cm is not None:
            year = _chinese_year(cm.group(1))
            start, end = cm.span()
        else:
            return _agency_without_year(text), None
    else:
        year = int(m.group(1))
        start, end = m.span()
    before = re.sub(r"\s+", "", text[:start])
    if before:
        return _COVER_LETTER.sub("", before) or None, year
    after = re.sub(r"\s+", "", text[end:]).removeprefix("度")
    return _agency_without_year(after), year


def _agency_without_year(text: str) -> str | None:
    m = re.match(r"^(.+?)(?:政府信息公开|信息公开)", re.sub(r"\s+", "", text))
    if m is None:
        return None
    agency = m.group(1)
    if agency.endswith("人民") and "人民政府信息公开" in text.replace(" ", ""):
        agency += "政府"
    return agency or None


def _chinese_year(text: str) -> int | None:
    """ "二〇二〇" → 2020: a year is written digit by digit."""
    digits = "".join(
        str("〇一二三四五六七八九".find(ch)) for ch in text.replace("零", "〇").replace("○", "〇")
    )
    year = int(digits) if digits.isdigit() and len(digits) == 4 else None
    return year if year is not None and 1990 <= year <= 2100 else None


def year_from_text(text: str) -> int | None:
    """A fallback year: "统计限自 2020 年 1 月 1 日" in the preamble."""
    m = _YEAR.search(halfwidth(text))
    return int(m.group(1)) if m else None
