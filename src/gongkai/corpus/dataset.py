"""The dataset on disk: Parquet files per table, partitioned by year, written batch by batch.

Layout::

    DATASET/gongkai-corpus.json            marks the folder as a dataset
    DATASET/reports/year=2020/part-<batch>.parquet
    DATASET/cells/year=2020/part-<batch>.parquet     (findings, narrative alike)
    DATASET/chains/chains.parquet          cross-year findings, rewritten after each run

A batch is committed when its ``reports`` files are in place: the other tables' files are
renamed into place first, ``reports`` last. What is done — the state a second run resumes
from — is exactly the set of hashes in ``reports``, so state and tables cannot disagree; files
of a batch whose ``reports`` never arrived (a crash between renames) are removed by
``recover()`` and never read by queries (``committed_files``).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .arrow import Tables, count, table_of
from .rows import Row
from .schema import BATCH_TABLES, TABLES

MARKER = "gongkai-corpus.json"
LOCK = ".ingest.lock"
UNKNOWN_YEAR = "unknown"


class DatasetError(ValueError):
    """A folder that is not (and cannot become) a dataset; the message is in Chinese."""


def _year_dir(year: int | None) -> str:
    return f"year={UNKNOWN_YEAR if year is None else year}"


def _batch_of(path: Path) -> str:
    return path.stem.removeprefix("part-")


class Dataset:
    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def open(cls, path: str | Path, create: bool = False) -> Dataset:
        root = Path(path)
        if (root / MARKER).is_file():
            return cls(root)
        if not create:
            raise DatasetError(
                f"{root} 不是 gongkai 数据集（缺少 {MARKER}；请先运行 gongkai corpus ingest）"
            )
        if root.exists() and (not root.is_dir() or any(root.iterdir())):
            raise DatasetError(f"{root} 已存在且不是 gongkai 数据集；请换一个空目录")
        root.mkdir(parents=True, exist_ok=True)
        (root / MARKER).write_text(
            json.dumps({"format": 1, "tables": list(TABLES)}, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        return cls(root)

    # ------------------------------------------------------------------ reading

    def files(self, table: str) -> list[Path]:
        return sorted((self.root / table).glob("year=*/part-*.parquet"))

    def committed_batches(self) -> set[str]:
        return {_batch_of(p) for p in self.files("reports")}

    def committed_files(self, table: str) -> list[Path]:
        if table == "chains":
            path = self.root / "chains" / "chains.parquet"
            return [path] if path.is_file() else []
        batches = self.committed_batches()
        return [p for p in self.files(table) if _batch_of(p) in batches]

    def done_hashes(self) -> set[str]:
        files = self.files("reports")
        if not files:
            return set()
        table = pq.read_table(files, columns=["hash"], partitioning=None)
        return set(table.column("hash").to_pylist())

    def recover(self) -> int:
        """Remove what a crashed run left half-written; returns how many files went."""
        removed = 0
        for tmp in self.root.glob("*/year=*/*.tmp"):
            tmp.unlink(missing_ok=True)
            removed += 1
        batches = self.committed_batches()
        for table in BATCH_TABLES:
            for path in self.files(table):
                if _batch_of(path) not in batches:
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed

    # ------------------------------------------------------------------ writing

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the dataset's write lock: two runs into one dataset would both do the work."""
        with open(self.root / LOCK, "w") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise DatasetError(
                    f"数据集 {self.root} 正由另一个 ingest 进程写入，请等它结束"
                ) from None
            yield

    def write_batch(self, tables: Tables) -> str | None:
        """Append one batch (its tables split by year); returns its id (None if empty)."""
        if not count(tables):
            return None
        batch = f"{time.time_ns():x}-{os.getpid()}"
        staged: list[tuple[Path, Path]] = []
        for name in BATCH_TABLES:  # reports last
            for year, part in tables[name].items():
                if name == "reports":
                    stamp = pa.array([batch] * part.num_rows, pa.string())
                    part = part.set_column(part.schema.get_field_index("batch"), "batch", stamp)
                folder = self.root / name / _year_dir(year)
                folder.mkdir(parents=True, exist_ok=True)
                final = folder / f"part-{batch}.parquet"
                tmp = final.with_name(final.name + ".tmp")
                pq.write_table(part, tmp, compression="zstd")
                staged.append((tmp, final))
        with interrupt_deferred():
            for tmp, final in staged:  # reports come last in BATCH_TABLES: the commit
                os.replace(tmp, final)
        return batch

    def write_whole(self, table: str, rows: list[Row]) -> None:
        """Replace a derived table (``chains``) in one rename."""
        folder = self.root / table
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"{table}.parquet"
        tmp = final.with_name(final.name + ".tmp")
        pq.write_table(table_of(rows, TABLES[table]), tmp, compression="zstd")
        os.replace(tmp, final)


@contextlib.contextmanager
def interrupt_deferred() -> Iterator[None]:
    """Let Ctrl-C wait until the block is done (a batch's renames): it is raised right after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt
