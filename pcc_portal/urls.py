"""The portal's URLs. Public paths are stable: people, feeds and search engines keep them."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from pcc_portal import converters  # noqa: F401  (registers the converters the apps' URLs use)
from pcc_portal.pages.views import public as pages
from pcc_portal.views import manage, public

manage_patterns = (
    [path("", manage.DashboardView.as_view(), name="dashboard")],
    "manage",
)

# Each domain app's public URLs are written out in full in its own urls.py (/decisions/,
# /decisions.csv, /plans/<slug>.pdf...): the public paths are stable and documented in one place.
urlpatterns = [
    path("", public.HomeView.as_view(), name="home"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("pages/", include("pcc_portal.pages.urls")),
    path("", include("plans.urls")),
    path("", include("decisions.urls")),
    path("", include("panel.urls")),
    path("", include("performance.urls")),
    path("", include("transparency.urls")),
    path("", include("casework.urls")),
    path("api/v1/", include("pcc_portal.api.urls")),
    path("healthz", public.healthz, name="healthz"),
    path("manage/", include(manage_patterns)),
    path("manage/history/", include("pcc_portal.history.urls")),
    path("manage/offices/", include("pcc_portal.accounts.urls_manage")),
    path("manage/pages/", include("pcc_portal.pages.urls_manage")),
    path("manage/plans/", include("plans.urls_manage")),
    path("manage/decisions/", include("decisions.urls_manage")),
    path("manage/panel/", include("panel.urls_manage")),
    path("manage/performance/", include("performance.urls_manage")),
    path("manage/transparency/", include("transparency.urls_manage")),
    path("manage/publications/", include("pcc_portal.publications.urls")),
    path("manage/approvals/", include("pcc_portal.approvals.urls")),
    path("manage/casework/", include("casework.urls_manage")),
    path("manage/imports/", include("imports.urls_manage")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "pcc_portal.views.public.bad_request"
handler403 = "pcc_portal.views.public.permission_denied"
handler404 = "pcc_portal.views.public.page_not_found"
handler500 = "pcc_portal.views.public.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
