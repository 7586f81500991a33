"""Public URLs of the transparency hub, written out in full: they are stable."""

from django.urls import path, register_converter

from pcc_portal.caching.responses import published_download
from pcc_portal.converters import SlugChoiceConverter

from .selectors import REGISTERS
from .views import alerts, public

app_name = "transparency"

register_converter(SlugChoiceConverter.of(REGISTERS), "register")

urlpatterns = [
    path("transparency/", public.index, name="index"),
    path("transparency/documents/<int:pk>/", public.document, name="document"),
    path(
        "transparency/priorities/<slug:slug>/<int:number>/",
        public.golden_thread,
        name="golden_thread",
    ),
    # The list of contracts of £10,000 or less has its own name, for the index's item 4(d).
    path(
        "transparency/small-contracts/",
        public.register,
        {"register": "small-contracts"},
        name="small_contracts",
    ),
    path(
        "transparency/contracts/<int:pk>/<slug:kind>.pdf",
        public.contract_copy,
        name="contract_copy",
    ),
    path("transparency/<register:register>/", public.register, name="register"),
    path(
        "transparency/<register:register>/<int:pk>/versions/<int:number>/changes/",
        public.entry_version_changes,
        name="entry_version_changes",
    ),
    path("transparency/<register:register>.csv", public.register_csv, name="register_csv"),
    path("transparency/<register:register>.json", public.register_json, name="register_json"),
    path("decisions/forward-plan/", public.forward_plan, name="forward_plan"),
    path("decisions/forward-plan.csv", public.forward_plan_csv, name="forward_plan_csv"),
    path("decisions/forward-plan.json", public.forward_plan_json, name="forward_plan_json"),
    path("search/", public.search, name="search"),
    path("alerts/", alerts.alerts, name="alerts"),
    path("alerts/check-your-email/", alerts.alerts_sent, name="alerts_sent"),
    path("alerts/confirm/<str:token>/", alerts.alerts_confirm, name="alerts_confirm"),
    path("alerts/unsubscribe/<str:token>/", alerts.alerts_unsubscribe, name="alerts_unsubscribe"),
    path(
        "alerts/priorities/<slug:slug>/<int:number>/feed/",
        published_download("priority-feed")(alerts.priority_feed),
        name="priority_feed",
    ),
    path(
        "alerts/<slug:topic>/feed/",
        published_download("topic-feed")(alerts.topic_feed),
        name="topic_feed",
    ),
    # Kept whole until the next release or withdrawal, as the feeds are.
    path("sitemap.xml", published_download("sitemap")(public.sitemap_xml), name="sitemap"),
    path(
        "sitemaps/<slug:section>.xml",
        published_download("sitemap-section")(public.sitemap_section),
        name="sitemap_section",
    ),
    path("robots.txt", public.robots_txt, name="robots"),
]
