"""The ``gongkai`` command: a thin skin over the report core (parse, check, render, schema)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from .report.findings import Finding, Severity, has_errors
from .report.jsonio import finding_to_dict, report_to_json
from .report.model import Report
from .report.parse import UnreadableInput

EXIT_OK, EXIT_ERRORS, EXIT_UNUSABLE = 0, 1, 2
_SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


class GongkaiError(click.ClickException):
    """A refusal the user can act on: one line in Chinese, never a traceback."""

    def show(self, file: Any = None) -> None:
        click.echo(f"错误：{self.message}", err=True)


class Unusable(GongkaiError):
    """Input that cannot be used at all: exit 2."""

    exit_code = EXIT_UNUSABLE


def _load(path: str, previous: Report | None = None) -> Report:
    from .report.pipeline import load_path

    try:
        return load_path(path, previous)
    except UnreadableInput as exc:
        raise Unusable(f"{path}：{exc}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gongkai")
def cli() -> None:
    """gongkai（公开）：政府信息公开工作年度报告的解析、核验与生成。"""


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False), help="把每份报告的 JSON 写入此目录"
)
def parse(files: tuple[str, ...], out_dir: str | None) -> None:
    """解析报告文件，输出 JSON（每份报告一个对象）。

    Example: gongkai parse report.txt --out parsed/
    """
    for path in files:
        report = _load(path)
        text = report_to_json(report, indent=None if out_dir is None else 2)
        if out_dir is None:
            click.echo(text)
            continue
        target = Path(out_dir)
        target.mkdir(parents=True, exist_ok=True)
        dest = target / (Path(path).stem + ".json")
        dest.write_text(text + "\n", encoding="utf-8")
        click.echo(f"已写入 {dest}", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出（供程序使用）")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", help="消息语言")
@click.option(
    "--previous", type=click.Path(dir_okay=False), help="同一机关上一年度的报告，用于跨年核对"
)
def check(files: tuple[str, ...], as_json: bool, lang: str, previous: str | None) -> None:
    """核验报告：勾稽关系、缺失内容、正文与表格是否一致。

    退出码：0 无错误；1 有错误；2 输入无法使用。

    Example: gongkai check 2020年报.pdf --previous 2019年报.docx
    """
    prev = _load(previous) if previous else None
    any_errors = False
    results: list[dict[str, Any]] = []
    for path in files:
        report = _load(path, prev)
        any_errors = any_errors or has_errors(report.findings)
        if as_json:
            results.append(
                {
                    "source": path,
                    "agency": report.agency,
                    "year": report.year,
                    "format": report.format,
                    "findings": [finding_to_dict(f, lang) for f in report.findings],
                }
            )
        else:
            _print_findings(path, report, lang)
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    sys.exit(EXIT_ERRORS if any_errors else EXIT_OK)


def _print_findings(path: str, report: Report, lang: str) -> None:
    head = f"{path}：{report.agency or '（未识别机关）'} {report.year or '?'}年度（{report.format}年版格式）"
    counts = {s: sum(1 for f in report.findings if f.severity is s) for s in Severity}
    summary = "，".join(f"{_SEVERITY_ZH[s]} {n}" for s, n in counts.items() if n) or "未发现问题"
    click.echo(f"{head}：{summary}")
    for f in report.findings:
        click.echo("  " + _finding_line(f, lang))


def _finding_line(f: Finding, lang: str) -> str:
    where = f"（{f.location}）" if f.location and f.location.line else ""
    label = f.severity.value if lang == "en" else _SEVERITY_ZH[f.severity]
    return f"[{label}] {f.code} {f.text(lang)}{where}"


@cli.command()
def schema() -> None:
    """输出 gongkai 报告 JSON 的 JSON Schema。

    Example: gongkai schema > report.schema.json
    """
    from .report.schema import report_schema

    click.echo(json.dumps(report_schema(), ensure_ascii=False, indent=2))


@cli.command()
@click.argument("report_file")
@click.option(
    "--to", "kind", required=True, type=click.Choice(["docx", "pdf", "html", "xlsx", "md"])
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="输出文件（默认：同名换扩展名）"
)
@click.option("--strict", is_flag=True, help="报告仍有错误时拒绝生成")
def render(report_file: str, kind: str, output: str | None, strict: bool) -> None:
    """按官方格式生成报告：DOCX、PDF、HTML、XLSX 或 Markdown。

    Example: gongkai render 2020年报.txt --to docx -o 2020年报.docx
    """
    from .report.render import render as render_report

    report = _load(report_file)
    if strict and has_errors(report.findings):
        errors = sum(1 for f in report.findings if f.severity is Severity.ERROR)
        raise click.ClickException(
            f"报告仍有 {errors} 个错误，--strict 模式下不生成；请先运行 gongkai check 查看"
        )
    data = render_report(report, kind)
    dest = Path(output) if output else Path(report_file).with_suffix(f".{kind}")
    if dest.resolve() == Path(report_file).resolve():
        dest = dest.with_name(dest.stem + f".rendered.{kind}")
    dest.write_bytes(data)
    click.echo(f"已生成 {dest}", err=True)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址")
@click.option("--port", default=8000, show_default=True, type=int, help="监听端口")
@click.option("--demo", is_flag=True, help="先迁移数据库并载入演示数据")
@click.option("--workers", default=2, show_default=True, type=int, help="工作进程数")
def serve(host: str, port: int, demo: bool, workers: int) -> None:
    """启动网站（gunicorn；静态文件由 whitenoise 提供）。

    Example: gongkai serve --demo --port 8000
    """
    from .site.serve import main as serve_main

    serve_main(host=host, port=port, demo=demo, workers=workers)


def _add_corpus() -> None:
    from .corpus.cli import corpus  # after GongkaiError/Unusable exist: it imports them

    cli.add_command(corpus)


_add_corpus()


def main() -> None:
    cli(prog_name="gongkai")


if __name__ == "__main__":
    main()
