"""Shared helpers of the corpus tests: report files made by gongkai's own renderers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gongkai.corpus.dataset import Dataset
from gongkai.corpus.engines import PoolEngine
from gongkai.corpus.ingest import Summary, ingest
from gongkai.corpus.query import run
from gongkai.corpus.worker import WorkerConfig
from gongkai.report.model import Report
from gongkai.report.render import render
from gongkai.report.sample import sample_report

SEEDS = Path(__file__).parents[1] / "data" / "seeds"


def report_file(report: Report, kind: str) -> bytes:
    """A report as an agency would publish it: HTML, or plain text (Markdown without marks)."""
    if kind == "txt":
        return re.sub(rb"(?m)^#+ ", b"", render(report, "md"))
    return render(report, kind)


def sample_file(
    seed: int, agency: str, year: int, kind: str = "txt", previous: Report | None = None
) -> bytes:
    fmt = "2019" if year < 2021 else "2021"
    return report_file(sample_report(seed, fmt, agency, year, previous), kind)


@pytest.fixture(scope="session")
def pool() -> PoolEngine:
    engine = PoolEngine(jobs=2)
    yield engine
    engine.close()


def ingest_into(
    target: Path, sources: list[Path | str], engine: PoolEngine, **kwargs: object
) -> tuple[Dataset, Summary]:
    config = kwargs.pop("config", None) or WorkerConfig(timeout=60, memory_mb=1024)
    dataset = Dataset.open(target, create=True)
    summary = ingest(
        [str(s) for s in sources], dataset, engine, config, show_progress=False, **kwargs
    )
    return dataset, summary


def rows(dataset: Dataset, sql: str) -> list[tuple]:
    return run(dataset, sql)[1]
