"""Where the chunks run: a local process pool (default) or a Dask cluster (``--scheduler``).

Both give ``map_unordered(chunks)``: results as they finish, with at most ``window`` chunks in
flight so memory stays bounded however large the corpus is. No scheduling of our own: the
pool is ``concurrent.futures.ProcessPoolExecutor``, the cluster is ``dask.distributed``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from .arrow import Tables
from .worker import SandboxError, Work, WorkerConfig, ignore_interrupt, process_chunk


class EngineError(RuntimeError):
    """The pool or the cluster failed as a whole; the message is for the user, in Chinese."""


class Engine(Protocol):
    workers: int
    name: str

    def map_unordered(
        self, chunks: Iterable[list[Work]], config: WorkerConfig
    ) -> Iterator[Tables]: ...

    def close(self) -> None: ...


class PoolEngine:
    """``jobs`` local worker processes (forkserver: no fork of a process holding threads)."""

    def __init__(self, jobs: int | None = None) -> None:
        self.workers = jobs or os.cpu_count() or 1
        self.name = f"本机进程池（{self.workers} 个进程）"
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("forkserver"),
            initializer=ignore_interrupt,
        )

    def map_unordered(self, chunks: Iterable[list[Work]], config: WorkerConfig) -> Iterator[Tables]:
        window = 2 * self.workers
        pending: set[Future[Tables]] = set()
        todo = iter(chunks)
        try:
            while True:
                for chunk in todo:
                    pending.add(self._pool.submit(process_chunk, chunk, config))
                    if len(pending) >= window:
                        break
                if not pending:
                    return
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    yield future.result()
        except BrokenProcessPool:
            raise EngineError("本机工作进程池意外中断") from None
        except SandboxError as exc:
            raise EngineError(str(exc)) from None
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """The chunks as tasks on a running ``dask.distributed`` cluster (or a given Client)."""

    def __init__(self, scheduler: str | None = None, client: Any = None) -> None:
        from distributed import Client

        if client is None:
            try:
                client = Client(scheduler, timeout="10s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise EngineError(f"无法连接 Dask 调度器 {scheduler}：{exc}") from None
            self._own = True
        else:
            self._own = False
        self.client = client
        threads = client.nthreads()
        self.workers = sum(threads.values()) or 1
        self.name = f"Dask 集群 {client.scheduler.address}（{len(threads)} 个 worker，{self.workers} 个线程）"

    def map_unordered(self, chunks: Iterable[list[Work]], config: WorkerConfig) -> Iterator[Tables]:
        from distributed import as_completed

        window = 2 * self.workers
        todo = iter(chunks)
        running = as_completed()
        in_flight = 0
        try:
            for chunk in todo:
                running.add(self.client.submit(process_chunk, chunk, config, pure=False))
                in_flight += 1
                if in_flight >= window:
                    break
            for future in running:
                in_flight -= 1
                result: Tables = future.result()
                future.release()
                yield result
                for chunk in todo:
                    running.add(self.client.submit(process_chunk, chunk, config, pure=False))
                    in_flight += 1
                    break
        except Exception as exc:
            raise EngineError(f"Dask 集群上的任务失败：{exc}") from None
        finally:
            for future in list(running.futures):
                future.cancel()

    def close(self) -> None:
        if self._own:
            self.client.close()
