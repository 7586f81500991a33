"""Who may open each casework page: the public pages for anyone (a draft case answers 404), the
staff pages for the panel secretary's permissions."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from casework import services
from casework.models import Case, Step
from tests.access import AccessRule
from tests.accounts.factories import UserFactory
from tests.casework.factories import CaseFactory, HearingFactory, date, release
from tests.panel.helpers import pdf_bytes


def _published(case):
    step = Step.objects.create(case=case, kind=Step.Kind.PROPOSAL, date=date(1, 28))
    release(case)
    return step


class TestListsAccess(AccessRule):
    url_names = (
        "casework:precepts",
        "casework:hearings",
        "casework:annual_reports",
        "casework:complaints",
        "casework:complaints_csv",
        "casework:question_sent",
    )


class TestPreceptAccess(AccessRule):
    url_name = "casework:precept"

    def make_url_kwargs(self):
        _published(CaseFactory(year=2022))
        return {"year": 2022}


class TestAnnualReportAccess(AccessRule):
    url_name = "casework:annual_report"

    def make_url_kwargs(self):
        _published(CaseFactory(kind=Case.Kind.ANNUAL_REPORT, year=2020))
        return {"year": 2020}


class TestHearingAccess(AccessRule):
    url_name = "casework:hearing"

    def make_url_kwargs(self):
        return {"pk": _published(HearingFactory()).case_id}


class TestDocumentAccess(AccessRule):
    url_name = "casework:document"
    allowed_status = (404,)  # a step without a document has nothing to serve

    def make_url_kwargs(self):
        return {"pk": _published(CaseFactory(year=2022)).pk}


class TestDashboardAccess(AccessRule):
    url_name = "casework_manage:dashboard"
    access = "casework.view_case"


class TestCaseCreateAccess(AccessRule):
    url_name = "casework_manage:case_create"
    url_kwargs = {"kind": "precept"}
    access = "casework.add_case"
    allowed_status = (302,)  # without the panel's details, sent to enter them


class TestCaseAccess(AccessRule):
    url_name = "casework_manage:case"
    access = "casework.view_case"

    def make_url_kwargs(self):
        return {"pk": CaseFactory().pk}


class TestCaseEditAccess(TestCaseAccess):
    url_name = "casework_manage:case_edit"
    access = "casework.change_case"


class TestStepCreateAccess(TestCaseAccess):
    url_name = "casework_manage:step_create"
    access = "casework.add_step"


class TestCaseReleaseAccess(TestCaseAccess):
    url_name = "casework_manage:case_release"
    access = "casework.publish_case"


class TestCaseWithdrawAccess(AccessRule):
    url_name = "casework_manage:case_withdraw"
    access = "casework.publish_case"

    def make_url_kwargs(self):
        return {"pk": _published(CaseFactory()).case_id}


class TestStepDocumentAccess(AccessRule):
    url_name = "casework_manage:step_document"
    access = "casework.view_step"
    allowed_status = (404,)

    def make_url_kwargs(self):
        step = Step.objects.create(
            case=CaseFactory(), kind=Step.Kind.PROPOSAL, date=date(1, 28), amount=Decimal("1")
        )
        return {"pk": step.pk}


@pytest.mark.django_db
def test_a_steps_document_is_read_only_by_those_who_see_its_case(client):
    step = services.record_step(
        step=Step(
            case=CaseFactory(), kind=Step.Kind.PROPOSAL, date=date(1, 28), amount=Decimal("246.45")
        ),
        document=SimpleUploadedFile("p.pdf", pdf_bytes("PROPOSAL"), "application/pdf"),
        by=None,
    )
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="view_step"))
    client.force_login(user)
    url = reverse("casework_manage:step_document", kwargs={"pk": step.pk})

    assert client.get(url).status_code == 404  # the case is a draft this user may not see

    user.user_permissions.add(Permission.objects.get(codename="view_case"))
    client.force_login(UserFactory._meta.model.objects.get(pk=user.pk))  # fresh permission cache
    assert client.get(url).status_code == 200


class TestComplaintListAccess(AccessRule):
    url_name = "casework_manage:complaints"
    access = "casework.view_complaint"


class TestComplaintCreateAccess(AccessRule):
    url_name = "casework_manage:complaint_create"
    access = "casework.add_complaint"
    allowed_status = (302,)  # without the panel's details, sent to enter them


class TestComplaintEditAccess(AccessRule):
    url_name = "casework_manage:complaint_edit"
    access = "casework.change_complaint"

    def make_url_kwargs(self):
        from tests.casework.factories import ComplaintFactory

        return {"pk": ComplaintFactory().pk}


def _window():
    import datetime

    from django.utils import timezone

    from casework.models import QuestionWindow
    from tests.panel.factories import MeetingFactory

    meeting = MeetingFactory()
    return QuestionWindow.objects.create(
        meeting=meeting, deadline=timezone.now() + datetime.timedelta(days=1)
    )


def _question(status="submitted"):
    from casework.models import SubmittedQuestion

    return SubmittedQuestion.objects.create(
        window=_window(), name="Pat", email="pat@example.org", question="Why?", status=status
    )


class TestQuestionsAccess(AccessRule):
    url_name = "casework:questions"

    def make_url_kwargs(self):
        return {"date": _window().meeting.date}


class TestQuestionConfirmAccess(AccessRule):
    url_name = "casework:question_confirm"
    url_kwargs = {"token": "not-a-real-token"}


class TestMeetingQuestionsAccess(AccessRule):
    url_name = "casework_manage:meeting_questions"
    access = "casework.view_submittedquestion"

    def make_url_kwargs(self):
        return {"pk": _window().meeting.pk}


class TestWindowEditAccess(TestMeetingQuestionsAccess):
    url_name = "casework_manage:window_edit"
    access = "casework.add_questionwindow"


class TestQuestionDecideAccess(AccessRule):
    url_name = "casework_manage:question_decide"
    access = "casework.change_submittedquestion"

    def make_url_kwargs(self):
        return {"pk": _question().pk}


class TestQuestionAnswerAccess(AccessRule):
    url_name = "casework_manage:question_answer"
    access = "casework.change_submittedquestion"

    def make_url_kwargs(self):
        return {"pk": _question("accepted").pk}


class FirstVersionChanges:
    """The changes in a case's first release: it has nothing before it (comparisons:
    test_case_changes). Mix it in before the rule for the case's page."""

    allowed_status = (404,)

    def make_url_kwargs(self):
        return {**super().make_url_kwargs(), "number": 1}


class TestPreceptVersionChangesAccess(FirstVersionChanges, TestPreceptAccess):
    url_name = "casework:precept_version_changes"


class TestAnnualReportVersionChangesAccess(FirstVersionChanges, TestAnnualReportAccess):
    url_name = "casework:annual_report_version_changes"


class TestHearingVersionChangesAccess(FirstVersionChanges, TestHearingAccess):
    url_name = "casework:hearing_version_changes"
