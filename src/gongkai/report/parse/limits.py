"""Guards every reader applies before and while it opens a file: size, zip bombs, XML
entities, time and page caps.

Readers parse files uploaded by anyone, so a hostile file must end in ``UnreadableInput``
(one clear Chinese sentence), in bounded time and memory — never in another exception, a
hang or an exhausted machine. The checks here run before the third-party parser sees the
bytes; ``reading()`` turns whatever a parser still raises on a corrupt file into
``UnreadableInput``.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from lxml import etree

from .detect import MAX_INPUT_BYTES
from .errors import UnreadableInput

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # all entries of a DOCX/XLSX together
MAX_ENTRY_BYTES = 100 * 1024 * 1024  # any single entry
MAX_COMPRESSION_RATIO = 100  # uncompressed / compressed, for entries large enough to matter
RATIO_CHECK_FLOOR = 1024 * 1024  # small entries may compress well without harm
MAX_ZIP_ENTRIES = 5000
MAX_PDF_PAGES = 200
MAX_SECONDS = 60.0  # wall time a reader may spend on one file
_PROLOG_BYTES = 4096  # enough to see a DTD before the root element


def check_size(data: bytes) -> None:
    if len(data) > MAX_INPUT_BYTES:
        raise UnreadableInput(
            f"文件过大（{len(data) // (1024 * 1024)} MB），超过 {MAX_INPUT_BYTES // (1024 * 1024)} MB 的上限"
        )
    if not data.strip():
        raise UnreadableInput("文件是空的，没有可读取的内容")


def open_zip(data: bytes, label: str) -> zipfile.ZipFile:
    """Open an Office (OOXML) package after checking it cannot explode when read.

    Checks the central directory (entry count, declared sizes, compression ratio, encryption)
    and that no XML part declares a DTD: OOXML never needs one, and a DTD is how entity
    expansion ("billion laughs") and external-entity attacks start.
    """
    check_size(data)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise UnreadableInput(f"文件已损坏：无法打开这个 {label} 文件（ZIP 结构不完整）") from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise UnreadableInput(f"{label} 文件包含 {len(infos)} 个内部文件，超出正常范围，拒绝读取")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnreadableInput(f"{label} 文件已加密（设置了密码），请去掉密码后再上传")
        total += info.file_size
        too_big = info.file_size > MAX_ENTRY_BYTES or total > MAX_UNCOMPRESSED_BYTES
        ratio = info.file_size / max(info.compress_size, 1)
        if too_big or (info.file_size > RATIO_CHECK_FLOOR and ratio > MAX_COMPRESSION_RATIO):
            raise UnreadableInput(f"{label} 文件解压后异常巨大（疑似“压缩炸弹”），拒绝读取")
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            _check_prolog(zf, info, label)
    return zf


def _check_prolog(zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> None:
    try:
        with zf.open(info) as fh:
            head = fh.read(_PROLOG_BYTES)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        raise UnreadableInput(f"文件已损坏：{label} 文件中的 {info.filename} 无法解压") from None
    except Exception:  # zlib.error and friends from a corrupt deflate stream
        raise UnreadableInput(f"文件已损坏：{label} 文件中的 {info.filename} 无法解压") from None
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        raise UnreadableInput(f"{label} 文件中含有 DTD/实体声明（可能是恶意文件），拒绝读取")


def html_parser() -> etree.HTMLParser:
    """An lxml parser for UTF-8 HTML that never fetches anything and keeps no comments."""
    return etree.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=False,
        remove_blank_text=False,
    )


class Deadline:
    """Wall-clock budget for reading one file; ``check()`` between pages/sheets/rows."""

    def __init__(self, label: str, seconds: float | None = None) -> None:
        self.label = label
        self.seconds = MAX_SECONDS if seconds is None else seconds
        self.end = time.monotonic() + self.seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise UnreadableInput(
                f"读取这个 {self.label} 文件超过 {self.seconds:.0f} 秒仍未完成，文件可能异常，已停止"
            )


@contextmanager
def reading(label: str) -> Iterator[None]:
    """Turn any failure of a third-party parser on a corrupt file into ``UnreadableInput``.

    Parsers (lxml, python-docx, openpyxl, pdfminer) raise dozens of exception types on
    damaged input — KeyError for a missing part, struct.error, zlib.error, AssertionError,
    RecursionError on deeply nested objects. To the user they all mean one thing.
    """
    try:
        yield
    except UnreadableInput:
        raise
    except MemoryError:
        raise UnreadableInput(f"{label} 文件过于复杂，读取时内存不足，拒绝读取") from None
    except RecursionError:
        raise UnreadableInput(f"{label} 文件结构嵌套过深（可能是恶意文件），拒绝读取") from None
    except Exception as exc:
        raise UnreadableInput(
            f"文件已损坏或格式不正确，无法作为 {label} 读取（{type(exc).__name__}）"
        ) from None


_ocr_budget: ContextVar[float | None] = ContextVar("gongkai_ocr_budget", default=None)


@contextmanager
def ocr_time_limit(seconds: float) -> Iterator[None]:
    """Limit the OCR of each scanned file read inside the block to ``seconds`` (batch runs:
    Tesseract runs in child processes a CPU limit on this one does not see)."""
    token = _ocr_budget.set(seconds)
    try:
        yield
    finally:
        _ocr_budget.reset(token)


def ocr_budget() -> float | None:
    return _ocr_budget.get()
