"""Every published version of a scrutiny meeting's note after the first has a public
comparison with the one before, linked from the note's list of versions; a withdrawn version
answers 410 with its notice, and a note never published 404."""

import datetime

import pytest
from django.urls import reverse

from pcc_portal.publications import services as publishing
from tests.performance.factories import ScrutinyMeetingFactory
from tests.publications.comparisons import linked_comparison

pytestmark = pytest.mark.django_db

FIRST = "The Commissioner received updates on force performance."
SECOND = "The Commissioner challenged the force on 101 answer times."


def _changes(number, date="2021-11-15"):
    return reverse("performance:meeting_version_changes", kwargs={"date": date, "number": number})


@pytest.fixture
def meeting(decision_maker, publish, fast_pdfs):
    meeting = ScrutinyMeetingFactory(date=datetime.date(2021, 11, 15), note=FIRST)
    publish(meeting, decision_maker)
    return meeting


def test_a_later_version_of_the_note_shows_what_changed_against_the_one_before(
    client, meeting, decision_maker, publish
):
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Published versions of the note" in page
    assert _changes(1) not in page  # the first version has nothing before it
    assert client.get(_changes(1)).status_code == 404

    meeting.note = SECOND
    meeting.save()
    publish(meeting, decision_maker, note="Added the challenge on 101")
    html = linked_comparison(client, meeting.get_absolute_url(), _changes(2))
    assert "What changed in version 2" in html and "Added the challenge on 101" in html
    assert f"<del>{FIRST}</del>" in html and f"<ins>{SECOND}</ins>" in html
    assert client.get(_changes(3)).status_code == 404


def test_a_withdrawn_version_of_the_note_answers_the_notice_and_a_draft_404(
    client, meeting, decision_maker, publish
):
    meeting.note = SECOND
    meeting.save()
    publish(meeting, decision_maker, note="Second")
    publishing.withdraw(obj=meeting, by=decision_maker, reason="Named a witness", up_to_number=2)
    response = client.get(_changes(2))
    assert response.status_code == 410
    assert "Named a witness" in response.content.decode()

    ScrutinyMeetingFactory(date=datetime.date(2022, 2, 21), note="DRAFTNOTESECRET")
    draft = client.get(_changes(2, date="2022-02-21"))
    assert draft.status_code == 404 and "DRAFTNOTESECRET" not in draft.content.decode()
