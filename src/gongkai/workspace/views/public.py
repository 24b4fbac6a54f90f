"""The published report, for everyone (no login): the current version in the official layout,
every export, and the change history — earlier versions stay readable (``?version=N``)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from gongkai.report.jsonio import report_from_dict
from gongkai.report.render import RENDER_KINDS, render_html_fragment
from gongkai.reports.markup import report_css
from gongkai.reports.views.detail import KIND_LABELS
from gongkai.site.listing import BadQuery, lists

from ..access import get_published_or_404
from ..models import PublishedVersion, Workspace
from .pages import export_response


def _version(
    request: HttpRequest, ws: Workspace
) -> tuple[PublishedVersion, list[PublishedVersion]]:
    """(the version asked for — the current one by default —, every version, newest first)."""
    every = list(ws.versions.select_related("by"))
    raw = request.GET.get("version", "")
    if not raw:
        return every[0], every
    if not raw.isdigit():
        raise BadQuery("版本号应为正整数")
    chosen = next((v for v in every if str(v.number) == raw), None)
    if chosen is None:
        raise Http404("No such version")
    return chosen, every


@lists
def published_report(request: HttpRequest, pk: int) -> HttpResponse:
    ws = get_published_or_404(pk)
    version, every = _version(request, ws)
    report = report_from_dict(version.report)
    context = {
        "ws": ws,
        "version": version,
        "current": every[0],
        "versions": every,
        "report": report,
        "fragment": mark_safe(render_html_fragment(report)),  # the core escaped every text
        "report_css": report_css(),
        "kinds": [(k, KIND_LABELS[k]) for k in RENDER_KINDS],
    }
    return render(request, "workspace/public.html", context)


@lists
def published_export(request: HttpRequest, pk: int) -> HttpResponse:
    ws = get_published_or_404(pk)
    version, _ = _version(request, ws)
    return export_response(ws, report_from_dict(version.report), request.GET.get("kind", ""))
