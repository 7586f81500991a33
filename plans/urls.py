"""Public plan URLs, written out in full: people, feeds and search engines keep them."""

from django.urls import path

from .views import public

app_name = "plans"

urlpatterns = [
    path("plans/", public.plan_list, name="list"),
    path("plans/<slug:slug>/", public.plan_detail, name="detail"),
    path("plans/<slug:slug>.pdf", public.plan_pdf, name="pdf"),
    path("plans/<slug:slug>/priorities/<int:number>/", public.plan_priority, name="priority"),
    path("plans/<slug:slug>/commitments/", public.plan_commitments, name="commitments"),
    path("plans/<slug:slug>/commitments.pdf", public.plan_delivery_pdf, name="delivery_pdf"),
    path(
        "plans/<slug:slug>/commitments/versions/<int:number>/changes/",
        public.delivery_version_changes,
        name="delivery_version_changes",
    ),
    path(
        "plans/<slug:slug>/versions/<int:number>.pdf",
        public.plan_version_pdf,
        name="version_pdf",
    ),
    path(
        "plans/<slug:slug>/versions/<int:number>/changes/",
        public.plan_version_changes,
        name="version_changes",
    ),
]
