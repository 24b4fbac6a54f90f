"""How every uploaded file is given back: always a download, sandboxed, never sniffed.

The page-wide Content-Security-Policy comes from django-csp's middleware on every response
(settings.CONTENT_SECURITY_POLICY). A file someone uploaded — an annual report's original, an
application's attachment — is another matter: an uploaded HTML or SVG must never render on our
origin. So it goes out as ``Content-Disposition: attachment``, with a content type we chose
(one of a few document types, else ``application/octet-stream``), ``nosniff``, and a sandbox
policy that would stop any script even if a browser did render it. Generated exports carry the
same sandbox policy.
"""

from __future__ import annotations

import mimetypes
from typing import IO

from django.http import FileResponse, HttpResponseBase

from gongkai.report.render import MEDIA_TYPES

SANDBOX = "sandbox; default-src 'none'"
SAFE_DOWNLOAD_TYPES = frozenset(
    {MEDIA_TYPES["pdf"], MEDIA_TYPES["docx"], MEDIA_TYPES["xlsx"], "application/msword"}
)


def sandboxed(response: HttpResponseBase) -> HttpResponseBase:
    """The sandbox policy and ``nosniff`` on a download (the middleware keeps a set policy)."""
    response.headers["Content-Security-Policy"] = SANDBOX
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def uploaded_file_response(
    handle: IO[bytes], filename: str, content_type: str | None = None
) -> HttpResponseBase:
    """An uploaded file as a sandboxed download; the type is the given or guessed one only if
    it is a document type we trust, else ``application/octet-stream``."""
    ctype = content_type or mimetypes.guess_type(filename)[0] or ""
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=ctype if ctype in SAFE_DOWNLOAD_TYPES else "application/octet-stream",
    )
    return sandboxed(response)
