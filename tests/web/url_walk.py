"""Every case of the every-URL test (test_permissions_urls.EXPECTED), one after another in one
test, each inside a savepoint rolled back afterwards: a case's objects (a published workspace,
an application) would otherwise collide with the next case's, which the every-URL test avoids
by giving each case its own test."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from django.db import transaction

from .test_permissions_urls import EXPECTED, case_url


class Case(NamedTuple):
    name: str
    method: str
    data: dict[str, str]
    expected: dict[str, Any]
    url: str


def each_case(world: Any, *, methods: tuple[str, ...] = ("get", "post")) -> Iterator[Case]:
    for name, cases in EXPECTED.items():
        for method, key, data, expected in cases:
            if method not in methods:
                continue
            with transaction.atomic():
                yield Case(name, method, data, expected, case_url(world, name, key))
                transaction.set_rollback(True)
