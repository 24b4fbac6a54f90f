"""Read an annual report from any file kind agencies publish, into a ``Report``.

``read_report(data, source)`` picks the reader by content (``detect.py``), turns the file into
paragraphs and tables (``blocks.py``), then ``interpret.py`` finds the title, the six parts
and the tables' cells. The parser never raises on a bad report: what it cannot read becomes
a finding. Only input that is not a report at all raises ``UnreadableInput``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from ..jsonio import ReportDataError, report_from_json
from ..model import Report
from .blocks import Document
from .detect import decode_text, detect_kind
from .errors import UnreadableInput
from .ocr_provenance import attach_boxes

__all__ = ["UnreadableInput", "read_document", "read_path", "read_report"]

# kind → (module, function); imported on first use so `gongkai check x.txt` stays quick.
READERS: dict[str, tuple[str, str]] = {
    "text": ("text", "read_text"),
    "html": ("html", "read_html"),
    "docx": ("docx", "read_docx"),
    "pdf": ("pdf", "read_pdf"),
    "xlsx": ("xlsx", "read_xlsx"),
    "image": ("ocr", "read_image"),
}


def _reader(kind: str) -> Callable[[bytes, str | None], Document]:
    module, name = READERS[kind]
    fn: Callable[[bytes, str | None], Document] = getattr(
        import_module(f"{__name__}.{module}"), name
    )
    return fn


def read_document(data: bytes, source: str | None = None) -> Document:
    kind = detect_kind(data)
    if kind == "json":
        raise UnreadableInput("这是 gongkai 报告 JSON，不是原始报告文件")
    return _reader(kind)(data, source)


def read_report(data: bytes, source: str | None = None) -> Report:
    """Parse a report file's bytes (any supported kind, or a gongkai JSON)."""
    from .interpret import interpret

    kind = detect_kind(data)
    if kind == "json":
        try:
            report = report_from_json(decode_text(data))
        except ReportDataError as exc:
            raise UnreadableInput(str(exc)) from None
        if report.source is None:
            report.source = source
        return report
    doc = _reader(kind)(data, source)
    report = interpret(doc)
    attach_boxes(report, doc)  # OCR'd cells: box and confidence into provenance
    return report


def read_path(path: str | Path) -> Report:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise UnreadableInput("找不到文件") from None
    except IsADirectoryError:
        raise UnreadableInput("这是一个目录，不是文件") from None
    except OSError as exc:
        raise UnreadableInput(f"无法读取文件：{exc.strerror}") from None
    return read_report(data, p.name)
