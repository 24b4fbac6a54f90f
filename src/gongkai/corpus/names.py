"""Agency names normalised to one id per agency across years (机关名称归一).

Agencies spell themselves differently from year to year: full-width and half-width letters and
brackets, stray spaces, a year or the report's title glued on ("2020年平潭综合实验区交通与建设局"),
a parenthetical after the name ("…交通与建设局（平潭综合实验区交通运输局）", "（本级）").
``agency_id`` strips all of that so the same agency gets the same id every year; a renamed
agency can be joined by an alias file (``load_aliases``).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

_SPACE = re.compile(r"\s+")
_PAREN = re.compile(r"[(\[【〔][^()\[\]【】〔〕]*[)\]】〕]")
# A year glued in front: "2020年", "2020年度", "二〇二〇年", "2020 年度".
_YEAR_PREFIX = re.compile(r"^(?:(?:19|20)\d\d|[〇零一二三四五六七八九]{4})年度?")
# Title text glued after the name, when the agency was read from the title.
_TITLE_TAIL = re.compile(r"(?:关于)?(?:(?:19|20)\d\d年度?)?政府信息公开.*$")
# The first place name: the shortest prefix ending in a level word that is not itself the start
# of a longer level word ("福州" is not a place here, "福州市" is).
_REGION = re.compile(
    r"^(.+?(?:自治区|特别行政区|综合实验区|新区|开发区|省|自治州|自治县|自治旗|市|州|盟|县|区|旗))"
    r"(?![市县区州省旗盟])"
)


def normalise(name: str) -> str:
    """The comparable spelling: NFKC (full-width → half-width), no spaces, no year prefix,
    no title tail, no parentheticals."""
    text = unicodedata.normalize("NFKC", name)
    text = _SPACE.sub("", text)
    text = _TITLE_TAIL.sub("", text)
    while True:
        stripped = _PAREN.sub("", text)
        if stripped == text:
            break
        text = stripped
    text = _YEAR_PREFIX.sub("", text)
    return text.strip("-_·:：,，、.。")


def agency_id(name: str | None, aliases: dict[str, str] | None = None) -> str | None:
    """One id per agency: its normalised name, or the alias it was mapped to."""
    if not name:
        return None
    key = normalise(name)
    if not key:
        return None
    if aliases:
        key = aliases.get(key, key)
    return key


def region_of(agency: str | None) -> str | None:
    """The place the agency's name starts with (平潭综合实验区, 乐清市), or None if it names none."""
    if not agency:
        return None
    match = _REGION.match(agency)
    if match is None or len(match.group(1)) < 2:
        return None
    return match.group(1)


class AliasFileError(ValueError):
    """An alias file that cannot be used; the message is for the user, in Chinese."""


def load_aliases(path: str | Path) -> dict[str, str]:
    """A CSV of ``spelling,agency`` lines mapping a former or odd name to the agency's id."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AliasFileError(f"无法读取机关别名文件 {path}：{exc}") from None
    out: dict[str, str] = {}
    for number, row in enumerate(csv.reader(text.splitlines()), start=1):
        if not row or row[0].startswith("#"):
            continue
        if len(row) != 2 or not row[0].strip() or not row[1].strip():
            raise AliasFileError(f"机关别名文件第 {number} 行应为“原名称,机关名称”两列")
        out[normalise(row[0])] = normalise(row[1])
    return out
