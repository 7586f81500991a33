"""Staff pages for the Panel's statutory casework."""

from django.urls import path

from .views import cases_manage as cases
from .views import complaints_manage as complaints
from .views import questions_manage as questions

app_name = "casework_manage"

urlpatterns = [
    path("", cases.dashboard, name="dashboard"),
    path("new/<str:kind>/", cases.case_create, name="case_create"),
    path("cases/<int:pk>/", cases.CaseDetailView.as_view(), name="case"),
    path("cases/<int:pk>/edit/", cases.case_edit, name="case_edit"),
    path("cases/<int:pk>/steps/new/", cases.step_create, name="step_create"),
    path("cases/<int:pk>/release/", cases.CaseReleaseView.as_view(), name="case_release"),
    path("cases/<int:pk>/withdraw/", cases.case_withdraw, name="case_withdraw"),
    path("steps/<int:pk>/document.pdf", cases.step_document, name="step_document"),
    path("complaints/", complaints.complaints, name="complaints"),
    path("complaints/new/", complaints.ComplaintCreateView.as_view(), name="complaint_create"),
    path("complaints/<int:pk>/", complaints.ComplaintUpdateView.as_view(), name="complaint_edit"),
    path("meetings/<int:pk>/questions/", questions.meeting_questions, name="meeting_questions"),
    path("meetings/<int:pk>/questions/window/", questions.window_edit, name="window_edit"),
    path(
        "questions/<int:pk>/decide/", questions.QuestionDecideView.as_view(), name="question_decide"
    ),
    path(
        "questions/<int:pk>/answer/", questions.QuestionAnswerView.as_view(), name="question_answer"
    ),
]
