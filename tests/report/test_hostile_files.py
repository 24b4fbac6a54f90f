"""Hostile and broken files: every reader ends in UnreadableInput or a Document, quickly.

Zip bombs, DTD entity expansion, encrypted Office files, oversized and truncated files, and
hypothesis fuzzing (random bytes; flipped, cut and inserted bytes in valid files).
"""

from __future__ import annotations

import contextlib
import io
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.report.parse import limits, read_document
from gongkai.report.parse.blocks import Document
from gongkai.report.parse.detect import MAX_INPUT_BYTES
from gongkai.report.parse.docx import read_docx
from gongkai.report.parse.errors import UnreadableInput
from gongkai.report.parse.html import read_html
from gongkai.report.parse.pdf import read_pdf
from gongkai.report.parse.xlsx import read_xlsx

INPUTS = Path(__file__).parents[1] / "data" / "inputs"
Reader = Callable[[bytes, str | None], Document]
READERS: dict[str, tuple[Reader, str]] = {
    "html": (read_html, "report.html"),
    "docx": (read_docx, "report_2page.docx"),
    "pdf": (read_pdf, "report_2page.pdf"),
    "xlsx": (read_xlsx, "gongkai.xlsx"),
}
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lolololololololololol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)


def _rezip(name: str, replace: dict[str, bytes], extra: dict[str, bytes] | None = None) -> bytes:
    """A copy of an input package with some parts replaced or added."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(INPUTS / name) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info)))
        for part, data in (extra or {}).items():
            dst.writestr(part, data)
    return out.getvalue()


def _expect_unreadable(read: Reader, data: bytes, match: str | None = None) -> None:
    start = time.perf_counter()
    with pytest.raises(UnreadableInput, match=match):
        read(data, None)
    assert time.perf_counter() - start < 10


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_zip_bomb_by_ratio(kind: str) -> None:
    read, name = READERS[kind]
    bomb = _rezip(name, {}, {"customXml/item9.xml": b"\0" * (20 * 1024 * 1024)})
    assert len(bomb) < 200_000
    _expect_unreadable(read, bomb, "压缩炸弹")


def test_zip_bomb_by_total_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_UNCOMPRESSED_BYTES", 10_000)
    _expect_unreadable(read_docx, (INPUTS / "report_2page.docx").read_bytes(), "压缩炸弹")


def test_too_many_zip_entries() -> None:
    parts = {f"junk/{i}.bin": b"" for i in range(limits.MAX_ZIP_ENTRIES + 1)}
    _expect_unreadable(read_xlsx, _rezip("gongkai.xlsx", {}, parts), "内部文件")


@pytest.mark.parametrize(
    ("kind", "part"), [("docx", "word/document.xml"), ("xlsx", "xl/workbook.xml")]
)
def test_entity_expansion_is_refused(kind: str, part: str) -> None:
    read, name = READERS[kind]
    with zipfile.ZipFile(INPUTS / name) as zf:
        xml = zf.read(part)
    body = xml[xml.index(b"?>") + 2 :] if xml.startswith(b"<?xml") else xml
    _expect_unreadable(read, _rezip(name, {part: LAUGHS + body}), "DTD")


def test_entity_expansion_after_a_long_prolog_stays_bounded() -> None:
    """Past the 4 KB the prolog check reads, python-docx's parser still never expands."""
    with zipfile.ZipFile(INPUTS / "report_2page.docx") as zf:
        xml = zf.read("word/document.xml")
    body = xml[xml.index(b"?>") + 2 :]
    padded = b"<?xml version='1.0'?><!--" + b"x" * 8000 + b"-->" + LAUGHS[21:] + body
    start = time.perf_counter()
    with contextlib.suppress(UnreadableInput):
        read_docx(_rezip("report_2page.docx", {"word/document.xml": padded}), None)
    assert time.perf_counter() - start < 5


def test_encrypted_office_file() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(UnreadableInput, match="加密"):
        read_document(ole, "x.docx")


def test_zip_entry_encryption_flag() -> None:
    data = bytearray((INPUTS / "report_2page.docx").read_bytes())
    # set bit 0 of the general-purpose flags in every central directory record
    i = data.find(b"PK\x01\x02")
    while i != -1:
        data[i + 8] |= 1
        i = data.find(b"PK\x01\x02", i + 4)
    _expect_unreadable(read_docx, bytes(data), "加密")


@pytest.mark.parametrize("kind", sorted(READERS))
def test_oversized_input(kind: str) -> None:
    read, _ = READERS[kind]
    _expect_unreadable(read, b"<p>" + b" " * MAX_INPUT_BYTES, "过大")


@pytest.mark.parametrize("kind", ["docx", "xlsx", "pdf"])
@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9])
def test_truncated_files(kind: str, keep: float) -> None:
    read, name = READERS[kind]
    data = (INPUTS / name).read_bytes()
    _expect_unreadable(read, data[: int(len(data) * keep)])


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_zip_without_the_main_part(kind: str) -> None:
    read, _ = READERS[kind]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    _expect_unreadable(read, out.getvalue())


def test_huge_sheet_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import gongkai.report.parse.xlsx as xlsx

    monkeypatch.setattr(xlsx, "MAX_SHEET_ROWS", 5)
    _expect_unreadable(read_xlsx, (INPUTS / "gongkai.xlsx").read_bytes(), "行")


def test_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_SECONDS", 0.0)
    _expect_unreadable(read_pdf, (INPUTS / "report_2page.pdf").read_bytes(), "秒")


# ---------------------------------------------------------------- fuzzing


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "zero"]))
        pos = draw(st.integers(0, max(len(buf) - 1, 0)))
        if op == "flip" and buf:
            buf[pos] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del buf[pos : pos + draw(st.integers(1, 4096))]
        elif op == "insert":
            buf[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        else:
            buf[pos : pos + 512] = bytes(len(buf[pos : pos + 512]))
    return bytes(buf)


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def _reads_or_refuses(read: Reader, data: bytes) -> None:
    start = time.perf_counter()
    try:
        doc = read(data, None)
    except UnreadableInput as exc:
        assert str(exc)
    else:
        assert isinstance(doc, Document)
    assert time.perf_counter() - start < 15


@pytest.mark.parametrize("kind", sorted(READERS))
def test_fuzz_mutated_valid_files(kind: str) -> None:
    read, name = READERS[kind]

    @FUZZ
    @given(mutated((INPUTS / name).read_bytes()))
    def check(data: bytes) -> None:
        _reads_or_refuses(read, data)

    check()


@pytest.mark.parametrize("kind", sorted(READERS))
def test_fuzz_random_bytes(kind: str) -> None:
    read, _ = READERS[kind]
    prefix = {"pdf": b"%PDF-1.4\n", "docx": b"PK\x03\x04", "xlsx": b"PK\x03\x04", "html": b"<html>"}

    @FUZZ
    @given(st.binary(max_size=4096))
    def check(data: bytes) -> None:
        _reads_or_refuses(read, data)
        _reads_or_refuses(read, prefix[kind] + data)

    check()


@FUZZ
@given(st.binary(max_size=2048))
def test_fuzz_read_document_any_bytes(data: bytes) -> None:
    _reads_or_refuses(read_document, data)
