"""The secretary's paper pages: uploading PDF papers, writing reports with their plan
priorities, and publishing the agenda pack."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from panel.models import PackBuild, Paper
from tests.accounts.factories import reauthenticate
from tests.forms import ticked
from tests.panel.factories import MemberFactory
from tests.panel.helpers import arranged_meeting, pdf_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"This is a Word document", "whatever its name says"),
        (b"%PDF-1.7\nnot really a pdf", "damaged"),
    ],
)
def test_an_upload_that_is_not_a_usable_pdf_is_refused(client, panel_secretary, content, message):
    item = arranged_meeting().items.first()
    client.force_login(panel_secretary)
    response = client.post(
        reverse("panel_manage:paper_upload", kwargs={"pk": item.pk}),
        {"title": "Appendix A", "file": SimpleUploadedFile("a.pdf", content, "application/pdf")},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'value="Appendix A"' in response.content.decode()
    assert not Paper.objects.exists()


def test_an_oversized_upload_is_refused(client, panel_secretary, monkeypatch):
    monkeypatch.setattr("panel.services.meetings.UPLOAD_LIMIT", 100)
    item = arranged_meeting().items.first()
    client.force_login(panel_secretary)
    response = client.post(
        reverse("panel_manage:paper_upload", kwargs={"pk": item.pk}),
        {"title": "Appendix A", "file": upload("big")},
    )
    assert response.status_code == 400
    assert "the largest allowed" in response.content.decode()


def test_a_pdf_upload_is_attached_with_its_page_count(client, panel_secretary):
    item = arranged_meeting().items.first()
    client.force_login(panel_secretary)
    response = client.post(
        reverse("panel_manage:paper_upload", kwargs={"pk": item.pk}),
        {"title": "Appendix A", "file": SimpleUploadedFile("a.pdf", pdf_bytes("A"))},
    )
    assert response.status_code == 302
    paper = Paper.objects.get()
    assert (paper.kind, paper.upload_page_count, paper.upload_tagged) == ("upload", 1, False)


def test_the_secretary_writes_a_report_and_publishes_the_pack(
    client, panel_secretary, django_capture_on_commit_callbacks
):
    meeting = arranged_meeting()
    MemberFactory(panel=meeting.panel, email="member@council.example.org")
    item = meeting.items.get(kind="public_questions")
    client.force_login(panel_secretary)
    reauthenticate(client)
    client.post(
        reverse("panel_manage:paper_report", kwargs={"pk": item.pk}),
        {
            "title": "Questions received",
            "contact": "Asad Laher, Secretary",
            "executive_summary": "Two questions were received.",
            "recommendation": "The Panel is asked to note them.",
            "body": "## Background\n\nQuestions arrived by email.",
        },
    )
    assert item.papers.get().report.title == "Questions received"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("panel_manage:pack_publish", kwargs={"pk": meeting.pk}),
            {"change_note": "Agenda published", "confirm": "on"},
        )
    assert response.status_code == 302
    build = PackBuild.objects.get(meeting=meeting)
    assert build.status == PackBuild.Status.READY, build.error
    detail = client.get(reverse("panel_manage:meeting", kwargs={"pk": meeting.pk}))
    assert "Published" in detail.content.decode()
    public = client.get(meeting.get_absolute_url()).content.decode()
    assert "Questions received" in public


def test_a_report_says_which_plan_priorities_it_is_about(client, panel_secretary):
    from tests.plans.factories import PriorityFactory

    policing = PriorityFactory(title="Getting tough on anti-social behaviour")
    drivers = PriorityFactory(plan=policing.plan, number=5, title="Targeting dangerous drivers")
    meeting = arranged_meeting()
    item = meeting.items.get(kind="public_questions")
    client.force_login(panel_secretary)
    url = reverse("panel_manage:paper_report", kwargs={"pk": item.pk})
    fields = {
        "title": "Commissioner's update",
        "contact": "Ian Dickinson, Office of the Police and Crime Commissioner",
        "executive_summary": "",
        "recommendation": "The Panel is asked to note the report.",
        "priorities": [drivers.pk],
    }
    response = client.post(url, fields)
    assert response.status_code == 400  # no summary: the ticks are kept beside the error
    assert ticked(response.content.decode(), "priorities") == {str(drivers.pk)}
    client.post(url, {**fields, "executive_summary": "Road safety this quarter."})
    report = item.papers.get().report
    assert list(report.priorities.all()) == [drivers]

    edit = reverse("panel_manage:report_edit", kwargs={"pk": report.pk})
    assert ticked(client.get(edit).content.decode(), "priorities") == {str(drivers.pk)}
    client.post(
        edit,
        {
            **fields,
            "executive_summary": "Road safety and neighbourhoods.",
            "priorities": [policing.pk, drivers.pk],
        },
    )
    assert set(report.priorities.all()) == {policing, drivers}


def test_publishing_a_pack_without_a_note_shows_the_error(client, panel_secretary):
    meeting = arranged_meeting()
    client.force_login(panel_secretary)
    reauthenticate(client)
    response = client.post(
        reverse("panel_manage:pack_publish", kwargs={"pk": meeting.pk}), {"change_note": ""}
    )
    assert response.status_code == 400
    assert response.content.decode().count("govuk-error-summary") >= 1
    assert not PackBuild.objects.exists()
