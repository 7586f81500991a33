"""Public decision register URLs, in full: people, feeds and search engines keep them."""

from django.urls import path

from .views import public

app_name = "decisions"

urlpatterns = [
    path("decisions/", public.register, name="register"),
    path("decisions/data/", public.data_help, name="data"),
    path("decisions.csv", public.register_csv, name="csv"),
    path("decisions.json", public.register_json, name="json"),
    path("decisions/feed/", public.DecisionFeed(), name="feed"),
    path("decisions/<int:year>/<int:number>/", public.detail, name="detail"),
    path("decisions/<int:year>/<int:number>.pdf", public.notice_pdf, name="pdf"),
    path(
        "decisions/<int:year>/<int:number>/documents/<int:pk>.pdf",
        public.attachment,
        name="attachment",
    ),
    path("decisions/reports/<int:pk>/", public.report, name="report"),
    path("decisions/reports/<int:pk>.pdf", public.report_pdf, name="report_pdf"),
]
