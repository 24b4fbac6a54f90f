"""One ingest run: walk the sources, skip what is done, parse the rest, append in batches.

Each distinct file (by content hash) is parsed once: hashes already in the dataset's
``reports`` table and repeats within the run are skipped, so a second run after a crash or
Ctrl-C does only the rest. Completed results are written every ``batch_size`` reports, so an
interruption loses at most the batch being collected; on Ctrl-C that batch is written too.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .arrow import Batch, column, tables_of
from .chains import update_chains
from .dataset import Dataset, interrupt_deferred
from .engines import Engine
from .progress import IngestProgress
from .rows import Rows, failure_rows
from .sources import count_files, walk
from .worker import Work, WorkerConfig


@dataclass
class Summary:
    """What a run did; ``statuses`` counts the new reports by how they ended."""

    seen: int = 0
    skipped_done: int = 0
    skipped_repeat: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    batches: int = 0
    chains: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def new(self) -> int:
        return sum(self.statuses.values())

    @property
    def failed(self) -> int:
        return self.new - self.statuses["ok"]

    @property
    def rate(self) -> float:
        return self.new / self.seconds if self.seconds else 0.0


@dataclass
class _Plan:
    """The work to do, built while the sources are walked (failed reads go straight in)."""

    dataset_done: set[str]
    summary: Summary
    unreadable: Rows = field(default_factory=Rows)
    _seen: set[str] = field(default_factory=set)

    def chunks(self, sources: list[str], size: int) -> Iterator[list[Work]]:
        chunk: list[Work] = []
        for item in walk(sources):
            self.summary.seen += 1
            digest = item.hash
            if digest in self.dataset_done:
                self.summary.skipped_done += 1
                continue
            if digest in self._seen:
                self.summary.skipped_repeat += 1
                continue
            self._seen.add(digest)
            if item.data is None:
                reason = item.error or "无法读取"
                self.unreadable.extend(
                    failure_rows(digest, item.source, "source_error", reason, None, None)
                )
                continue
            chunk.append((digest, item.source, item.data))
            if len(chunk) >= size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk


def ingest(
    sources: list[str],
    dataset: Dataset,
    engine: Engine,
    config: WorkerConfig,
    batch_size: int = 500,
    chunk_size: int = 8,
    show_progress: bool = True,
    on_batch: Callable[[Summary], None] | None = None,
) -> Summary:
    """Ingest ``sources`` into ``dataset``; ``on_batch`` is called after each committed batch."""
    with dataset.writing():
        return _ingest(
            sources, dataset, engine, config, batch_size, chunk_size, show_progress, on_batch
        )


def _ingest(
    sources: list[str],
    dataset: Dataset,
    engine: Engine,
    config: WorkerConfig,
    batch_size: int,
    chunk_size: int,
    show_progress: bool,
    on_batch: Callable[[Summary], None] | None,
) -> Summary:
    summary = Summary()
    start = time.perf_counter()
    dataset.recover()
    plan = _Plan(dataset.done_hashes(), summary)
    buffer = Batch()

    def commit() -> None:
        # Taken out of the buffer first: a Ctrl-C during the write must not write it twice.
        nonlocal buffer
        pending, buffer = buffer, Batch()
        pending.add(tables_of(plan.unreadable))
        plan.unreadable = Rows()
        tables = pending.tables()
        if dataset.write_batch(tables) is None:
            return
        summary.statuses.update(column(tables, "reports", "status"))
        summary.reasons.update(r for r in column(tables, "reports", "reason") if r)
        summary.batches += 1
        if on_batch is not None:
            on_batch(summary)

    total = count_files(sources)
    failed = 0
    with IngestProgress(total, show_progress) as bar:
        last = summary.seen
        try:
            for tables in engine.map_unordered(plan.chunks(sources, chunk_size), config):
                buffer.add(tables)
                statuses = column(tables, "reports", "status")
                failed += sum(1 for status in statuses if status != "ok")
                elapsed = time.perf_counter() - start
                parsed = summary.statuses.total() + buffer.reports
                bar.advance(summary.seen - last, parsed / elapsed if elapsed else 0.0, failed)
                last = summary.seen
                if buffer.reports + len(plan.unreadable.reports) >= batch_size:
                    commit()
        except KeyboardInterrupt:
            summary.interrupted = True
        commit()
    if not summary.interrupted:
        try:
            with interrupt_deferred():  # quick; a Ctrl-C now ends the run right after
                summary.chains = update_chains(dataset)
        except KeyboardInterrupt:
            summary.interrupted = True
    summary.seconds = time.perf_counter() - start
    return summary
