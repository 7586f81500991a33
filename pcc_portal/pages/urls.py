"""Public content pages, under /pages/: a page, its PDF and its versions."""

from django.urls import path

from .views import public

app_name = "pages"

urlpatterns = [
    path("<slug:slug>/", public.PageView.as_view(), name="detail"),
    path("<slug:slug>.pdf", public.page_pdf, name="pdf"),
    path("<slug:slug>/versions/<int:number>.pdf", public.page_version_pdf, name="version_pdf"),
    path(
        "<slug:slug>/versions/<int:number>/changes/",
        public.page_version_changes,
        name="version_changes",
    ),
]
