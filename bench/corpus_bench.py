"""The corpus bench: ingest a generated corpus of 10,000 reports (``corpus_files.py``) and
print reports/s with 1, 2 and all cores and on a 2-worker Dask LocalCluster, the peak memory of
each kind of process, the resume time after an interruption at 50 % and a DuckDB query time
over all cells.

``python -m bench corpus`` (``GONGKAI_BENCH_CORPUS=2000`` for a quicker, smaller run).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

from gongkai.corpus.dataset import Dataset
from gongkai.corpus.engines import DaskEngine, Engine, PoolEngine
from gongkai.corpus.ingest import Summary, ingest
from gongkai.corpus.query import connect
from gongkai.corpus.worker import WorkerConfig

from .corpus_files import generate

CONFIG = WorkerConfig(timeout=120, memory_mb=2048)


class PeakMemory:
    """Samples the peak RSS (VmHWM) of this process's descendants, by kind of process."""

    def __init__(self) -> None:
        self.peaks: dict[int, tuple[str, int]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.25):
            for pid in _descendants(os.getpid()):
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
                except OSError:
                    continue
                kb = next(
                    (
                        int(line.split()[1])
                        for line in status.splitlines()
                        if line.startswith("VmHWM:")
                    ),
                    0,
                )
                kind = "sandbox" if b"gongkai.corpus.sandbox" in cmdline else "pool/Dask worker"
                if kb > self.peaks.get(pid, ("", 0))[1]:
                    self.peaks[pid] = (kind, kb)

    def summary(self) -> str:
        by_kind: dict[str, int] = defaultdict(int)
        for kind, kb in self.peaks.values():
            by_kind[kind] = max(by_kind[kind], kb)
        return ", ".join(f"{kind} {kb / 1024:.0f} MB" for kind, kb in sorted(by_kind.items()))


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = defaultdict(list)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children[int(fields[1])].append(int(stat.parent.name))
    out, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _run(label: str, source: Path, engine: Engine, target: Path, cores: int) -> Summary:
    with PeakMemory() as memory:
        summary = ingest(
            [str(source)], Dataset.open(target, create=True), engine, CONFIG, show_progress=False
        )
    engine.close()
    print(
        f"{label:<30} {summary.new:6d} reports {summary.seconds:7.1f} s {summary.rate:8.1f} reports/s"
        f" ({summary.rate / cores:6.1f}/core); failed {summary.failed}; peak RSS: {memory.summary()}",
        flush=True,
    )
    return summary


class _Stop(Exception):
    pass


def corpus_speed() -> None:
    total = int(os.environ.get("GONGKAI_BENCH_CORPUS", "10000"))
    work = Path(tempfile.mkdtemp(prefix="gongkai-corpus-bench-"))
    try:
        start = time.perf_counter()
        counts = generate(work / "src", total)
        print(
            f"generated {total} files in {time.perf_counter() - start:.1f} s: "
            + ", ".join(f"{k} {n}" for k, n in counts.items()),
            flush=True,
        )
        rates = {}
        for cores in sorted({1, 2, os.cpu_count() or 1}):
            summary = _run(
                f"process pool, {cores} core(s)",
                work / "src",
                PoolEngine(cores),
                work / f"ds{cores}",
                cores,
            )
            rates[cores] = summary.rate
        if 2 in rates and rates[1]:
            print(f"speed-up on 2 cores: {rates[2] / rates[1]:.2f}× (target ≥ 1.8×)")
        _dask(work)
        _resume(work, total)
        _query(work / "ds2")
        _kinds(work / "ds2")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _dask(work: Path) -> None:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        _run(
            "Dask LocalCluster, 2 workers",
            work / "src",
            DaskEngine(client=client),
            work / "dsdask",
            2,
        )


def _resume(work: Path, total: int) -> None:
    def stop_at_half(summary: Summary) -> None:
        if summary.new >= total // 2:
            raise _Stop

    target = work / "dsresume"
    engine = PoolEngine()
    with contextlib.suppress(_Stop):
        ingest(
            [str(work / "src")],
            Dataset.open(target, create=True),
            engine,
            CONFIG,
            show_progress=False,
            on_batch=stop_at_half,
        )
    summary = ingest([str(work / "src")], Dataset.open(target), engine, CONFIG, show_progress=False)
    engine.close()
    print(
        f"resume after an interruption at 50 %: {summary.seconds:.1f} s, "
        f"{summary.skipped_done} skipped as done, {summary.new} parsed"
    )


def _query(target: Path) -> None:
    con = connect(Dataset.open(target))
    sql = "select key, count(*), sum(value), avg(value) from cells group by key"
    (cells,) = con.execute("select count(*) from cells").fetchone()
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        con.execute(sql).fetchall()
        best = min(best, time.perf_counter() - start)
    print(f"DuckDB: sum of every key over all {cells:,} cells: {best * 1000:.0f} ms (target < 1 s)")
    con.close()


def _kinds(target: Path) -> None:
    """Parse + check time per kind inside the sandbox (the rest is I/O, hashing, Parquet)."""
    con = connect(Dataset.open(target))
    for kind, n, seconds in con.execute(
        "select kind, count(*), sum(seconds) from reports where status = 'ok' group by 1 order by 2 desc"
    ).fetchall():
        print(f"  parse + check of {kind:<5} {n:6d} reports {n / seconds:8.1f} reports/s/core")
    con.close()
