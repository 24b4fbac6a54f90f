"""URL map. Every pattern here is walked by tests/web/test_permissions_urls.py for every persona."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views

admin.site.site_header = "gongkai 系统管理"
admin.site.site_title = "gongkai 系统管理"

# A malformed query parameter (gongkai.site.query.BadQuery) is a 400 that says which, in Chinese.
handler400 = "gongkai.site.errors.bad_request"

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("gongkai.accounts.urls")),
    path("agencies/", include("gongkai.agencies.urls")),
    path("reports/", include("gongkai.reports.urls")),
    path("dashboard/", include("gongkai.dashboard.urls")),
    path("applications/", include("gongkai.applications.urls")),
    path("disclosures/", include("gongkai.disclosures.urls")),
    path("remedies/", include("gongkai.remedies.urls")),
    path("workspace/", include("gongkai.workspace.urls")),
    path("jobs/", include("gongkai.jobs.urls")),
    path("annual-reports/", include("gongkai.workspace.public_urls")),
    path("gk/", include("gongkai.portal.urls")),
    path("api/", include("gongkai.opendata.api_urls")),
    path("data/", include("gongkai.opendata.urls")),
    path("admin/", admin.site.urls),
]
