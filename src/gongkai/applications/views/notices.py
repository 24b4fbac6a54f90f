from __future__ import annotations

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from ..models import AccessLog, NoticeKind
from ..services.notices import NoticeUnavailable, render
from .common import handled_application

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def notice_view(request: HttpRequest, pk: int) -> HttpResponse:
    """A notice as .docx (it carries the applicant's name: handling staff only, logged)."""
    application = handled_application(request, pk)
    try:
        kind = NoticeKind(request.GET.get("kind", NoticeKind.RECEIPT))
        data = render(application, kind)
    except NoticeUnavailable as exc:  # a Chinese reason the clerk can act on
        return HttpResponse(str(exc), status=409, content_type="text/plain; charset=utf-8")
    except ValueError:
        raise Http404("No such notice") from None
    AccessLog.objects.create(application=application, user=request.user, what=f"生成{kind.label}")
    response = HttpResponse(data, content_type=DOCX)
    name = f"{application.year}-{application.serial}-{kind.label}.docx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response
