"""Ingest: folders, archives and URL lists into the dataset; once per file; resume."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from gongkai.corpus.dataset import Dataset, DatasetError
from gongkai.corpus.ingest import Summary
from gongkai.report.formats import FORMATS

from .conftest import SEEDS, ingest_into, rows, sample_file

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def sources(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in SEED_FILES[:3]:
        shutil.copy(path, folder / path.name)
    with zipfile.ZipFile(tmp_path / "2020.zip", "w") as z:
        z.writestr("004.txt", SEED_FILES[3].read_bytes())
        z.writestr("page.html", sample_file(7, "乐清市财政局", 2021, "html"))
    with tarfile.open(tmp_path / "more.tar.gz", "w:gz") as t:
        for name, data in (
            ("005.txt", SEED_FILES[4].read_bytes()),
            ("copy.txt", SEED_FILES[0].read_bytes()),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    saved = tmp_path / "dl" / "www.pingtan.gov.cn" / "xxgk" / "2022"
    saved.mkdir(parents=True)
    (saved / "index.html").write_bytes(sample_file(8, "平潭综合实验区交通与建设局", 2022, "html"))
    (tmp_path / "dl" / "list.urls").write_text(
        "https://www.pingtan.gov.cn/xxgk/2022/\nnot-a-url\n", encoding="utf-8"
    )
    return [folder, tmp_path / "2020.zip", tmp_path / "more.tar.gz", tmp_path / "dl" / "list.urls"]


def test_ingest_every_kind_of_source_once(tmp_path: Path, sources: list[Path], pool) -> None:
    dataset, summary = ingest_into(tmp_path / "ds", sources, pool)
    assert summary.seen == 9
    assert summary.skipped_repeat == 1  # copy.txt in the tar is seed 000 again
    assert summary.statuses == {"ok": 7, "source_error": 1}
    reports = rows(
        dataset, "select source, status, agency_id, year, layout, kind from reports order by source"
    )
    by_source = {r[0]: r[1:] for r in reports}
    assert by_source["https://www.pingtan.gov.cn/xxgk/2022/"] == (
        "ok",
        "平潭综合实验区交通与建设局",
        2022,
        "2021",
        "html",
    )
    assert by_source[f"{sources[1]}!page.html"][1:3] == ("乐清市财政局", 2021)
    assert next(r for r in reports if r[1] == "source_error")[0].endswith("list.urls:2")
    # one row per report × key, nothing twice
    per_report = rows(
        dataset,
        "select r.layout, count(*), count(distinct c.key) from cells c join reports r using (hash) "
        "group by r.hash, r.layout",
    )
    assert per_report and all(n == d == len(FORMATS[layout].cells) for layout, n, d in per_report)
    assert rows(dataset, "select count(*) = count(distinct hash) from reports") == [(True,)]
    findings = rows(dataset, "select count(*) from findings f join reports r using (hash)")[0][0]
    assert findings == rows(dataset, "select sum(errors + warnings + infos) from reports")[0][0]
    # a second run has nothing to do and changes nothing
    before = rows(dataset, "select count(*) from cells")
    _, again = ingest_into(tmp_path / "ds", sources, pool)
    assert again.new == 0 and again.skipped_done == 9  # the repeat too: its hash is done
    assert rows(dataset, "select count(*) from cells") == before


def _folder_of(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(n):
        year = 2019 + i % 4
        (folder / f"{i:02d}.txt").write_bytes(sample_file(i, f"永安市第{i}局", year))
    return folder


class Crash(Exception):
    pass


def test_resume_after_a_crash_does_only_the_rest(tmp_path: Path, pool) -> None:
    folder = _folder_of(tmp_path, 12)

    def crash(summary: Summary) -> None:
        raise Crash

    with pytest.raises(Crash):
        ingest_into(tmp_path / "ds", [folder], pool, batch_size=4, chunk_size=2, on_batch=crash)
    dataset = Dataset.open(tmp_path / "ds")
    done = rows(dataset, "select count(*) from reports")[0][0]
    assert 4 <= done < 12
    _, summary = ingest_into(tmp_path / "ds", [folder], pool, batch_size=4, chunk_size=2)
    assert summary.skipped_done == done
    assert summary.new == 12 - done
    assert rows(dataset, "select count(*), count(distinct hash) from reports") == [(12, 12)]
    assert rows(dataset, "select count(*) = count(distinct (hash, key)) from cells") == [(True,)]
    assert rows(dataset, "select count(distinct hash) from cells") == [(12,)]


def test_a_batch_cut_off_between_renames_is_redone_not_doubled(tmp_path: Path, pool) -> None:
    folder = _folder_of(tmp_path, 6)
    dataset, _ = ingest_into(tmp_path / "ds", [folder], pool, batch_size=100)
    # as if the run died after renaming the cells files but before the reports files
    for path in dataset.files("reports"):
        path.unlink()
    (dataset.root / "cells" / "year=2019" / "part-x.parquet.tmp").write_bytes(b"half")
    assert rows(dataset, "select count(*) from cells") == [(0,)]  # uncommitted: not read
    _, summary = ingest_into(tmp_path / "ds", [folder], pool)
    assert summary.new == 6
    assert rows(dataset, "select count(*), count(distinct hash) from reports") == [(6, 6)]
    assert rows(dataset, "select count(*) = count(distinct (hash, key)) from cells") == [(True,)]
    assert not list(dataset.root.glob("*/*/*.tmp"))


def test_a_folder_that_is_not_a_dataset_is_refused(tmp_path: Path) -> None:
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("x")
    with pytest.raises(DatasetError, match="不是 gongkai 数据集"):
        Dataset.open(tmp_path / "other", create=True)
    with pytest.raises(DatasetError, match="请先运行"):
        Dataset.open(tmp_path / "missing")


def test_two_runs_cannot_write_one_dataset(tmp_path: Path) -> None:
    dataset = Dataset.open(tmp_path / "ds", create=True)
    with dataset.writing(), pytest.raises(DatasetError, match="另一个 ingest"), dataset.writing():
        pass


def test_ctrl_c_writes_what_is_done_and_the_rerun_does_the_rest(tmp_path: Path) -> None:
    folder = _folder_of(tmp_path, 24)
    target = tmp_path / "ds"
    gongkai = str(Path(sys.executable).with_name("gongkai"))
    root = Path(__file__).parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    command = [gongkai, "corpus", "ingest", str(folder), "--into", str(target), "-q", "-j", "1"]
    proc = subprocess.Popen(
        [*command, "--batch-size", "2", "--reader", "tests.corpus.hostile_reader:read_slowly"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not list(target.glob("reports/*/*.parquet")) and time.monotonic() < deadline:
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "已中断" in err and "Traceback" not in err
    done = rows(Dataset.open(target), "select count(*) from reports")[0][0]
    assert 2 <= done < 24
    again = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"新处理 {24 - done} 个，已在数据集中跳过 {done} 个" in again.stderr
    dataset = Dataset.open(target)
    assert rows(dataset, "select count(*), count(distinct hash) from reports") == [(24, 24)]
    assert rows(dataset, "select count(*) = count(distinct (hash, key)) from cells") == [(True,)]
