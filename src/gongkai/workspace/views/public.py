"""The published report, for everyone (no login): the official layout, and every export."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from gongkai.report.jsonio import report_from_dict
from gongkai.report.render import RENDER_KINDS, render_html_fragment
from gongkai.reports.markup import report_css
from gongkai.reports.security import csp
from gongkai.reports.views.detail import KIND_LABELS

from ..access import get_published_or_404
from .pages import export_response


@csp
def published_report(request: HttpRequest, pk: int) -> HttpResponse:
    ws = get_published_or_404(pk)
    report = report_from_dict(ws.snapshot)
    context = {
        "ws": ws,
        "report": report,
        "fragment": mark_safe(render_html_fragment(report)),  # the core escaped every text
        "report_css": report_css(),
        "kinds": [(k, KIND_LABELS[k]) for k in RENDER_KINDS],
    }
    return render(request, "workspace/public.html", context)


def published_export(request: HttpRequest, pk: int) -> HttpResponse:
    ws = get_published_or_404(pk)
    return export_response(ws, report_from_dict(ws.snapshot), request.GET.get("kind", ""))
