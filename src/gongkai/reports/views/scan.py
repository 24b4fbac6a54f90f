"""The spot of the scan a cell was read from (OCR'd reports), as a PNG beside the cell."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

from gongkai.report.parse import UnreadableInput
from gongkai.report.parse.ocr_crop import cell_crop

from ..access import get_visible_report_or_404
from ..security import sandboxed
from ..services import report_of


@login_required
def scan_crop(request: HttpRequest, pk: int) -> HttpResponse:
    """``?cell=KEY``: the crop of the original scan around that cell. The PNG is made here
    from the stored original (never the uploaded bytes), sandboxed like every file we serve."""
    obj = get_visible_report_or_404(request.user, pk)
    prov = report_of(obj).provenance.get(request.GET.get("cell", ""))
    if prov is None or prov.box is None or prov.page is None or not obj.original:
        raise Http404("No scan for this cell")
    with obj.original.open("rb") as fh:
        data = fh.read()
    try:
        png = cell_crop(data, prov.page, prov.box)
    except UnreadableInput:
        raise Http404("No scan for this cell") from None
    response = HttpResponse(png, content_type="image/png")
    response.headers["Content-Disposition"] = content_disposition_header(False, "cell.png")
    response.headers["Cache-Control"] = "private, max-age=3600"
    sandboxed(response)
    return response
