"""The secretary records a precept through the staff pages, with the law's refusals beside the
field they concern; the public sees a case only once it is published, and its documents only
as cleaned."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from casework import services
from casework.models import Case, Step
from tests.casework.factories import CaseFactory, date, release
from tests.panel.factories import MemberFactory
from tests.panel.helpers import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def precept():
    case = CaseFactory(year=2022)
    services.record_step(
        step=Step(case=case, kind=Step.Kind.PROPOSAL, date=date(1, 28), amount=Decimal("241.45")),
        by=None,
    )
    return case


def test_the_secretary_opens_a_precept(client, panel_secretary):
    from tests.panel.factories import PanelFactory

    PanelFactory()
    client.force_login(panel_secretary)
    response = client.post(
        reverse("casework_manage:case_create", kwargs={"kind": "precept"}),
        {"year": "2022", "summary": "The precept for 2022/23."},
    )
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == case.get_manage_url()
    page = client.get(case.get_manage_url()).content.decode()
    assert "1 Feb 2022" in page and "8 Feb 2022" in page


def test_a_veto_without_two_thirds_is_refused_beside_the_votes(client, panel_secretary, precept):
    for _ in range(13):
        MemberFactory(panel=precept.panel)
    client.force_login(panel_secretary)
    url = reverse("casework_manage:step_create", kwargs={"pk": precept.pk})
    form = client.get(url).context["form"]
    assert form.initial["members_in_office"] == 13  # the members in office today
    response = client.post(
        url,
        {
            "kind": "report",
            "date": "2022-02-01",
            "outcome": "vetoed",
            "veto_direction": "too_high",
            "votes_for": "8",
            "votes_against": "5",
            "members_in_office": "13",
            "summary": "TYPEDSUMMARY",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert 'href="#id_votes_for"' in page
    assert "9 votes. 8 is not enough" in page
    assert "TYPEDSUMMARY" in page  # what was typed is shown again
    assert not precept.steps.filter(kind="report").exists()


def test_the_secretary_records_a_report_with_its_document(client, panel_secretary, precept):
    client.force_login(panel_secretary)
    response = client.post(
        reverse("casework_manage:step_create", kwargs={"pk": precept.pk}),
        {
            "kind": "report",
            "date": "2022-02-01",
            "outcome": "supported",
            "votes_for": "12",
            "votes_against": "1",
            "members_in_office": "14",
            "document": SimpleUploadedFile("r.pdf", pdf_bytes("REPORT"), "application/pdf"),
        },
    )
    assert response.status_code == 302
    step = precept.steps.get(kind="report")
    assert step.document and step.votes_for == 12


def test_a_draft_case_is_not_public(client, precept):
    assert client.get("/panel/precept/2022/").status_code == 404
    assert "Precept 2022/23" not in client.get("/panel/precept/").content.decode()


def test_a_published_precept_shows_its_timetable_steps_and_votes(client, precept):
    services.record_step(
        step=Step(
            case=precept,
            kind=Step.Kind.REPORT,
            date=date(2, 1),
            outcome=Step.Outcome.SUPPORTED,
            votes_for=12,
            votes_against=1,
            members_in_office=14,
        ),
        document=SimpleUploadedFile("r.pdf", pdf_bytes("REPORT"), "application/pdf"),
        by=None,
    )
    release(precept)
    page = client.get("/panel/precept/2022/").content.decode()
    assert "£241.45" in page
    assert "12 for, 1 against" in page
    assert "a veto needs 10" in page
    assert "8 Feb 2022" in page
    assert "Precept 2022/23" in client.get("/panel/precept/").content.decode()
    step = precept.steps.get(kind="report")
    response = client.get(step.get_document_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_an_unpublished_case_keeps_its_documents_private(client, precept):
    step = services.record_step(
        step=Step(case=precept, kind=Step.Kind.HEARING, date=date(2, 1)),
        document=SimpleUploadedFile("r.pdf", pdf_bytes("HEARING"), "application/pdf"),
        by=None,
    )
    assert client.get(step.get_document_url()).status_code == 404


def test_the_dashboard_links_each_coming_meeting_to_its_public_questions(client, panel_secretary):
    import datetime

    from django.utils import timezone

    from tests.panel.factories import MeetingFactory

    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=3))
    client.force_login(panel_secretary)
    page = client.get(reverse("casework_manage:dashboard")).content.decode()
    assert reverse("casework_manage:meeting_questions", args=[meeting.pk]) in page
    assert "not taking questions online" in page


def test_the_staff_dashboard_shows_the_secretary_the_next_statutory_dates(
    client, panel_secretary, precept
):
    client.force_login(panel_secretary)
    page = client.get("/manage/").content.decode()
    assert "Statutory deadlines" in page
    assert precept.get_manage_url() in page
    assert reverse("casework_manage:dashboard") in page


def test_releasing_a_case_goes_through_its_check_page_and_asks_for_the_password_again(
    client, panel_secretary, precept
):
    from tests.accounts.factories import reauthenticate

    client.force_login(panel_secretary)
    url = reverse("casework_manage:case_release", kwargs={"pk": precept.pk})
    check = client.get(url).content.decode()
    assert "Proposed precept notified to the Panel" in check
    assert "Steps recorded after this release stay private" in check

    unconfirmed = client.post(url, {"change_note": "First release."})
    assert unconfirmed.status_code == 400
    assert not Case.objects.public().filter(pk=precept.pk).exists()

    data = {"change_note": "First release.", "confirm": "on"}
    response = client.post(url, data)
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert not Case.objects.public().filter(pk=precept.pk).exists()

    reauthenticate(client)
    client.post(url, data)
    assert Case.objects.public().filter(pk=precept.pk).exists()
    assert precept.live_version().change_note == "First release."
    reasons = [h.history_change_reason or "" for h in precept.history.all()]
    assert any(r.startswith("Published version 1; re-authenticated at") for r in reasons), reasons
    page = client.get(precept.get_manage_url()).content.decode()
    assert "The public sees version 1" in page


def test_withdrawing_a_case_asks_for_the_reason_and_the_password_again(
    client, panel_secretary, precept
):
    from tests.accounts.factories import reauthenticate

    release(precept)
    client.force_login(panel_secretary)
    url = reverse("casework_manage:case_withdraw", kwargs={"pk": precept.pk})
    missing = client.post(url, {"reason": ""})
    assert missing.status_code == 400
    assert "Say why it is being withdrawn" in missing.content.decode()

    response = client.post(url, {"reason": "Named the wrong meeting."})
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert Case.objects.public().filter(pk=precept.pk).exists()

    reauthenticate(client)
    client.post(url, {"reason": "Named the wrong meeting."})
    assert not Case.objects.public().filter(pk=precept.pk).exists()
    gone = client.get("/panel/precept/2022/")
    assert gone.status_code == 410
    assert "Named the wrong meeting." in gone.content.decode()
    reasons = [h.history_change_reason or "" for h in precept.history.all()]
    assert any(r.startswith("Withdrawn: Named the wrong meeting.") for r in reasons), reasons


def test_releasing_a_case_with_no_step_is_refused_on_the_check_page(client, panel_secretary):
    from tests.accounts.factories import reauthenticate

    case = CaseFactory(year=2024)
    client.force_login(panel_secretary)
    reauthenticate(client)
    url = reverse("casework_manage:case_release", kwargs={"pk": case.pk})
    response = client.post(url, {"change_note": "First release.", "confirm": "on"})
    assert response.status_code == 400
    assert "Record at least one step" in response.content.decode()
    assert not Case.objects.public().filter(pk=case.pk).exists()


def test_a_case_with_no_step_is_refused_on_the_check_page_before_the_password_is_asked(
    client, panel_secretary
):
    case = CaseFactory(year=2024)
    client.force_login(panel_secretary)  # not re-authenticated
    url = reverse("casework_manage:case_release", kwargs={"pk": case.pk})
    check = client.get(url)
    assert check.status_code == 200
    assert "Record at least one step" in check.content.decode()
    assert 'name="change_note"' not in check.content.decode()
    response = client.post(url, {"change_note": "First release.", "confirm": "on"})
    assert response.status_code == 400  # not sent to re-authenticate first
    assert "Record at least one step" in response.content.decode()
    assert not Case.objects.public().filter(pk=case.pk).exists()
