"""Public decision register URLs, in full: people, feeds and search engines keep them."""

from django.urls import path, register_converter

from pcc_portal.caching.responses import published_download

from .views import public


class DecisionNumberConverter:
    """A decision's number as its reference writes it: /decisions/2021/08/ for 08/2021."""

    regex = "[0-9]{1,4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"


register_converter(DecisionNumberConverter, "decision_number")

app_name = "decisions"

urlpatterns = [
    path("decisions/", public.register, name="register"),
    path("decisions/data/", public.data_help, name="data"),
    path("decisions.csv", public.register_csv, name="csv"),
    path("decisions.json", published_download("decisions-json")(public.register_json), name="json"),
    path(
        "decisions/feed/", published_download("decisions-feed")(public.DecisionFeed()), name="feed"
    ),
    path("decisions/<int:year>/<decision_number:number>/", public.detail, name="detail"),
    path("decisions/<int:year>/<decision_number:number>.pdf", public.notice_pdf, name="pdf"),
    path(
        "decisions/<int:year>/<decision_number:number>/versions/<int:version>/changes/",
        public.version_changes,
        name="version_changes",
    ),
    path(
        "decisions/<int:year>/<decision_number:number>/documents/<int:pk>.pdf",
        public.attachment,
        name="attachment",
    ),
    path("decisions/reports/<int:pk>/", public.report, name="report"),
    path("decisions/reports/<int:pk>.pdf", public.report_pdf, name="report_pdf"),
    path(
        "decisions/reports/<int:pk>/versions/<int:number>.pdf",
        public.report_version_pdf,
        name="report_version_pdf",
    ),
    path(
        "decisions/reports/<int:pk>/versions/<int:number>/changes/",
        public.report_version_changes,
        name="report_version_changes",
    ),
]
