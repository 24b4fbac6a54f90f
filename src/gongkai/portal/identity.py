"""Checks of the identity numbers the application form asks for: the 居民身份证号码 (GB 11643)
and the 统一社会信用代码 (GB 32100), each by its check character."""

from __future__ import annotations

import re

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def resident_id_ok(number: str) -> bool:
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17]


def credit_code_ok(code: str) -> bool:
    if len(code) != 18 or any(ch not in _CREDIT_CHARS for ch in code):
        return False
    values = [_CREDIT_CHARS.index(ch) for ch in code]
    total = sum(v * w for v, w in zip(values[:17], _CREDIT_WEIGHTS, strict=True))
    return values[17] == (31 - total % 31) % 31
