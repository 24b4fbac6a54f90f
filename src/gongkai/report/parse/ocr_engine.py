"""The OCR engine: Tesseract 5 with Debian's simplified-Chinese data, run as a subprocess.

A subprocess (not a binding) because it can be killed: every call has a timeout, and the
whole file has a budget (``limits.ocr_time_limit``), so a hostile or huge scan ends in one clear
Chinese ``UnreadableInput`` instead of a hung worker. ``OMP_THREAD_LIMIT=1``: Tesseract's
OpenMP threads fight each other on a shared 2-core machine (measured 8 s a page with
threads, 1.7 s without; docs/design.md); pages are OCR'd side by side instead.

Why Tesseract over RapidOCR is measured and recorded in docs/design.md.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass

import cv2
import numpy as np

from .errors import UnreadableInput
from .limits import ocr_budget, ocr_time_limit

__all__ = ["OcrDeadline", "Word", "finish", "ocr_time_limit", "start"]

LANGUAGE = "chi_sim"
OCR_MAX_SECONDS = 600.0  # a whole scanned file, unless GONGKAI_OCR_SECONDS or the caller says


@dataclass(frozen=True)
class Word:
    """One word Tesseract read, in page pixels, with its confidence (0–100)."""

    text: str
    x0: int
    top: int
    x1: int
    bottom: int
    confidence: float
    line: tuple[int, int, int]  # (block, paragraph, line) in Tesseract's layout

    def as_pdf_word(self) -> dict[str, float | str]:
        """The word in the shape pdfplumber gives, so the PDF reader's line logic applies."""
        return {
            "text": self.text,
            "x0": float(self.x0),
            "x1": float(self.x1),
            "top": float(self.top),
            "bottom": float(self.bottom),
            "confidence": self.confidence,
        }


def tesseract_path() -> str:
    path = shutil.which("tesseract")
    if path is None:
        raise UnreadableInput(
            "这是扫描件（图片），需要 OCR 识别，但本机没有安装 tesseract-ocr 和 "
            "tesseract-ocr-chi-sim（请运行 scripts/system-packages.sh）"
        )
    return path


def _env_seconds() -> float | None:
    try:
        seconds = float(os.environ.get("GONGKAI_OCR_SECONDS", ""))
    except ValueError:
        return None
    return seconds if seconds > 0 else None


class OcrDeadline:
    """The wall-clock budget of one file's OCR; each engine call gets what is left."""

    def __init__(self) -> None:
        self.seconds = ocr_budget() or _env_seconds() or OCR_MAX_SECONDS
        self.end = time.monotonic() + self.seconds

    def left(self) -> float:
        remaining = self.end - time.monotonic()
        if remaining <= 0:
            raise self.exceeded()
        return remaining

    def exceeded(self) -> UnreadableInput:
        return UnreadableInput(
            f"扫描件 OCR 识别超过 {self.seconds:.0f} 秒仍未完成（页数过多或图片异常），已停止"
        )


@dataclass
class Job:
    """One running Tesseract call and the PNG it is fed."""

    proc: subprocess.Popen[bytes]
    png: bytes


def start(image: np.ndarray, psm: int, digits: bool = False) -> Job:
    """Start Tesseract on one image; ``finish`` collects its words. Started separately so
    a page's two calls (text, table cells) run side by side on two cores."""
    ok, png = cv2.imencode(".png", image)
    if not ok:  # pragma: no cover - encoding a valid array does not fail
        raise UnreadableInput("图片无法编码，OCR 失败")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    # digits: a second look at doubtful number cells, with the English model (better at
    # digits) and only the characters a number cell can hold
    language = "eng" if digits else LANGUAGE
    args = [tesseract_path(), "stdin", "stdout", "-l", language, "--psm", str(psm)]
    args += ["-c", "preserve_interword_spaces=1"]
    if digits:
        args += ["-c", "tessedit_char_whitelist=0123456789.,-"]
    args.append("tsv")
    proc = subprocess.Popen(
        args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    return Job(proc, png.tobytes())


def finish(job: Job, deadline: OcrDeadline) -> list[Word]:
    try:
        out, err = job.proc.communicate(job.png, timeout=deadline.left())
    except subprocess.TimeoutExpired:
        job.proc.kill()
        job.proc.communicate()
        raise deadline.exceeded() from None
    except UnreadableInput:
        job.proc.kill()
        job.proc.communicate()
        raise
    if job.proc.returncode != 0:
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["无输出"]
        raise UnreadableInput(f"OCR 引擎（tesseract）未能识别这张图片：{detail[0][:120]}")
    return parse_tsv(out.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> list[Word]:
    """Tesseract's TSV output → the words that hold text (level 5 rows)."""
    words: list[Word] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        try:
            x, y, w, h = (int(c) for c in cols[6:10])
            conf = float(cols[10])
        except ValueError:
            continue
        line = (int(cols[2]), int(cols[3]), int(cols[4]))
        words.append(Word(cols[11].strip(), x, y, x + w, y + h, max(conf, 0.0), line))
    return words


def read_words(image: np.ndarray, psm: int, deadline: OcrDeadline) -> list[Word]:
    return finish(start(image, psm), deadline)
