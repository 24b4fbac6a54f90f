"""Scoped lookups for the disclosure pages: 404 outside the user's scope, 403 to look-only users."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.accounts.permissions import (
    agencies_visible_to,
    can_edit_agency_data,
    get_visible_agency_or_404,
)
from gongkai.agencies.models import Agency

from ..models import Item


def editable_agency(user: Any, pk: int) -> Agency:
    """An agency whose data ``user`` enters; a supervisor who only looks gets 403."""
    agency = get_visible_agency_or_404(user, pk)
    if not can_edit_agency_data(user, agency):
        raise PermissionDenied("只有本机关的经办人、审核人可以填报。")
    return agency


def visible_item(user: Any, pk: int) -> Item:
    items = Item.objects.filter(agency__in=agencies_visible_to(user)).select_related(
        "agency", "category"
    )
    try:
        return items.get(pk=pk)
    except Item.DoesNotExist:
        raise Http404("No such item") from None
