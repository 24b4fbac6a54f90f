"""OCR of scanned reports: cell accuracy, cells proven by an identity, seconds per page.

RENDERED FROM REAL REPORTS, NOT REAL SCANS: no real scanned report could be obtained
(tests/data/real/SOURCES.md). Each page is a real labelled report's narrative and hand-labelled
cells rendered by gongkai, rasterised at 200 dpi and made to look scanned (``scan_images``).
Also: whether the scan reads the same cells as the text PDF of the same report, and how many
misread cells an identity flags.

``python -m bench ocr`` (about 10 reports; ``GONGKAI_OCR_BENCH=all`` for every one).
"""

from __future__ import annotations

import os
import time
from typing import Any

from gongkai.report.accuracy import score
from gongkai.report.findings import Severity
from gongkai.report.jsonio import cell_to_json
from gongkai.report.model import Report
from gongkai.report.parse import read_report
from gongkai.report.pipeline import analyse

from .scan_images import degrade, image_pdf, labelled_reports, rasterise, report_pdf

_EVERY = 4  # every 4th labelled report: both formats, all agencies, about 10 reports


def proven(report: Report) -> set[str]:
    """Cells in at least one identity whose every term is known and which holds."""
    out: set[str] = set()
    for identity in report.spec.identities:
        values = [report.cells.get(k) for k in identity.cells]
        if any(v is None for v in values):
            continue
        left = sum(report.cells[k] for k in identity.left)  # type: ignore[misc]
        right = sum(report.cells[k] for k in identity.right)  # type: ignore[misc]
        if left == right:
            out.update(identity.cells)
    return out


def ocr(verbose: bool = False) -> None:
    chosen = labelled_reports()
    if os.environ.get("GONGKAI_OCR_BENCH") != "all":
        chosen = chosen[::_EVERY]
    print("扫描件 OCR —— 由真实报告渲染成图片再加扫描噪声，并非真实扫描件")
    print("(rendered from real reports, not real scans: no real scan could be obtained)")
    cells = exact = proven_cells = pages = same_as_text = text_cells = 0
    wrong_total = wrong_checkable = wrong_flagged = wrong_suggested = 0
    seconds = 0.0
    for name, label in chosen:
        pdf = report_pdf(name, label)
        images = [degrade(page, seed) for seed, page in enumerate(rasterise(pdf))]
        scan = image_pdf(images)
        start = time.perf_counter()
        report = analyse(read_report(scan, name + "-scan.pdf"))
        seconds += time.perf_counter() - start
        pages += len(images)
        s = score(report, label)
        cells += s.cells
        exact += s.exact
        proven_cells += len(proven(report) & set(label["cells"]))
        in_identity = {k for i in report.spec.identities for k in i.cells}
        for key in s.wrong:
            wrong_total += 1
            if key not in in_identity:
                continue  # part 二's cells: no identity can see a misread there
            wrong_checkable += 1
            named = [f for f in report.findings if key in f.cells]
            wrong_flagged += any(f.severity is Severity.ERROR for f in named)
            wrong_suggested += any(f.code == "OCR_MISREAD_SUSPECTED" for f in named)
        text = read_report(pdf, name + ".pdf")
        agree = _agreeing(report, text, label)
        same_as_text += agree
        text_cells += len(label["cells"])
        if verbose or s.wrong:
            print(f"  {name}: {s.exact}/{s.cells} exact; wrong {dict(list(s.wrong.items())[:5])}")
    print(f"reports {len(chosen)}, pages {pages} (200 dpi, turned ≤0.8°, blur, grain, JPEG 70)")
    print(f"cells exact            {exact}/{cells} = {exact / max(cells, 1):.1%}  (target ≥ 98 %)")
    print(f"proven by an identity  {proven_cells}/{cells} = {proven_cells / max(cells, 1):.1%}")
    print(
        f"misread cells {wrong_total}, {wrong_checkable} of them in an identity: "
        f"flagged by a broken identity {wrong_flagged}/{wrong_checkable}, "
        f"correct reading suggested {wrong_suggested}"
    )
    print(f"same cells as the text PDF  {same_as_text}/{text_cells}")
    print(
        f"seconds per page       {seconds / max(pages, 1):.2f}  on {os.cpu_count()} cores "
        "(target ≤ 3 s; machine shared with other work)"
    )


def _agreeing(scan: Report, text: Report, label: dict[str, Any]) -> int:
    return sum(
        cell_to_json(scan.cells.get(k)) == cell_to_json(text.cells.get(k)) for k in label["cells"]
    )
