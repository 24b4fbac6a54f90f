"""Accuracy on the real corpus (tests/data/real): reports as agencies published them, each
labelled by a person reading it. Split by input kind and by shape; false error findings per
code; labelled defects found; pre-2019 reports refused; reader speed on real files.

``python -m bench.real_corpus -v`` lists every wrong cell and false finding, file by file.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from gongkai.report.accuracy import Score, score
from gongkai.report.parse import UnreadableInput, read_report
from gongkai.report.pipeline import analyse

REAL = Path(__file__).parent.parent / "tests" / "data" / "real"


def labelled() -> list[tuple[Path, dict]]:
    out = []
    for label in sorted(REAL.glob("*.expected.json")):
        stem = label.name.removesuffix(".expected.json")
        sources = [
            p
            for p in REAL.glob(stem + ".*")
            if not p.name.endswith((".expected.json", ".label.txt"))
        ]
        if len(sources) == 1:
            out.append((sources[0], json.loads(label.read_text(encoding="utf-8"))))
    return out


def run(path: Path, label: dict) -> tuple[Score | None, str | None, float]:
    """(score, refusal message, seconds). A pre-2019 label expects a refusal."""
    data = path.read_bytes()
    start = time.perf_counter()
    try:
        report = analyse(read_report(data, path.name))
    except UnreadableInput as exc:
        return None, str(exc), time.perf_counter() - start
    elapsed = time.perf_counter() - start
    return score(report, label), None, elapsed


def accuracy(verbose: bool = False) -> None:
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # cells exact reports ok
    by_shape: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    false_codes: Counter[str] = Counter()
    defects = found = consistent = consistent_clean = 0
    refused_ok = refused_total = 0
    unexpected: list[str] = []
    for path, label in labelled():
        result, refusal, _ = run(path, label)
        if label["format"] == "pre2019":
            refused_total += 1
            refused_ok += refusal is not None
            if refusal is None and verbose:
                print(f"  {path.name}: pre-2019 report not refused")
            continue
        if result is None:
            unexpected.append(f"{path.name}: {refusal}")
            result = Score(cells=len(label["cells"]))
        groups = [by_kind[label["kind"]]] + [by_shape[s] for s in label.get("shapes", [])]
        for group in [*groups, by_kind["all"]]:
            group[0] += result.cells
            group[1] += result.exact
            group[2] += 1
            group[3] += not result.wrong
        defects += result.defects
        found += result.defects_found
        false_codes.update(f.code for f in result.false_errors)
        if not label.get("defects"):
            consistent += 1
            consistent_clean += not result.false_errors
        if verbose and (result.wrong or result.false_errors or result.missed):
            print(f"  {path.name}: {result.exact}/{result.cells}")
            for key, (got, want) in list(result.wrong.items())[:12]:
                print(f"      {key}: got {got!r}, label {want!r}")
            for f in result.false_errors[:6]:
                print(f"      false {f.code}: {f.text('zh')[:90]}")
            for m in result.missed:
                print(f"      missed {m}")
    total = by_kind.pop("all", [0, 0, 0, 0])
    print(
        f"real corpus: {total[2]} reports, {total[0]} cells, {total[1]} exact"
        f" ({_pct(total[1], total[0])}); {total[3]} reports with no wrong cell"
    )
    for name, table in (("kind", by_kind), ("shape", by_shape)):
        for key in sorted(table):
            cells, exact, reports, clean = table[key]
            print(
                f"  {name} {key:<24} {reports:3d} reports  {_pct(exact, cells):>8} cells exact"
                f"  {clean:3d} with no wrong cell"
            )
    print(f"  labelled defects found: {found}/{defects}")
    print(
        f"  consistent reports with no error finding: {consistent_clean}/{consistent};"
        f" false error findings by code: {dict(false_codes) or 'none'}"
    )
    print(f"  pre-2019 reports refused (exit 2): {refused_ok}/{refused_total}")
    for line in unexpected:
        print(f"  refused but should not be: {line}")
    _speed(labelled())


def _speed(cases: list[tuple[Path, dict]], seconds: float = 1.5) -> None:
    """Parse + check of the real files of each kind, warm, for a second and a half."""
    by_kind: dict[str, list[tuple[bytes, str]]] = defaultdict(list)
    for path, label in cases:
        if label["format"] != "pre2019":
            by_kind[label["kind"]].append((path.read_bytes(), path.name))
    for kind, files in sorted(by_kind.items()):
        for data, name in files:
            analyse(read_report(data, name))  # warm imports and caches
        done = 0
        size = sum(len(d) for d, _ in files) / len(files) / 1024
        start = time.perf_counter()
        while time.perf_counter() - start < seconds:
            data, name = files[done % len(files)]
            analyse(read_report(data, name))
            done += 1
        elapsed = time.perf_counter() - start
        print(
            f"  speed {kind:<6} {done / elapsed:8.1f} reports/s  ({1000 * elapsed / done:.2f} ms"
            f" each, parse + check, {len(files)} real files, avg {size:.1f} KB)"
        )


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.2f}%" if whole else "n/a"


if __name__ == "__main__":
    accuracy(verbose="-v" in sys.argv)
