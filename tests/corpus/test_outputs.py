"""What the dataset gives back: ``corpus sql``, the SQLite export, the HTML report; CLI errors."""

from __future__ import annotations

import json
import sqlite3
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from gongkai.cli import cli
from gongkai.corpus.dataset import Dataset
from gongkai.corpus.html_report import gather
from gongkai.report.sample import sample_report

from .conftest import SEEDS, report_file, rows


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    folder = tmp_path_factory.mktemp("in")
    for path in sorted(SEEDS.glob("*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    first = sample_report(11, "2021", "乐清市教育局", 2021)
    second = sample_report(
        12, "2021", "乐清市教育局", 2022, previous=sample_report(13, "2021", "x", 2021)
    )
    (folder / "a.html").write_bytes(report_file(first, "html"))
    (folder / "b.txt").write_bytes(report_file(second, "txt"))
    (folder / "junk.pdf").write_bytes(b"%PDF-1.4 broken")
    target = folder.parent / "ds"
    result = CliRunner().invoke(
        cli, ["corpus", "ingest", str(folder), "--into", str(target), "-q", "-j", "2"]
    )
    assert result.exit_code == 0, result.output
    assert "新处理 8 个" in result.output
    return Dataset.open(target)


def test_sql_as_json_and_table(dataset: Dataset) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "corpus",
            "sql",
            str(dataset.root),
            "select status, count(*) as n from reports group by 1 order by 1",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    got = {r["status"]: r["n"] for r in json.loads(result.stdout)}
    assert got["ok"] == 7 and sum(got.values()) == 8
    table = runner.invoke(
        cli, ["corpus", "sql", str(dataset.root), "select agency_id from agencies order by 1"]
    )
    assert "乐清市教育局" in table.stdout


def test_sql_errors_are_chinese_with_exit_2(dataset: Dataset, tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(cli, ["corpus", "sql", str(dataset.root), "selec nothing"])
    assert (
        bad.exit_code == 2 and "错误：SQL 执行失败" in bad.output and "Traceback" not in bad.output
    )
    missing = runner.invoke(cli, ["corpus", "sql", str(tmp_path / "none"), "select 1"])
    assert missing.exit_code == 2 and "不是 gongkai 数据集" in missing.output
    (tmp_path / "bad.zip").write_bytes(b"PK junk")
    ingest = runner.invoke(
        cli, ["corpus", "ingest", str(tmp_path / "bad.zip"), "--into", str(tmp_path / "d2")]
    )
    assert ingest.exit_code == 2 and "不是可读的 zip 压缩包" in ingest.output
    nosrc = runner.invoke(
        cli, ["corpus", "ingest", str(tmp_path / "nope"), "--into", str(tmp_path / "d3")]
    )
    assert nosrc.exit_code == 2 and "找不到来源" in nosrc.output


def test_sqlite_export_has_every_row(dataset: Dataset, tmp_path: Path) -> None:
    target = tmp_path / "reports.db"
    result = CliRunner().invoke(
        cli, ["corpus", "export", str(dataset.root), "--sqlite", str(target)]
    )
    assert result.exit_code == 0, result.output
    db = sqlite3.connect(target)
    for table in ("reports", "cells", "findings", "narrative", "chains", "agencies"):
        (n,) = db.execute(f"select count(*) from {table}").fetchone()
        assert n == rows(dataset, f"select count(*) from {table}")[0][0], table
    keys = db.execute("select keys from findings where keys != '[]' limit 1").fetchone()[0]
    assert isinstance(json.loads(keys), list)
    value = db.execute(
        "select value from cells c join reports r using (hash) where r.source like '%a.html' and key = 'apply.new.total'"
    ).fetchone()[0]
    assert (
        value
        == rows(
            dataset,
            "select value from cells c join reports r using (hash) where r.source like '%a.html' and key = 'apply.new.total'",
        )[0][0]
    )


def test_html_report_with_local_echarts(dataset: Dataset, tmp_path: Path) -> None:
    out = tmp_path / "report"
    result = CliRunner().invoke(cli, ["corpus", "report", str(dataset.root), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = (out / "index.html").read_text(encoding="utf-8")
    vendor = resources.files("gongkai").joinpath(
        "dashboard", "static", "dashboard", "vendor", "echarts.min.js"
    )
    assert (out / "echarts.min.js").read_bytes() == vendor.read_bytes()
    assert (out / "corpus-report.js").is_file()
    assert (
        '<script src="echarts.min.js">' in page and "http://" not in page and "https://" not in page
    )
    default = CliRunner().invoke(cli, ["corpus", "report", str(dataset.root)])
    assert default.exit_code == 0 and (dataset.root / "report" / "echarts.min.js").is_file()
    data = gather(dataset)
    years = [r[0] for r in data["applications"]]
    assert years == sorted(years) and 2021 in years and 2022 in years
    assert "乐清市教育局" in page  # its 2022 report does not chain to its 2021 report
    assert data["chain_agencies"] == 1
    assert data["defects"] and all(sev in ("error", "warning") for _, sev, _, _ in data["defects"])
