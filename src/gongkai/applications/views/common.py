from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from ..models import Application
from ..permissions import can_handle, get_visible_application_or_404


def handled_application(request: HttpRequest, pk: int) -> Application:
    """404 outside the user's scope; 403 for one the user sees but may not handle."""
    application = get_visible_application_or_404(request.user, pk)
    if not can_handle(request.user, application):
        raise PermissionDenied("只有本机关的经办人、审核人可以办理申请")
    return application


def first_error(exc: Any) -> dict[str, list[str]]:
    """A ValidationError as {field: messages}; non-field errors under "__all__"."""
    if hasattr(exc, "message_dict"):
        return exc.message_dict
    return {"__all__": list(exc.messages)}
