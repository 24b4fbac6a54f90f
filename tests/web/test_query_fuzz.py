"""Every query parameter of every URL, given nasty values: a 400 with a message, never a 500.

The parameters are not listed by hand: each URL is first requested while ``request.GET``
records every name the view (or its form, filter set or paginator) looks up, again with
those names filled in (a form may read ``last`` only once ``first`` is there), until no new
name turns up. Then each name gets each nasty value, alone and repeated (``?a=1&a=2``).
Before gongkai.site.query, ``?year=²`` and ``?month=9999-12`` were 500s.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.http import QueryDict
from django.urls import reverse
from django.utils.functional import cached_property
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.site.query import BadQuery, query_month, query_text, query_year

from .url_walk import each_case

pytestmark = pytest.mark.django_db

NASTY = (
    "²",
    "٣",  # an Arabic-Indic digit: int() takes it, a year it is not
    "9999-12",
    "2020-13",
    "-1",
    "1e9",
    "99999999999999999999999",
    "1" * 5000,  # beyond int()'s digit limit
    "",
    "\x00",
    "a\x00b",
    "年份",
    "<script>alert(1)</script>",
    "'; DROP TABLE x; --",
    "9999-12-31",
    "0001-01-01",
    "x" * 3000,
    "🀄" * 10,
)

# Names every walk must find: if the recording stops working the test must not pass empty.
KNOWN = {"year", "month", "kind", "cell", "section", "first", "last"}


class RecordingQueryDict(QueryDict):
    """``request.GET`` that notes each name looked up (get, [], getlist, in)."""

    seen: set[str] = set()

    def __getitem__(self, key: str) -> Any:
        self.seen.add(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self.seen.add(key)
        return super().get(key, default)

    def getlist(self, key: str, default: Any = None) -> Any:
        self.seen.add(key)
        return super().getlist(key, default)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            self.seen.add(key)
        return super().__contains__(key)


def _recording_get(self: WSGIRequest) -> QueryDict:
    return RecordingQueryDict(self.environ.get("QUERY_STRING", ""), encoding=self._encoding)


def _read_names(client: Any, url: str, base: dict[str, str]) -> set[str]:
    """The query names a GET of ``url`` looks up, widened until nothing new turns up."""
    names: set[str] = set()
    query = dict(base)
    for _ in range(4):
        RecordingQueryDict.seen = set()
        client.get(url, query)
        found = RecordingQueryDict.seen - {"next"}
        if found <= names:
            break
        names |= found
        query = {**{n: "2020" for n in names}, **base}
    return names


def _assert_answered(response: Any, where: str) -> None:
    assert response.status_code < 500, where
    if response.status_code == 400 and response["Content-Type"].startswith("text/html"):
        body = response.content.decode()
        assert 'class="error' in body or 'class="errorlist' in body, f"{where}: no message"


def test_every_query_parameter_survives_nasty_values(
    world: Any, client_as: Any, monkeypatch: Any
) -> None:
    prop = cached_property(_recording_get)
    prop.__set_name__(WSGIRequest, "GET")
    monkeypatch.setattr(WSGIRequest, "GET", prop)
    everything: set[str] = set()
    requests = 0
    for case in each_case(world, methods=("get",)):
        persona = next((p for p, status in case.expected.items() if status == 200), None)
        if persona is None:
            continue
        client, url = client_as(persona), case.url
        names = _read_names(client, url, {})
        everything |= names
        for name in sorted(names):
            for value in NASTY:
                response = client.get(url, {name: value})
                _assert_answered(response, f"{persona} GET {url}?{name}={value[:20]!r}")
                requests += 1
            repeated = client.get(f"{url}?{name}=2020&{name}=x")
            _assert_answered(repeated, f"{persona} GET {url}?{name}=2020&{name}=x")
        if names:
            all_bad = client.get(url, {n: "²" for n in names})
            _assert_answered(all_bad, f"{persona} GET {url} all ²")
    assert everything >= KNOWN, f"the walk did not find {KNOWN - everything}"
    assert requests > 200


def test_the_reported_defects_are_400s_with_a_message(world: Any, client_as: Any) -> None:
    from .factories.reports import report_for

    report_for(world.jia)
    client = client_as("county_supervisor")
    for url, query, words in (
        (reverse("dashboard:agency", args=[world.jia.pk]), {"year": "²"}, "参数 year（年份）"),
        (reverse("remedies:list", args=[world.jia.pk]), {"year": "1e9"}, "参数 year（年份）"),
        (
            reverse("disclosures:monthly_xlsx", args=[world.jia.pk]),
            {"month": "9999-12"},
            "参数 month（月份）",
        ),
    ):
        response = client.get(url, query)
        assert response.status_code == 400, url
        assert words in response.content.decode(), url


class _Request:
    def __init__(self, **query: str) -> None:
        self.GET = QueryDict(mutable=True)
        self.GET.update(query)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_query_helpers_answer_any_text(text: str) -> None:
    """Any text gives a value in range or BadQuery; nothing else escapes."""
    request: Any = _Request(year=text, month=text, cell=text)
    for read in (
        lambda: query_year(request, None),
        lambda: query_month(request, "month", (2020, 1)),
        lambda: query_text(request, "cell"),
    ):
        try:
            value = read()
        except BadQuery as exc:
            assert str(exc)
            continue
        if isinstance(value, int):
            assert 2008 <= value <= 2100
        elif isinstance(value, tuple):
            assert 2008 <= value[0] <= 2100 and 1 <= value[1] <= 12
