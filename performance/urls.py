"""Public performance pages: measures, quarterly reports and scrutiny meetings."""

from django.urls import path, register_converter

from .views import public

app_name = "performance"


class QuarterConverter:
    """A quarter as a report's address names it: /performance/reports/2021-22-q3/."""

    regex = r"\d{4}-\d{2}-q[1-4]"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(QuarterConverter, "quarter")

urlpatterns = [
    path("performance/", public.dashboard, name="dashboard"),
    path("performance/measures/<int:pk>/", public.measure_detail, name="measure"),
    path("performance/measures/<int:pk>.csv", public.measure_csv, name="measure_csv"),
    path("performance/reports/", public.report_list, name="reports"),
    path("performance/reports/<quarter:quarter>/", public.report_detail, name="report"),
    path("performance/reports/<quarter:quarter>.pdf", public.report_pdf, name="report_pdf"),
    path(
        "performance/reports/<quarter:quarter>/versions/<int:number>.pdf",
        public.report_version_pdf,
        name="report_version_pdf",
    ),
    path(
        "performance/reports/<quarter:quarter>/versions/<int:number>/changes/",
        public.report_version_changes,
        name="report_version_changes",
    ),
    path("performance/scrutiny/", public.meeting_list, name="meetings"),
    path("performance/scrutiny/<isodate:date>/", public.meeting_detail, name="meeting"),
    path("performance/scrutiny/<isodate:date>.pdf", public.meeting_pdf, name="meeting_pdf"),
    path(
        "performance/scrutiny/<isodate:date>/versions/<int:number>/changes/",
        public.meeting_version_changes,
        name="meeting_version_changes",
    ),
]
