from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..permissions import applications_visible_to
from ..services.worklist import GROUPS, work_list


@login_required
def work_list_view(request: HttpRequest) -> HttpResponse:
    """待办: open applications grouped by their nearest clock."""
    today = dt.date.today()
    items = work_list(applications_visible_to(request.user), today)
    groups = [(key, label, [i for i in items if i.group == key]) for key, label in GROUPS.items()]
    return render(
        request, "applications/list.html", {"groups": groups, "today": today, "count": len(items)}
    )
