"""The progress bar of an ingest run (rich): files done of the total, reports/s, ETA, failures."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class IngestProgress:
    def __init__(self, total: int, enabled: bool = True) -> None:
        console = Console(stderr=True)
        self._progress = Progress(
            TextColumn("[bold]入库"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} 份/秒"),
            TextColumn("失败 {task.fields[failed]}"),
            TimeElapsedColumn(),
            TextColumn("剩余"),
            TimeRemainingColumn(),
            console=console,
            disable=not (enabled and console.is_terminal),
        )
        self._task = self._progress.add_task("ingest", total=total or None, rate="-", failed=0)

    def __enter__(self) -> IngestProgress:
        self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._progress.stop()

    def advance(self, files: int, parsed_rate: float, failed: int) -> None:
        self._progress.update(self._task, advance=files, rate=f"{parsed_rate:,.0f}", failed=failed)
