from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gongkai.accounts.permissions import agencies_editable_by

from ..forms import RegisterForm
from ..services.workflow import register


@login_required
def register_view(request: HttpRequest) -> HttpResponse:
    """登记: only where the user may enter data; nobody else learns the page exists."""
    agencies = agencies_editable_by(request.user).order_by("path")
    if not agencies.exists():
        raise Http404("No agency to register for")
    form = RegisterForm(request.POST or None, request.FILES or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        agency = fields.pop("agency")
        application = register(agency, fields, by=request.user)
        messages.success(request, f"已登记 {application.number}")
        return redirect("applications:detail", pk=application.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "applications/register.html", {"form": form}, status=status)
