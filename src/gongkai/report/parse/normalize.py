"""Text normalisation shared by the readers and the label matching.

Published reports mix full-width and half-width digits and punctuation, insert spaces inside
labels (结 果 维 持) and wrap labels over lines; matching is done on a canonical form.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Full-width ASCII variants (！ to ～) map to ASCII; the ideographic space to a space.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_FULLWIDTH[0x00A0] = 0x20
_QUOTES = {"“": '"', "”": '"', "‘": "'", "’": "'", "〔": "[", "〕": "]"}
_ALL: dict[int, int | str] = {**_FULLWIDTH, **{ord(k): v for k, v in _QUOTES.items()}}
_SPACES = re.compile(r"\s+")
_NUMBERING = re.compile(r"(\d)[、,，．]")  # "3、其他" / "3．其他" → "3.其他"


def halfwidth(text: str) -> str:
    """Full-width digits, letters and punctuation to ASCII; curly quotes to straight."""
    return text.translate(_ALL)


def squeeze(text: str) -> str:
    """Collapse runs of whitespace to one space and strip."""
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """The canonical form of a label for matching: half-width, no whitespace at all."""
    return _NUMBERING.sub(r"\1.", _SPACES.sub("", halfwidth(text)))


_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])")


def tidy_spaces(text: str) -> str:
    """Narrative text in its canonical form, the same from every file kind: runs of spaces
    collapsed, and no space next to a Chinese character ("2020 年 12 月" → "2020年12月").
    Such spaces are layout artefacts of PDF extraction; where a PDF wraps a line at one, no
    reader can tell it was there, so keeping them would make the text depend on the layout."""
    return _CJK_SPACE.sub("", re.sub(r"[ \t\u3000\xa0]+", " ", text)).strip()
