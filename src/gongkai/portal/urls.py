"""The public portal, mounted at /gk/ (site/urls.py)."""

from django.urls import path

from . import sitemaps
from .views import account, apply, public, staff, track

app_name = "portal"

urlpatterns = [
    path("", public.index, name="index"),
    path("reports/", public.all_reports, name="reports"),
    path("<int:pk>/", public.agency_page, name="agency"),
    path("<int:pk>/catalogue/", public.catalogue_page, name="catalogue"),
    path("<int:pk>/reports/", public.agency_reports, name="agency_reports"),
    path("<int:pk>/apply/", apply.apply, name="apply"),
    path("<int:pk>/guide/edit/", staff.edit_guide, name="edit_guide"),
    path("item/<int:pk>/", public.item_page, name="item"),
    path("applied/", apply.applied, name="applied"),
    path("track/", track.track, name="track"),
    path("track/<int:pk>/", track.tracked, name="tracked"),
    path("track/<int:pk>/correct/", track.correct, name="correct"),
    path("track/<int:pk>/notice/", track.notice, name="notice"),
    path("account/", account.home, name="account"),
    path("account/signup/", account.signup, name="account_signup"),
    path("account/login/", account.login, name="account_login"),
    path("account/logout/", account.logout, name="account_logout"),
    path("account/claim/", account.claim, name="account_claim"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    *(
        path(f"sitemap-{name}.xml", sitemaps.section_view(name), name=f"sitemap_{name}")
        for name in sitemaps.SECTIONS
    ),
]
