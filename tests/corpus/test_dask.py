"""The same ingest on a Dask cluster (a LocalCluster of two worker processes) gives the same
tables as on the local process pool, through the CLI's ``--scheduler``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from distributed import LocalCluster

from gongkai.cli import cli
from gongkai.corpus.dataset import Dataset

from .conftest import SEEDS, ingest_into, rows, sample_file

TABLE_SQL = {
    "reports": "select hash, source, agency_id, region, year, layout, kind, status, errors, "
    "warnings, identity_failures, cells_filled from reports order by hash",
    "cells": "select hash, key, value_text, raw, line from cells order by hash, key",
    "findings": "select hash, code, message from findings order by all",
    "narrative": "select hash, section, text from narrative order by all",
    "chains": "select * from chains order by all",
}


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


def test_dask_gives_the_same_tables_as_the_pool(tmp_path: Path, pool, cluster) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    for year in (2021, 2022):
        (folder / f"zz{year}.html").write_bytes(sample_file(year, "漳州市财政局", year, "html"))
    (folder / "broken.html").write_bytes(b"<html><table><tr><td>\xff\xfe")
    pooled, _ = ingest_into(tmp_path / "pool", [folder], pool)
    result = CliRunner().invoke(
        cli,
        [
            "corpus",
            "ingest",
            str(folder),
            "--into",
            str(tmp_path / "dask"),
            "-q",
            "--scheduler",
            cluster.scheduler_address,
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Dask 集群" in result.output
    dasked = Dataset.open(tmp_path / "dask")
    for table, sql in TABLE_SQL.items():
        assert rows(dasked, sql) == rows(pooled, sql), table
    assert len(rows(dasked, TABLE_SQL["reports"])) == 8


def test_an_unreachable_scheduler_is_a_chinese_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    result = CliRunner().invoke(
        cli,
        [
            "corpus",
            "ingest",
            str(tmp_path / "a.txt"),
            "--into",
            str(tmp_path / "ds"),
            "--scheduler",
            "tcp://127.0.0.1:9",
        ],
    )
    assert result.exit_code == 2
    assert "无法连接 Dask 调度器" in result.output
