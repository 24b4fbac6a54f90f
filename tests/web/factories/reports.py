"""Stored annual reports for tests: sample reports (consistent, no findings) or seed files,
always through the services, as the web app stores them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gongkai.agencies.models import Agency
from gongkai.report.jsonio import report_to_json
from gongkai.report.sample import sample_report
from gongkai.reports.models import AnnualReport
from gongkai.reports.services import Upload, correct_cell, import_upload

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"


def seed_bytes(prefix: str) -> tuple[str, bytes]:
    path = next(SEEDS.glob(f"{prefix}*.txt"))
    return path.name, path.read_bytes()


def report_for(
    agency: Agency, *, year: int = 2020, seed: int = 1, by: Any = None, corrected: bool = False
) -> AnnualReport:
    """A sample report of ``agency`` for ``year``, uploaded as gongkai JSON."""
    report = sample_report(seed, year=year, agency=agency.name)
    data = report_to_json(report).encode("utf-8")
    obj = import_upload(
        agency, Upload(f"{agency.code}-{year}.json", data, "application/json"), by=by
    )
    if corrected:
        key = "apply.new.natural_person"
        correct_cell(obj, key, str(report.cells[key]), by=by, reason="核对原件")
    return obj
