"""Project-wide pages."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.accounts.permissions import agencies_visible_to, memberships_of
from gongkai.agencies.tree import indented


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The agencies this user can see, as an indented tree, and the user's own roles."""
    agencies = agencies_visible_to(request.user).order_by("path")
    context = {
        "rows": indented(agencies),
        "memberships": memberships_of(request.user).select_related("agency"),
    }
    return render(request, "site/home.html", context)
