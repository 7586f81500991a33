"""Public pages of the Police and Crime Panel's statutory casework."""

from django.urls import path

from .models import Case
from .views import complaints_public, public, questions_public

app_name = "casework"

urlpatterns = [
    path("panel/precept/", public.cases, {"kind": Case.Kind.PRECEPT}, name="precepts"),
    path("panel/precept/<int:year>/", public.precept, name="precept"),
    path(
        "panel/precept/<int:year>/versions/<int:number>/changes/",
        public.precept_version_changes,
        name="precept_version_changes",
    ),
    path(
        "panel/confirmation-hearings/",
        public.cases,
        {"kind": Case.Kind.CONFIRMATION},
        name="hearings",
    ),
    path("panel/confirmation-hearings/<int:pk>/", public.hearing, name="hearing"),
    path(
        "panel/confirmation-hearings/<int:pk>/versions/<int:number>/changes/",
        public.hearing_version_changes,
        name="hearing_version_changes",
    ),
    path(
        "panel/annual-reports/",
        public.cases,
        {"kind": Case.Kind.ANNUAL_REPORT},
        name="annual_reports",
    ),
    path("panel/annual-reports/<int:year>/", public.annual_report, name="annual_report"),
    path(
        "panel/annual-reports/<int:year>/versions/<int:number>/changes/",
        public.annual_report_version_changes,
        name="annual_report_version_changes",
    ),
    path("panel/casework/documents/<int:pk>.pdf", public.document, name="document"),
    path("panel/complaints/", complaints_public.complaints, name="complaints"),
    path("panel/complaints.csv", complaints_public.complaints_csv, name="complaints_csv"),
    path(
        "panel/meetings/<isodate:date>/questions/",
        questions_public.questions,
        name="questions",
    ),
    path("panel/questions/sent/", questions_public.question_sent, name="question_sent"),
    path(
        "panel/questions/confirm/<str:token>/",
        questions_public.question_confirm,
        name="question_confirm",
    ),
]
