"""``gongkai corpus``: ingest every report into one dataset, query it, export it, report on it."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from .codes import STATUSES
from .dataset import Dataset, DatasetError
from .names import AliasFileError, load_aliases
from .sources import SourceError

_F = TypeVar("_F", bound=Callable[..., Any])
_REFUSALS = (DatasetError, SourceError, AliasFileError)


def _refusal(message: str) -> click.ClickException:
    """The ``gongkai`` command's refusal (one Chinese line, exit 2), imported when needed:
    ``gongkai.cli`` imports this module, so this module cannot import it at load time."""
    from ..cli import Unusable as Refusal

    return Refusal(message)


def _dataset(path: str, create: bool = False) -> Dataset:
    try:
        return Dataset.open(path, create=create)
    except DatasetError as exc:
        raise _refusal(str(exc)) from None


def _number(name: str, kind: Any, default: float, text: str) -> Callable[[_F], _F]:
    return click.option(name, type=kind, default=default, show_default=True, help=text)


@click.group()
def corpus() -> None:
    """年报数据集：把所有年报批量解析、核验，存为可查询的 Parquet 数据集。"""


@corpus.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--into", "into", required=True, help="数据集目录（不存在则新建）")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="本机工作进程数（默认：CPU 核数）")
@click.option("--scheduler", help="Dask 调度器地址，如 tcp://host:8786（默认：本机进程池）")
@_number("--timeout", click.FloatRange(min=0.1), 120, "每个文件的处理时限（秒，墙钟与 CPU 时间）")
@_number("--memory", click.IntRange(min=64), 2048, "每个工作进程的内存上限（MB）")
@_number("--batch-size", click.IntRange(min=1), 500, "每批写入的报告数")
@click.option("--aliases", type=click.Path(dir_okay=False), help="机关别名 CSV（原名称,机关名称）")
@click.option("--quiet", "-q", is_flag=True, help="不显示进度条")
@click.option("--reader", hidden=True, help="（测试用）以 module:function 替换解析函数")
def ingest(
    sources: tuple[str, ...],
    into: str,
    jobs: int | None,
    scheduler: str | None,
    timeout: float,
    memory: int,
    batch_size: int,
    aliases: str | None,
    quiet: bool,
    reader: str | None,
) -> None:
    """读取目录、压缩包（zip/tar）和网址清单（*.urls）中的年报，解析、核验后写入数据集。

    已处理过的文件（按内容哈希）自动跳过：中断后再次运行即从断点继续。

    Example: gongkai corpus ingest reports/ 2021.zip downloads.urls --into dataset/
    """
    from .engines import DaskEngine, EngineError, PoolEngine
    from .ingest import ingest as run_ingest
    from .worker import WorkerConfig

    try:
        config = WorkerConfig(
            timeout=timeout,
            memory_mb=memory,
            reader=reader,
            aliases=load_aliases(aliases) if aliases else {},
        )
        for source in sources:
            if not Path(source).exists():
                raise SourceError(f"找不到来源 {source}")
        dataset = _dataset(into, create=True)
        engine = DaskEngine(scheduler) if scheduler else PoolEngine(jobs)
    except (*_REFUSALS, EngineError) as exc:
        raise _refusal(str(exc)) from None
    click.echo(f"数据集 {into}；运行于{engine.name}", err=True)
    try:
        summary = run_ingest(
            list(sources), dataset, engine, config, batch_size=batch_size, show_progress=not quiet
        )
    except (*_REFUSALS, EngineError) as exc:
        raise _refusal(str(exc)) from None
    finally:
        engine.close()
    _print_summary(summary)
    if summary.interrupted:
        click.echo("已中断：已完成的部分已写入，再次运行同一命令即可继续。", err=True)
        sys.exit(130)


def _print_summary(summary: Any) -> None:
    click.echo(
        f"共 {summary.seen} 个文件：新处理 {summary.new} 个，"
        f"已在数据集中跳过 {summary.skipped_done} 个，内容重复跳过 {summary.skipped_repeat} 个；"
        f"用时 {summary.seconds:.1f} 秒（{summary.rate:,.1f} 份/秒）",
        err=True,
    )
    for status, n in summary.statuses.most_common():
        click.echo(f"  {STATUSES.get(status, status)}：{n}", err=True)
    for reason, n in summary.reasons.most_common(10):
        click.echo(f"    {n} × {reason}", err=True)
    if summary.chains:
        click.echo(f"  跨年度核对发现 {summary.chains} 处不一致（表 chains）", err=True)


@corpus.command()
@click.argument("dataset")
@click.argument("sql")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="输出格式",
)
def sql(dataset: str, sql: str, fmt: str) -> None:
    """用 DuckDB 查询数据集（表：reports、cells、findings、narrative、chains、agencies）。

    Example: gongkai corpus sql dataset/ "select year, count(*) from reports group by year"
    """
    from .query import QueryError, run

    try:
        columns, rows = run(_dataset(dataset), sql)
    except QueryError as exc:
        raise _refusal(str(exc)) from None
    if fmt == "json":
        click.echo(
            json.dumps(
                [dict(zip(columns, r, strict=True)) for r in rows],
                ensure_ascii=False,
                default=str,
                indent=2,
            )
        )
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        _print_table(columns, rows)


def _print_table(columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    Console(width=max(80, os.get_terminal_size().columns if sys.stdout.isatty() else 200)).print(
        table
    )
    click.echo(f"（{len(rows)} 行）", err=True)


@corpus.command()
@click.argument("dataset")
@click.option(
    "--sqlite", "target", required=True, type=click.Path(dir_okay=False), help="输出的 SQLite 文件"
)
def export(dataset: str, target: str) -> None:
    """把数据集导出为 SQLite 文件（可用 datasette 浏览）。

    Example: gongkai corpus export dataset/ --sqlite reports.db && datasette reports.db
    """
    from .export import ExportError, export_sqlite

    try:
        counts = export_sqlite(_dataset(dataset), target)
    except ExportError as exc:
        raise _refusal(str(exc)) from None
    for table, n in counts.items():
        click.echo(f"  {table}：{n} 行", err=True)
    click.echo(f"已导出到 {target}", err=True)


@corpus.command()
@click.argument("dataset")
@click.option(
    "-o",
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    help="输出目录（默认：数据集下的 report/）",
)
def report(dataset: str, out_dir: str | None) -> None:
    """生成数据集的静态 HTML 报告（图表用本地 ECharts）。

    Example: gongkai corpus report dataset/ -o corpus-report/
    """
    from .html_report import write_report

    out_dir = out_dir or str(Path(dataset) / "report")
    try:
        path = write_report(_dataset(dataset), Path(out_dir))
    except OSError as exc:
        raise _refusal(f"无法写入 {out_dir}：{exc.strerror or exc}") from None
    click.echo(f"已生成 {path}", err=True)


__all__ = ["corpus"]
