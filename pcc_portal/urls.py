"""The portal's URLs. Public paths are stable: people, feeds and search engines keep them."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from pcc_portal.pages.views import public as pages
from pcc_portal.views import manage, public

manage_patterns = (
    [path("", manage.DashboardView.as_view(), name="dashboard")],
    "manage",
)

urlpatterns = [
    path("", public.HomeView.as_view(), name="home"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("pages/", include("pcc_portal.pages.urls")),
    path("healthz", public.healthz, name="healthz"),
    path("manage/", include(manage_patterns)),
    path("manage/history/", include("pcc_portal.history.urls")),
    path("manage/pages/", include("pcc_portal.pages.urls_manage")),
    path("manage/publications/", include("pcc_portal.publications.urls")),
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
