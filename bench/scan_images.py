"""Page images made from the REAL labelled reports (tests/data/real), for measuring OCR.

No real scanned report could be obtained for the corpus (tests/data/real/SOURCES.md), so the
OCR reader is measured on pages gongkai renders itself: the report's real narrative and its
hand-labelled cell values (``*.expected.json``) → gongkai's PDF renderer → rasterised with
``pdftoppm`` → optionally made to look scanned (a slight turn, blur, grain, JPEG). These are
rendered from real reports, not real scans: the figures say so wherever they are printed.
"""

from __future__ import annotations

import io
import json
import random
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from gongkai.report.model import Report
from gongkai.report.parse import read_report
from gongkai.report.render.pdf import render_pdf

REAL = Path(__file__).parent.parent / "tests" / "data" / "real"


def labelled_reports() -> list[tuple[str, dict[str, Any]]]:
    """(name, label) of every real report in a 2019/2021 format, by name."""
    out = []
    for path in sorted(REAL.glob("*.expected.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        if label["format"] in ("2019", "2021"):
            out.append((path.name.removesuffix(".expected.json"), label))
    return out


def truth_report(name: str, label: dict[str, Any]) -> Report:
    """The real report's narrative (as gongkai reads it) with the hand-labelled cells."""
    source = next(p for p in REAL.glob(name + ".*") if not p.name.endswith((".json", ".label.txt")))
    report = read_report(source.read_bytes(), source.name)
    report.cells = {
        key: (Decimal(v) if isinstance(v, str) else v) for key, v in label["cells"].items()
    }
    report.provenance = {}
    report.findings = []
    return report


def report_pdf(name: str, label: dict[str, Any]) -> bytes:
    return render_pdf(truth_report(name, label))


def rasterise(pdf: bytes, dpi: int = 200) -> list[Image.Image]:
    """The PDF's pages as greyscale images, by pdftoppm (poppler), as a scanner would see them."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "report.pdf"
        src.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(src), str(Path(tmp) / "page")],
            check=True,
            timeout=120,
        )
        pages = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[1]))
        return [Image.open(p).convert("L") for p in pages]


def degrade(page: Image.Image, seed: int) -> Image.Image:
    """A clean page made to look scanned: turned up to ±0.8°, blurred, grain, JPEG at 70."""
    rng = random.Random(seed)
    out = page.rotate(rng.uniform(-0.8, 0.8), resample=Image.Resampling.BILINEAR, fillcolor=255)
    out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.9)))
    pixels = np.asarray(out, dtype=np.int16)
    noise = np.random.default_rng(seed).normal(0, 6, pixels.shape).astype(np.int16)
    out = Image.fromarray(np.clip(pixels + noise, 0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    out.save(buffer, "JPEG", quality=70)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("L")


def png(page: Image.Image) -> bytes:
    buffer = io.BytesIO()
    page.save(buffer, "PNG")
    return buffer.getvalue()


def image_pdf(pages: list[Image.Image], dpi: int = 200) -> bytes:
    """An image-only PDF, as a scanner's "scan to PDF" writes it (no text layer)."""
    buffer = io.BytesIO()
    pages[0].save(buffer, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return buffer.getvalue()


def mixed_pdf(text_pdf: bytes, scanned_pdf: bytes, scanned_pages: set[int]) -> bytes:
    """The text PDF with the pages in ``scanned_pages`` (1-based) taken from the scan."""
    text, scan = pdfium.PdfDocument(text_pdf), pdfium.PdfDocument(scanned_pdf)
    out = pdfium.PdfDocument.new()
    for i in range(len(text)):
        out.import_pages(scan if i + 1 in scanned_pages else text, [i])
    buffer = io.BytesIO()
    out.save(buffer)
    for doc in (out, text, scan):
        doc.close()
    return buffer.getvalue()


def paint_over(page: Image.Image, box: tuple[int, int, int, int], text: str) -> Image.Image:
    """The page with the cell text in ``box`` painted white and ``text`` written in its place
    (a deliberate "misprint" for testing how a misread is reported)."""
    found = subprocess.run(
        ["fc-match", "-f", "%{file}", "Noto Serif CJK SC"],
        capture_output=True,
        text=True,
        check=True,
    )
    out = page.copy()
    x, y, w, h = box
    draw = ImageDraw.Draw(out)
    draw.rectangle((x - 2, y - 2, x + w + 2, y + h + 2), fill=255)
    font = ImageFont.truetype(found.stdout, size=int(h * 1.35))
    draw.text((x, y + h), text, fill=0, font=font, anchor="ls")
    return out
