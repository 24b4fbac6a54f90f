"""Decide what kind of file a report is by its content, not its name."""

from __future__ import annotations

import io
import zipfile

from .errors import UnreadableInput

MAX_INPUT_BYTES = 50 * 1024 * 1024  # no published annual report comes near this
# PNG, JPEG, TIFF (both byte orders): scanned reports, read by OCR
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def detect_kind(data: bytes) -> str:
    """One of "pdf", "docx", "xlsx", "image", "json", "html", "text"."""
    if len(data) > MAX_INPUT_BYTES:
        raise UnreadableInput(
            f"文件过大（{len(data) // (1024 * 1024)} MB），超过 {MAX_INPUT_BYTES // (1024 * 1024)} MB 的上限"
        )
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(_IMAGE_MAGIC):
        return "image"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        if "EncryptedPackage".encode("utf-16-le") in data:
            # Office 2007+ files with a password are stored as an OLE container.
            raise UnreadableInput(
                "文件已加密（设置了打开密码），请在 Word/Excel 中去掉密码后再上传"
            )
        raise UnreadableInput("这是旧版 Word/Excel（.doc/.xls）文件，请先另存为 .docx 或 .xlsx")
    text = decode_text(data[:4096], strict=False)
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        return "json"
    lower = stripped[:4096].lower()
    if "<table" in lower or "<html" in lower or "<body" in lower or lower.startswith("<!doctype"):
        return "html"
    if lower.startswith(("<head", "<meta", "<div", "<p>", "<p ", "<h1", "<title")):
        return "html"  # a fragment saved from a page, without <html>/<body>
    return "text"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UnreadableInput("文件已损坏：看起来是 ZIP 压缩包（DOCX/XLSX），但无法打开") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise UnreadableInput("不支持的压缩文件：既不是 Word（.docx）也不是 Excel（.xlsx）文档")


def decode_text(data: bytes, strict: bool = True) -> str:
    """Decode text in the encodings Chinese government sites use (UTF-8, GB18030, UTF-16)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        if strict and b"\x00" in data:
            raise UnreadableInput("无法识别的二进制文件，不是可读取的报告") from None
        return data.decode("utf-8", errors="replace")
