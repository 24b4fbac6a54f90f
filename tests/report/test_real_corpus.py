"""The real corpus (tests/data/real): reports as agencies published them, labelled by reading.

Accuracy is counted the way ``make bench`` counts it (``gongkai.report.accuracy``). The cells
the parser still gets wrong are listed here by name, with the reason, so that a fix and a
regression both show.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from gongkai.report.accuracy import score
from gongkai.report.findings import Severity
from gongkai.report.parse import UnreadableInput, read_report
from gongkai.report.pipeline import analyse

REAL = Path(__file__).parent.parent / "data" / "real"
sys.path.insert(0, str(REAL))
import labels  # noqa: E402  (tests/data/real/labels.py: the transcription → label tool)


def _source(label: Path) -> Path:
    stem = label.name.removesuffix(".expected.json")
    found = [
        p for p in REAL.glob(stem + ".*") if not p.name.endswith((".expected.json", ".label.txt"))
    ]
    assert len(found) == 1, stem
    return found[0]


LABELS = sorted(REAL.glob("*.expected.json"))
CASES = [(_source(p), json.loads(p.read_text(encoding="utf-8"))) for p in LABELS]
READ = [(path, label) for path, label in CASES if label["format"] != "pre2019"]
OLD = [(path, label) for path, label in CASES if label["format"] == "pre2019"]

# Cells the parser reads wrong, with why; anything else wrong fails the test.
KNOWN_WRONG = {
    # "行政许可215": the page's cells are 2 | (blank) | 15, the text dropped the blank cell;
    # three digits over three columns read as 2 1 5, and part 二 has no identity to object.
    "pta-lwt-2019-web.txt": {"active.licensing.change", "active.licensing.decisions"},
}


def test_corpus_spread() -> None:
    assert len(READ) >= 45
    assert {label["format"] for _, label in READ} == {"2019", "2021"}
    assert {label["year"] for _, label in READ} >= set(range(2019, 2026))
    assert len(OLD) >= 3
    kinds = Counter(label["kind"] for _, label in CASES)
    assert kinds["text"] >= 20


@pytest.mark.parametrize("path", [p for p in LABELS], ids=lambda p: p.name)
def test_every_label_is_built_from_its_transcription(path: Path) -> None:
    """No ``.expected.json`` is edited by hand: each is exactly what its ``.label.txt`` gives."""
    transcription = path.with_name(path.name.removesuffix(".expected.json") + ".label.txt")
    built = labels.parse_label(transcription.read_text(encoding="utf-8"))
    assert built == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("path", "label"), READ, ids=lambda x: getattr(x, "name", ""))
def test_cells_defects_and_findings(path: Path, label: dict) -> None:
    report = analyse(read_report(path.read_bytes(), path.name))
    assert report.format == label["format"]
    assert (report.agency, report.year) == (label["agency"], label["year"])
    result = score(report, label)
    assert set(result.wrong) == KNOWN_WRONG.get(path.name, set()), result.wrong
    assert not result.missed, result.missed
    assert not [f.text("zh") for f in result.false_errors]


def test_accuracy_over_the_whole_corpus() -> None:
    cells = exact = 0
    for path, label in READ:
        result = score(analyse(read_report(path.read_bytes(), path.name)), label)
        cells += result.cells
        exact += result.exact
    assert exact / cells >= 0.995, f"{exact}/{cells}"


@pytest.mark.parametrize(("path", "label"), OLD, ids=lambda x: getattr(x, "name", ""))
def test_reports_before_2019_are_refused(path: Path, label: dict) -> None:
    with pytest.raises(UnreadableInput, match="不是2019年版或2021年版格式的年度报告"):
        read_report(path.read_bytes(), path.name)


def test_cli_refuses_a_2018_report_with_exit_2() -> None:
    path = REAL / "ux-jtj-2018.txt"
    done = subprocess.run(
        [sys.executable, "-m", "gongkai.cli", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "不是2019年版或2021年版格式的年度报告" in done.stderr
    assert "2018年度" in done.stderr


def test_no_error_finding_on_any_consistent_report() -> None:
    for path, label in READ:
        if label["defects"]:
            continue
        report = analyse(read_report(path.read_bytes(), path.name))
        errors = [f.code for f in report.findings if f.severity is Severity.ERROR]
        assert not errors, (path.name, errors)
