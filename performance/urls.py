"""Public performance pages: measures, quarterly reports and scrutiny meetings."""

from django.urls import path, re_path

from .views import public

app_name = "performance"

QUARTER = r"(?P<quarter>\d{4}-\d{2}-q[1-4])"
DATE = r"(?P<date>\d{4}-\d{2}-\d{2})"

urlpatterns = [
    path("performance/", public.dashboard, name="dashboard"),
    path("performance/measures/<int:pk>/", public.measure_detail, name="measure"),
    path("performance/measures/<int:pk>.csv", public.measure_csv, name="measure_csv"),
    path("performance/reports/", public.report_list, name="reports"),
    re_path(rf"^performance/reports/{QUARTER}/$", public.report_detail, name="report"),
    re_path(rf"^performance/reports/{QUARTER}\.pdf$", public.report_pdf, name="report_pdf"),
    re_path(
        rf"^performance/reports/{QUARTER}/versions/(?P<number>\d+)\.pdf$",
        public.report_version_pdf,
        name="report_version_pdf",
    ),
    re_path(
        rf"^performance/reports/{QUARTER}/versions/(?P<number>\d+)/changes/$",
        public.report_version_changes,
        name="report_version_changes",
    ),
    path("performance/scrutiny/", public.meeting_list, name="meetings"),
    re_path(rf"^performance/scrutiny/{DATE}/$", public.meeting_detail, name="meeting"),
    re_path(rf"^performance/scrutiny/{DATE}\.pdf$", public.meeting_pdf, name="meeting_pdf"),
    re_path(
        rf"^performance/scrutiny/{DATE}/versions/(?P<number>\d+)/changes/$",
        public.meeting_version_changes,
        name="meeting_version_changes",
    ),
]
