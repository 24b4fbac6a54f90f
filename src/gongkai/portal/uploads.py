"""What an online applicant may attach: PDF, Word (.docx), JPEG or PNG, by content as well as by
name, up to GONGKAI_PORTAL_MAX_ATTACHMENT_MB."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

# extension → the first bytes every such file starts with
SIGNATURES = {
    "pdf": b"%PDF-",
    "docx": b"PK\x03\x04",
    "jpg": b"\xff\xd8\xff",
    "jpeg": b"\xff\xd8\xff",
    "png": b"\x89PNG\r\n\x1a\n",
}


def check_attachment(upload: Any) -> Any:
    limit = settings.GONGKAI_PORTAL_MAX_ATTACHMENT_MB
    if upload.size > limit * 1024 * 1024:
        raise forms.ValidationError(f"附件不能超过 {limit} MB")
    ext = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if ext not in SIGNATURES:
        raise forms.ValidationError("附件只能是 PDF、Word（.docx）、JPG 或 PNG 文件")
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(SIGNATURES[ext]):
        raise forms.ValidationError(f"附件内容不是 .{ext} 文件，请检查后重新选择")
    return upload
