"""A whole report on one line: web-page text where every paragraph and table cell lost its
line break ("… 二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 … 规章 0 0 0
行政规范性文件 4 0 16 …").

Such a line is cut back into lines before the text reader sees it: at the six part headings,
then — inside parts 二 to 四, where the tables are — into one row per label and the numbers
that follow it, with the header words that stand before a row label put on a line of their
own. The rows come out tab-separated, the way the text reader already reads tables.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..formats import FORMATS, SECTIONS
from .labels import match_row
from .normalize import halfwidth, label_key
from .structure import is_short_title

MIN_LENGTH = 400  # shorter lines are ordinary paragraphs or rows
_HEADING_AT = re.compile(r"([一二三四五六七八])\s*([、.．]?)\s*")
_TABLE_PARTS = frozenset({"proactive", "applications", "remedies"})
# Column headers that may follow a row label inside a merged header ("复议后起诉 结果 维持 …").
_HEADER_WORDS = ("结果维持", "结果纠正", "尚未审结", "自然人", "商业企业", "本年制发", "信息内容")


def is_flattened(line: str) -> bool:
    if len(line) < MIN_LENGTH:
        return False
    return len(_part_starts(line)) >= 3


def unflatten(line: str) -> list[str]:
    """The lines a flattened report line stood for."""
    out: list[str] = []
    starts = _part_starts(line)
    pieces: list[tuple[int, str | None]] = [(0, None), *starts]
    for n, (start, section) in enumerate(pieces):
        end = pieces[n + 1][0] if n + 1 < len(pieces) else len(line)
        piece = line[start:end].strip()
        if not piece:
            continue
        if section is None or section not in _TABLE_PARTS:
            heading, body = _cut_heading(piece) if section else ("", piece)
            out.extend(x for x in (heading, body) if x)
            continue
        heading, body = _cut_heading(piece)
        out.append(heading)
        out.extend(table_rows(body))
    return out


def _part_starts(line: str) -> list[tuple[int, str]]:
    """Where each of the six part headings starts (first occurrence, in order)."""
    found: list[tuple[int, str]] = []
    for m in _HEADING_AT.finditer(line):
        section = _heading_at(line, m.end(), m.group(1), bare=not m.group(2))
        if section is None and not found and m.group(1) == "一" and m.group(2):
            section = _own_first_heading(line, m.end())
        if section is None or any(key == section[0] for _, key in found):
            continue
        if found and m.start() < found[-1][0]:
            continue
        found.append((m.start(), section[0]))
    return found


def _heading_at(line: str, start: int, number: str, bare: bool = False) -> tuple[str, int] | None:
    """The part a "X、" opens and where its heading ends: one of part X's title words
    follows within a few words, with no number or other numbering between ("四、结转下年度
    继续办理 0 … 四、政府信息公开行政复议" opens part 四 at its second "四、")."""
    text = line[start : start + 30]
    # Prefer the part the number names; a report that added a part of its own ("二、政务公开
    # 工作主要任务落实情况") numbers the official ones one higher.
    for sec in sorted(SECTIONS, key=lambda sec: sec.number != number):
        if bare and sec.number != number:
            continue  # "一总体情况" with no 、: only its own number and title, right after it
        for word in (sec.title,) if bare else (sec.title, *sec.keywords):
            at = text.find(word)
            if bare and at != 0:
                continue
            if at < 0 or _INTERRUPTED.search(text[:at]):
                continue
            end = at + len(word)
            closing = text.find("情况", end, end + 14)
            if word != sec.title and closing >= 0 and not _INTERRUPTED.search(text[end:closing]):
                end = closing + 2
            return sec.key, start + end
    return None


_INTERRUPTED = re.compile(r"[\d、。；（(\s]")


def _own_first_heading(line: str, start: int) -> tuple[str, int] | None:
    """ "一、年度工作核心成效（一）…": part 一 under the agency's own title, before any other
    part: its words run to the first bracket, space or full stop."""
    m = _OWN_TITLE.match(line, start)
    if m is None or not is_short_title(m.group(1)):
        return None
    return "overview", m.end(1)


_OWN_TITLE = re.compile(r"([^（(\s。，；：]{2,12})(?=[（(\s。，；：])")


def _cut_heading(piece: str) -> tuple[str, str]:
    """Split "二、主动公开政府信息情况 第二十条…" into the heading and the rest."""
    m = _HEADING_AT.match(piece)
    found = _heading_at(piece, m.end(), m.group(1), bare=not m.group(2)) if m else None
    if m is not None and found is None and m.group(1) == "一" and m.group(2):
        found = _own_first_heading(piece, m.end())
    if m is None or found is None:
        return "", piece
    heading = piece[: found[1]].strip()
    if not m.group(2):
        heading = (
            f"{m.group(1)}、{piece[m.end() : found[1]].strip()}"  # "一总体情况" → "一、总体情况"
        )
    return heading, piece[found[1] :].strip()


def table_rows(body: str) -> list[str]:
    """Table rows of one part: each stretch of words followed by numbers is a row."""
    out: list[str] = []
    for words, numbers in _stretches(body):
        narrative, words = _cut_narrative(words)
        if narrative:
            out.append(narrative)
        if not numbers:
            if words:
                out.append("\t".join(words.split()))
            continue
        header, label = _split_label(words)
        if header:
            out.append("\t".join(header.split()))
        out.append("\t".join([label, *numbers]))
    return out


# A number in a table part; one followed by a counter word (年 条 件 …) or preceded by 第 is
# part of a sentence or label, and the digit before "2.其他…" numbers the next row's label.
_NUMBER = re.compile(r"[+\-−增减]?\d+(?:\.\d+)?(?:万元|元)?")
# A cell may print its unit ("政府集中采购 3个 3443000元"): a number standing alone between
# spaces with one of these after it is a value, not a count in a sentence.
_CELL_UNITS = "个件条项份"
_COUNTER = "年月日号条件项个份次家人%％"
_NUMBERING = ".、．"


def _stretches(body: str) -> list[tuple[str, list[str]]]:
    """(words, numbers) pairs in reading order; numbers separated only by spaces are one
    row's values, and digits with no space between them stay one run ("0000000")."""
    out: list[tuple[str, list[str]]] = []
    words: list[str] = []
    numbers: list[str] = []
    pos = 0
    for m in _NUMBER.finditer(body):
        text, start, end = m.group(), m.start(), m.end()
        after = body[end : end + 1]
        before = body[start - 1 : start] if start else ""
        numbering = bool(after) and after in _NUMBERING and not body[end + 1 : end + 2].isdigit()
        if after and after in _CELL_UNITS and _standalone(body, start, end + 1):
            text, end, after = text + after, end + 1, body[end + 1 : end + 2]
        if numbering:
            text, end = text[:-1], end - 1  # "00000002." → the run "0000000" and "2."
        if (
            not text.lstrip("+-−")
            or (after and after in _COUNTER)
            or before == "第"
            or (before.isascii() and before.isalpha())
        ):
            continue
        gap = body[pos:start]
        if gap.strip():
            if numbers:
                out.append(("".join(words), numbers))
                words, numbers = [], []
            words.append(gap)
        numbers.append(text)
        pos = end
    rest = body[pos:]
    if numbers:
        out.append(("".join(words), numbers))
        words = []
    if rest.strip() or words:
        out.append(("".join(words) + rest, []))
    return [(w.strip(), n) for w, n in out]


def _standalone(body: str, start: int, end: int) -> bool:
    before = body[start - 1 : start]
    after = body[end : end + 1]
    # "政府集中采购 3个 3443000元", or cells run together: "政府集中采购1个246900元"
    return (not before or before.isspace() or after.isdigit()) and (
        not after or after.isspace() or after.isdigit()
    )


def _cut_narrative(words: str) -> tuple[str, str]:
    """A sentence of narrative standing before a table's header words."""
    end = max(words.rfind(p) for p in "。；！？")
    if end < 0:
        return "", words
    return words[: end + 1].strip(), words[end + 1 :].strip()


def _split_label(words: str) -> tuple[str, str]:
    """The row label at the end of ``words`` and the header words before it.

    The shortest tail that names a row finds the row; the label then reaches back over the
    row's numbering and group ("（三）不予公开 1.属于国家秘密") but not into header or
    caption words. When header words follow the row's name (a merged header "复议后起诉
    结果 维持 … 总计", whose numbers are a whole line of part 四), nothing is a label.
    """
    row = None
    cut = len(words)
    for at in range(len(words) - 1, -1, -1):
        if words[at].isspace():
            continue
        named = _row_named(words[at:])
        if named is not None:
            row, cut = named, at
            break
    if row is not None:
        floor = _after_stop_words(words[:cut])
        for at in range(cut - 1, floor - 1, -1):
            if not words[at].isspace() and _row_named(words[at:]) != row:
                break
            cut = at
    if row is None:
        return words, ""
    return words[:cut].strip(), words[cut:].strip()


@lru_cache(maxsize=65536)
def _row_named(text: str) -> str | None:
    """The row ``text`` names (as "table.row"), if its name is not followed by header words."""
    key = label_key(text)
    for fmt in FORMATS.values():
        match = match_row(fmt, text)
        if match is None:
            continue
        for label in match.row.labels:
            at = key.find(label_key(label))
            if at >= 0 and not any(w in key[at:] for w in _HEADER_WORDS):
                return f"{match.grid.table}.{match.row.key}"
    return None


def _after_stop_words(text: str) -> int:
    """Where the last caption, header or column word in ``text`` ends."""
    flat = halfwidth(text)
    return max((flat.rfind(w) + len(w) for w in _STOP_WORDS if w in flat), default=0)


def _stop_words() -> tuple[str, ...]:
    """Words of captions, headers and column labels: where a row label cannot reach."""
    words = {"第二十条", "信息内容", "申请人情况", "勾稽关系", "法人或其他组织", *_HEADER_WORDS}
    for fmt in FORMATS.values():
        for grid in fmt.grids:
            words.update(label_key(c.label) for c in grid.columns if len(c.label) > 2)
    return tuple(sorted(words))


_STOP_WORDS = _stop_words()
