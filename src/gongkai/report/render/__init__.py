"""Write a report in the official layout (按官方格式生成报告): HTML, Markdown, DOCX, XLSX, PDF.

``render(report, kind)`` returns the file's bytes. All kinds draw the same structure, derived
once from the format declaration in ``layout.py``; findings are not printed.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from ..model import Report

__all__ = ["MEDIA_TYPES", "RENDER_KINDS", "render", "render_html_fragment"]

# kind → (module, function); imported on first use (weasyprint alone takes a second to load).
_RENDERERS: dict[str, tuple[str, str]] = {
    "html": ("html", "render_html"),
    "md": ("md", "render_md"),
    "docx": ("docx", "render_docx"),
    "xlsx": ("xlsx", "render_xlsx"),
    "pdf": ("pdf", "render_pdf"),
}
RENDER_KINDS: tuple[str, ...] = tuple(_RENDERERS)
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def render(report: Report, kind: str) -> bytes:
    """The report as a file of ``kind`` (one of ``RENDER_KINDS``)."""
    if kind not in _RENDERERS:
        raise ValueError(f"不支持的输出格式：{kind!r}（可选：{'、'.join(RENDER_KINDS)}）")
    module, name = _RENDERERS[kind]
    fn: Callable[[Report], bytes] = getattr(import_module(f"{__name__}.{module}"), name)
    return fn(report)


def render_html_fragment(report: Report) -> str:
    """The report's HTML without ``<html>``/``<head>``, for embedding in the web app."""
    from .html import render_html_fragment as fragment

    return fragment(report)
