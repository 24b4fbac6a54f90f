"""Benchmarks of the report core: accuracy on the labelled corpus, parse and render speed."""

from __future__ import annotations

import json
import resource
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from gongkai.report.jsonio import cell_to_json
from gongkai.report.parse import read_report
from gongkai.report.pipeline import analyse, load_bytes
from gongkai.report.sample import sample_report

DATA = Path(__file__).parent.parent / "tests" / "data"


def labelled_files() -> list[Path]:
    files = sorted((DATA / "seeds").glob("*.txt")) + sorted(
        p for p in (DATA / "corpus").iterdir() if p.suffix in {".txt", ".md", ".html"}
    )
    return [p for p in files if p.with_suffix(".expected.json").exists()]


def accuracy() -> None:
    total = correct = 0
    worst: list[tuple[float, str]] = []
    for path in labelled_files():
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        report = read_report(path.read_bytes(), path.name)
        ok = sum(1 for k, v in expected["cells"].items() if cell_to_json(report.cells.get(k)) == v)
        total += len(expected["cells"])
        correct += ok
        worst.append((ok / len(expected["cells"]), path.name))
    print(
        f"labelled reports: {len(worst)}; cells: {total}; correct: {correct} ({100 * correct / total:.2f}%)"
    )
    for share, name in sorted(worst)[:3]:
        print(f"  lowest: {name} {100 * share:.1f}%")


def _rate(
    label: str,
    payloads: list[tuple[bytes, str]],
    fn: Callable[[bytes, str], object],
    seconds: float = 2.0,
    unit: str = "reports",
) -> None:
    fn(*payloads[0])  # warm imports and caches
    # Peak memory of one report, traced separately: tracing slows the timed loop below.
    tracemalloc.start()
    fn(*payloads[0])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        data, name = payloads[done % len(payloads)]
        fn(data, name)
        done += 1
    elapsed = time.perf_counter() - start
    size = sum(len(d) for d, _ in payloads) / len(payloads) / 1024
    print(
        f"{label:<28} {done / elapsed:8.1f} {unit}/s  {1000 * elapsed / done:7.2f} ms each"
        f"  (avg input {size:.1f} KB, peak traced memory per report {peak / 1e6:.1f} MB)"
    )


def parse_speed() -> None:
    texts = [(p.read_bytes(), p.name) for p in labelled_files() if p.suffix in {".txt", ".md"}]
    htmls = [(p.read_bytes(), p.name) for p in labelled_files() if p.suffix == ".html"]
    typical = DATA / "seeds" / "004_9a4325fa962f2263.txt"
    _rate("text 10 KB (seed 004): p+c", [(typical.read_bytes(), typical.name)], load_bytes)
    _rate("text: parse + check", texts, load_bytes)
    _rate("text: parse only", texts, read_report)
    _rate("HTML: parse + check", htmls, load_bytes)
    page = (DATA / "corpus" / "2019_gbk_nbsp.html").read_bytes()
    long_page = page.replace(b"</body>", page[page.find(b"<body>") + 6 :] * 12)  # a long real page
    _rate(f"HTML {len(long_page) // 1024} KB page: parse", [(long_page, "long.html")], read_report)
    try:
        from gongkai.report.render import render
    except ImportError:
        print("(renderers not available: DOCX/PDF/XLSX parse speed skipped)")
        return
    samples = [sample_report(i, v) for i, v in enumerate(["2019", "2021"] * 2)]
    for kind in ("docx", "xlsx"):
        payloads = [(render(r, kind), f"s{i}.{kind}") for i, r in enumerate(samples)]
        _rate(f"{kind.upper()}: parse + check", payloads, load_bytes)
    pdfs = [(render(r, "pdf"), f"s{i}.pdf") for i, r in enumerate(samples[:2])]
    pages = sum(_pdf_pages(d) for d, _ in pdfs) / len(pdfs)
    start = time.perf_counter()
    for data, name in pdfs:
        load_bytes(data, name)
    per_report = (time.perf_counter() - start) / len(pdfs)
    print(
        f"{'PDF: parse + check':<28} {1 / per_report:8.1f} reports/s  {1000 * per_report:7.1f} ms each, {1000 * per_report / pages:.1f} ms/page ({pages:.0f} pages)"
    )
    print(
        f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )


def _pdf_pages(data: bytes) -> int:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def render_speed() -> None:
    try:
        from gongkai.report.render import RENDER_KINDS, render
    except ImportError:
        print("(renderers not available)")
        return
    samples = [analyse(sample_report(i, v)) for i, v in enumerate(["2019", "2021"])]
    for kind in RENDER_KINDS:
        runs = 2 if kind == "pdf" else 20
        start = time.perf_counter()
        for i in range(runs):
            render(samples[i % 2], kind)
        each = (time.perf_counter() - start) / runs
        print(f"render {kind:<5} {1000 * each:9.1f} ms per report ({1 / each:.1f}/s)")
