"""URL map. Every pattern here is walked by tests/web/test_permissions_urls.py for every persona."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from . import views

admin.site.site_header = "gongkai 系统管理"
admin.site.site_title = "gongkai 系统管理"

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("agencies/", include("gongkai.agencies.urls")),
    path("reports/", include("gongkai.reports.urls")),
    path("dashboard/", include("gongkai.dashboard.urls")),
    path("applications/", include("gongkai.applications.urls")),
    path("disclosures/", include("gongkai.disclosures.urls")),
    path("remedies/", include("gongkai.remedies.urls")),
    path("workspace/", include("gongkai.workspace.urls")),
    path("annual-reports/", include("gongkai.workspace.public_urls")),
    path("admin/", admin.site.urls),
]
