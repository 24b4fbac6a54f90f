"""The agency's staff write its 公开指南 here (clerk, reviewer; the superuser for any agency)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gongkai.accounts.permissions import can_edit_agency_data, get_visible_agency_or_404

from ..forms import GuideForm
from ..models import Guide


@login_required
def edit_guide(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_visible_agency_or_404(request.user, pk)
    if not can_edit_agency_data(request.user, agency):
        raise PermissionDenied("只有本机关的经办人或审核人可以编辑公开指南")
    guide = Guide.objects.filter(agency=agency).first() or Guide(agency=agency)
    form = GuideForm(request.POST if request.method == "POST" else None, instance=guide)
    if request.method == "POST" and form.is_valid():
        guide = form.save(commit=False)
        guide.updated_by = request.user
        guide.save()
        messages.success(request, "公开指南已保存，公众页面即时更新。")
        return redirect("portal:edit_guide", pk=agency.pk)
    status = 400 if request.method == "POST" else 200
    context = {"agency": agency, "form": form, "guide": guide}
    return render(request, "portal/edit_guide.html", context, status=status)
