"""The JSON shape: exact amounts, null for missing, and a clear error for bad JSON."""

from __future__ import annotations

import contextlib
import json
from decimal import Decimal

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.report.jsonio import ReportDataError, report_from_json, report_to_json
from gongkai.report.model import Report
from gongkai.report.parse import read_path
from gongkai.report.schema import report_schema

from .test_parse_seeds import SEED_FILES


def test_amounts_are_exact_strings_and_missing_is_null() -> None:
    report = Report(
        "2019", cells={"active.procurement.amount": Decimal("76.3000"), "apply.new.total": 4}
    )
    data = json.loads(report_to_json(report))
    assert data["cells"]["active.procurement.amount"] == "76.3"
    assert data["cells"]["apply.new.total"] == 4
    assert data["cells"]["apply.carried_in.total"] is None


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_parsed_seed_round_trips_through_json_and_matches_the_schema(path) -> None:
    report = read_path(path)
    text = report_to_json(report)
    jsonschema.validate(json.loads(text), report_schema())
    again = report_from_json(text)
    assert again.cells == report.cells
    assert again.sections == report.sections
    assert [f.code for f in again.findings] == [f.code for f in report.findings]


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        '{"format": "1999"}',
        '{"format": "2019", "cells": {"nope": 1}}',
        '{"format": "2019", "cells": {"apply.new.total": "abc"}}',
        '{"format": "2019", "year": "2020"}',
        "{",
    ],
)
def test_bad_json_gives_a_clear_error(text: str) -> None:
    with pytest.raises(ReportDataError):
        report_from_json(text)


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.floats(),
        lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=12), c, max_size=4),
        max_leaves=20,
    )
)
def test_json_reader_never_raises_anything_but_report_data_error(value) -> None:
    for data in (
        value,
        {"format": "2019", "cells": value},
        {"format": "2021", "sections": value, "findings": value, "provenance": value},
    ):
        with contextlib.suppress(ReportDataError):
            report_from_json(json.dumps(data))
