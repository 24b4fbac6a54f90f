from __future__ import annotations

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from ..models import AccessLog, NoticeKind
from ..permissions import can_see_personal_data
from ..services.notices import NoticeUnavailable, render
from .common import handled_application

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def notice_view(request: HttpRequest, pk: int) -> HttpResponse:
    """A notice as .docx. It carries the applicant's name, so only those who may see that
    (the agency's own clerks and reviewers, not the superuser acting as a clerk), logged."""
    application = handled_application(request, pk)
    if not can_see_personal_data(request.user, application):
        raise PermissionDenied("通知书载有申请人个人信息，只有本机关的经办人、审核人可以生成")
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
