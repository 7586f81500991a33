"""Publishing an agenda pack goes through a check page: every item and paper, what becomes public
and what goes to members only (with the paragraph of Schedule 12A), which papers are untagged,
what is new since the last version, and what each pack will claim. It must be confirmed."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from panel.models import AgendaItem, PackBuild
from panel.services import meetings as meeting_services
from panel.services import packs
from tests.accounts.factories import reauthenticate
from tests.panel.factories import MeetingFactory, report_paper
from tests.panel.helpers import arranged_meeting, pdf_bytes
from tests.publications.hostile_pdfs import tagged_pdf

pytestmark = pytest.mark.django_db

PARAGRAPH_3 = "Paragraph 3: financial or business affairs"


def _upload(data):
    return SimpleUploadedFile("paper.pdf", data, "application/pdf")


@pytest.fixture
def meeting():
    meeting = arranged_meeting()
    update = meeting_services.add_item(
        meeting=meeting, item=AgendaItem(title="PCC Update Report", kind="report")
    )
    report_paper(update, title="Commissioner's update", paragraphs=1)
    meeting_services.add_upload_paper(
        item=update, title="Scanned appendix", upload=_upload(pdf_bytes("SCANNED"))
    )
    exempt = meeting_services.add_item(
        meeting=meeting,
        item=AgendaItem(
            title="Victim Services Contract Award", exempt=True, exempt_reason=PARAGRAPH_3
        ),
    )
    meeting_services.add_upload_paper(
        item=exempt, title="Tender scores", upload=_upload(tagged_pdf("TENDER"))
    )
    return meeting


def _url(meeting):
    return reverse("panel_manage:pack_publish", kwargs={"pk": meeting.pk})


def _tables(page):
    """The check page's public table and its members-only table, as text."""
    public = page.split('id="public-parts"', 1)[1].split("</table>", 1)[0]
    members = page.split('id="members-parts"', 1)[1].split("</table>", 1)[0]
    return html.unescape(public), html.unescape(members)


def _row(table, title):
    return next(row for row in table.split("<tr") if title in row)


def test_the_check_page_lists_exempt_papers_for_members_only_and_untagged_papers(
    client, meeting, panel_secretary
):
    client.force_login(panel_secretary)
    response = client.get(_url(meeting))

    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Check what becomes public" in page
    assert "Version 1. Nothing of it is public now." in page
    assert meeting.get_absolute_url() in page
    public, members = _tables(response.content.decode())
    # Every item of the agenda, the standard ones too; the exempt one by its title only.
    assert "No papers" in _row(public, "Welcome and Apologies")
    assert "Its title only" in _row(public, "Victim Services Contract Award")
    assert "Tagged" in _row(public, "Commissioner's update")
    assert "Not tagged" in _row(public, "Scanned appendix")
    assert "Tender scores" not in public
    tender = _row(members, "Tender scores")
    assert f"Exempt under Schedule 12A: {PARAGRAPH_3}" in tender
    assert "Not tagged" not in tender and "Tagged" in tender
    assert "Scanned appendix" not in members and "Commissioner's update" not in members
    assert (
        "The public pack will not claim PDF/UA (accessible): not tagged: “Scanned appendix”."
        in (page)
    )
    assert "The members' pack will not claim PDF/UA" in page
    assert 'name="confirm"' in page and "I have checked what becomes public" in page


def test_a_pack_of_tagged_papers_claims_pdf_ua(client, panel_secretary):
    meeting = MeetingFactory()
    item = meeting_services.add_item(
        meeting=meeting, item=AgendaItem(title="PCC Update Report", kind="report")
    )
    meeting_services.add_upload_paper(item=item, title="Update", upload=_upload(tagged_pdf("A")))
    client.force_login(panel_secretary)
    page = html.unescape(client.get(_url(meeting)).content.decode())
    assert "The public pack will claim PDF/UA (accessible): every part is tagged." in page
    assert "members' pack" not in page  # no exempt papers: the members get the public pack


def test_the_check_page_marks_papers_new_since_the_last_version_and_those_withdrawn(
    client, meeting, panel_secretary, run_on_commit
):
    version = run_on_commit(packs.publish_pack, meeting=meeting, by=panel_secretary, note="First")
    build = PackBuild.objects.get(version=version)
    assert build.status == PackBuild.Status.READY, build.error
    scanned = build.items.get(title="PCC Update Report").papers.get(title="Scanned appendix")
    run_on_commit(packs.withdraw_paper, paper=scanned, by=panel_secretary, reason="Wrong file")
    item = meeting.items.get(title="PCC Update Report")
    meeting_services.add_upload_paper(
        item=item, title="Late appendix", upload=_upload(tagged_pdf("LATE")), late=True
    )
    meeting.items.get(kind="urgent_business").delete()

    client.force_login(panel_secretary)
    response = client.get(_url(meeting))
    page = html.unescape(response.content.decode())
    public, members = _tables(response.content.decode())

    assert "Version 3. The public sees version 2 until it is ready." in page
    assert "New since version 2" in _row(public, "Late appendix")
    assert "New since" not in _row(public, "Commissioner's update")
    assert "New since" not in _row(members, "Tender scores")
    withdrawn = _row(members, "Scanned appendix")
    assert "Withdrawn from the public pack on" in withdrawn and "Wrong file" in withdrawn
    assert "Scanned appendix" not in public
    # Without the untagged paper the public pack is tagged throughout; the members' is not.
    assert "The public pack will claim PDF/UA" in page
    assert "The members' pack will not claim PDF/UA (accessible): not tagged: “Scanned" in page


def test_publishing_without_confirming_shows_the_check_page_again_with_the_error(
    client, meeting, panel_secretary, django_capture_on_commit_callbacks
):
    client.force_login(panel_secretary)
    reauthenticate(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(meeting), {"change_note": "Agenda published for 6 December"})

    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert page.count("Confirm that you have checked what becomes public") == 2  # summary, box
    assert "Agenda published for 6 December</textarea>" in page
    assert "<title>Error: Check before publishing" in page
    assert "Tender scores" in page  # the check page again, with everything it lists
    assert not PackBuild.objects.exists()


def test_publishing_once_confirmed_builds_the_pack(
    client, meeting, panel_secretary, django_capture_on_commit_callbacks
):
    client.force_login(panel_secretary)
    reauthenticate(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(meeting), {"change_note": "Agenda published", "confirm": "on"})

    assert response.status_code == 302
    assert response["Location"] == reverse("panel_manage:meeting", kwargs={"pk": meeting.pk})
    build = PackBuild.objects.get(meeting=meeting)
    assert build.status == PackBuild.Status.READY, build.error
    assert build.version.change_note == "Agenda published"


def test_a_refused_publication_keeps_the_note_beside_its_reason(
    client, panel_secretary, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory()
    meeting_services.add_item(meeting=meeting, item=AgendaItem(title="Update", kind="report"))
    client.force_login(panel_secretary)
    reauthenticate(client)
    response = client.post(
        _url(meeting), {"change_note": "Supplement", "supplementary": "on", "confirm": "on"}
    )
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert "A supplementary pack needs at least one paper marked as late." in page
    assert "Supplement</textarea>" in page
    assert not PackBuild.objects.exists()
