"""Reading query parameters (``?year=2020``): a valid value, the default, or a 400.

A malformed value is the user's (or a link's) mistake, not the server's: it gets a 400 page
saying in Chinese which parameter is wrong and what it should be (``errors.bad_request``),
never a 500 and never a silent substitute. An absent or empty parameter means the default.
Views with several parameters validate them with a Django form instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.core.exceptions import BadRequest
from django.http import HttpRequest

T = TypeVar("T", int, None)

__all__ = ["BadQuery", "query_choice", "query_int", "query_month", "query_text", "query_year"]

MAX_TEXT = 200


class BadQuery(BadRequest):
    """A query parameter that cannot be read; the message is shown to the user."""


def _raw(request: HttpRequest, name: str) -> str:
    return request.GET.get(name, "").strip()


def _ascii_int(text: str) -> int | None:
    """An integer written with ASCII digits only (``int()`` would also take "٣" and "1_0")."""
    body = text[1:] if text[:1] == "-" else text
    if not body or len(body) > 9 or not (body.isascii() and body.isdigit()):
        return None
    return int(text)


def query_int(
    request: HttpRequest, name: str, default: T, *, minimum: int, maximum: int, what: str
) -> int | T:
    raw = _raw(request, name)
    if not raw:
        return default
    value = _ascii_int(raw)
    if value is None or not minimum <= value <= maximum:
        raise BadQuery(
            f"参数 {name}（{what}）应为 {minimum} 至 {maximum} 之间的整数，收到的是“{raw[:40]}”"
        )
    return value


def query_year(request: HttpRequest, default: T, *, minimum: int = 2008) -> int | T:
    """``?year=``: 2008 (the first 条例; 2019 where the 2019 layout is drawn) to 2100, or
    ``default`` when absent (None for "no filter")."""
    return query_int(request, "year", default, minimum=minimum, maximum=2100, what="年份")


def query_month(request: HttpRequest, name: str, default: tuple[int, int]) -> tuple[int, int]:
    """``?month=2026-03`` → (2026, 3), years 2008–2100."""
    raw = _raw(request, name)
    if not raw:
        return default
    parts = raw.split("-")
    numbers = [_ascii_int(p) for p in parts] if len(parts) == 2 else []
    if len(numbers) == 2 and None not in numbers:
        year, month = numbers
        if year is not None and month is not None and 2008 <= year <= 2100 and 1 <= month <= 12:
            return year, month
    raise BadQuery(
        f"参数 {name}（月份）应写作“2026-03”这样的年-月（2008 至 2100 年），收到的是“{raw[:40]}”"
    )


def query_choice(request: HttpRequest, name: str, choices: Iterable[str], default: str) -> str:
    raw = _raw(request, name)
    if not raw:
        return default
    allowed = list(choices)
    if raw not in allowed:
        raise BadQuery(f"参数 {name} 只能是 {'、'.join(allowed)} 之一，收到的是“{raw[:40]}”")
    return raw


def query_text(request: HttpRequest, name: str, *, max_length: int = MAX_TEXT) -> str:
    """Free text (a cell key, a search word): printable and not too long."""
    raw = _raw(request, name)
    if len(raw) > max_length or not raw.isprintable():
        raise BadQuery(f"参数 {name} 过长或含有不可打印字符（最多 {max_length} 个字符）")
    return raw
