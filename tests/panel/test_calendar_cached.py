"""The meetings calendar is kept whole until the next change the public may see: a meeting
arranged, called off or moved shows in subscribers' calendars at once."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from panel.services import meetings as meeting_services
from tests.panel.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _events(client):
    feed = Calendar.from_ical(client.get(reverse("panel:calendar")).content)
    return {str(event["uid"]): event for event in feed.walk("VEVENT")}


def test_the_calendar_is_kept_until_a_meeting_changes(client, django_assert_max_num_queries):
    meeting = MeetingFactory(date=datetime.date(2027, 2, 1))
    uid = f"meeting-{meeting.pk}@panel.pcc-portal"
    assert _events(client)[uid]["status"] == "CONFIRMED"
    with django_assert_max_num_queries(1):  # the generation, and nothing else
        assert uid in _events(client)

    meeting_services.change_meeting_status(
        meeting=meeting, action="cancel", reason="Cancelled for lack of business."
    )
    assert _events(client)[uid]["status"] == "CANCELLED"

    arranged = MeetingFactory(date=datetime.date(2027, 6, 7))
    assert f"meeting-{arranged.pk}@panel.pcc-portal" in _events(client)


def test_each_host_gets_its_own_links(client):
    meeting = MeetingFactory(date=datetime.date(2027, 2, 1))
    uid = f"meeting-{meeting.pk}@panel.pcc-portal"
    assert str(_events(client)[uid]["url"]).startswith("http://testserver/")
    other = Calendar.from_ical(client.get(reverse("panel:calendar"), HTTP_HOST="localhost").content)
    urls = [str(event["url"]) for event in other.walk("VEVENT")]
    assert urls and all(url.startswith("http://localhost/") for url in urls)


def test_the_meetings_list_is_kept_until_a_meeting_changes(client, django_assert_max_num_queries):
    meeting = MeetingFactory(date=datetime.date(2027, 2, 1))
    page = client.get(reverse("panel:meetings")).content.decode()
    assert "1 February 2027" in page
    with django_assert_max_num_queries(1):  # the generation, and nothing else
        assert client.get(reverse("panel:meetings")).content.decode().count("1 February 2027")

    meeting_services.change_meeting_status(
        meeting=meeting, action="cancel", reason="Cancelled for lack of business."
    )
    assert "Cancelled" in client.get(reverse("panel:meetings")).content.decode()
    MeetingFactory(date=datetime.date(2027, 6, 7))
    assert "7 June 2027" in client.get(reverse("panel:meetings")).content.decode()
