"""The public panel pages: meetings, a meeting's agenda and minutes, packs and papers, the
calendar feed and the membership. Exempt papers reach only members and staff."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from panel.models import Meeting, PackPaper
from panel.services import meetings as meeting_services
from tests.access import PUBLIC, AccessRule
from tests.casework.factories import ComplaintFactory
from tests.panel.factories import MeetingFactory, MemberFactory, TaskAndFinishGroupFactory
from tests.panel.helpers import arranged_meeting, publish_minutes, published_meeting
from tests.pdfs import pdf_text

DATE = "2021-12-06"


def _published():
    return {"date": published_meeting().slug}


class TestMeetingsAccess(AccessRule):
    url_name = "panel:meetings"


class TestCalendarAccess(AccessRule):
    url_name = "panel:calendar"


class TestMembersAccess(AccessRule):
    url_name = "panel:members"


class TestMeetingAccess(AccessRule):
    url_name = "panel:meeting"

    def make_url_kwargs(self):
        return _published()


class TestPackPdfAccess(TestMeetingAccess):
    url_name = "panel:pack_pdf"


class TestPackVersionPdfAccess(AccessRule):
    url_name = "panel:pack_version_pdf"

    def make_url_kwargs(self):
        return {**_published(), "number": 1}


class TestMembersPackAccess(AccessRule):
    url_name = "panel:members_pack"
    access = "panel.change_meeting"

    def make_url_kwargs(self):
        return _published()


class TestMembersPackVersionAccess(AccessRule):
    url_name = "panel:members_pack_version"
    access = "panel.change_meeting"

    def make_url_kwargs(self):
        return {**_published(), "number": 1}


class TestPaperPdfAccess(AccessRule):
    url_name = "panel:paper_pdf"
    access = PUBLIC

    def make_url_kwargs(self):
        kwargs = _published()
        return {**kwargs, "pk": PackPaper.objects.get(item__exempt=False).pk}


class TestMinutesPdfAccess(AccessRule):
    url_name = "panel:minutes_pdf"

    def make_url_kwargs(self):
        meeting = MeetingFactory(date=datetime.date(2021, 10, 12))
        publish_minutes(meeting)
        return {"date": meeting.slug}


pytestmark = pytest.mark.django_db


def test_exempt_papers_are_absent_from_the_public_page_and_pack(client):
    meeting = published_meeting()
    page = client.get(reverse("panel:meeting", kwargs={"date": meeting.slug}))
    html = page.content.decode()
    assert "Victim Services Contract Award" in html
    assert "Paragraph 3: financial or business affairs" in html
    assert "Tender scores" not in html
    assert "PCC update" in html
    exempt = PackPaper.objects.get(item__exempt=True)
    assert client.get(exempt.get_absolute_url()).status_code == 404
    pack = client.get(reverse("panel:pack_pdf", kwargs={"date": meeting.slug}))
    text = pdf_text(pack)
    assert "PUBLICTEXT" in text
    assert "SECRETTEXT" not in text
    version = meeting.pack.live_version()
    assert "PUBLICTEXT" in version.text  # an uploaded paper's text is searchable
    assert "SECRETTEXT" not in version.text
    assert "Members' pack" not in html


def test_panel_members_see_the_exempt_papers_and_their_pack(client, sitting_member):
    meeting = published_meeting()
    client.force_login(sitting_member)
    html = client.get(reverse("panel:meeting", kwargs={"date": meeting.slug})).content.decode()
    assert "Tender scores" in html
    assert "members' pack" in html
    exempt = PackPaper.objects.get(item__exempt=True)
    assert "SECRETTEXT" in pdf_text(client.get(exempt.get_absolute_url()))
    members = client.get(reverse("panel:members_pack", kwargs={"date": meeting.slug}))
    assert "SECRETTEXT" in pdf_text(members)


def test_a_meeting_without_a_published_pack_shows_no_agenda(client):
    meeting = arranged_meeting()
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "The agenda has not been published yet" in html
    assert "Declarations of Interest" not in html  # the draft agenda stays with staff
    assert client.get(reverse("panel:pack_pdf", kwargs={"date": meeting.slug})).status_code == 404


def test_an_unknown_date_answers_not_found(client):
    assert client.get("/panel/meetings/2021-02-30/").status_code == 404
    assert client.get("/panel/meetings/2030-01-01/").status_code == 404


def test_the_calendar_has_one_event_per_meeting_with_stable_uids(client):
    held = MeetingFactory(date=datetime.date(2021, 12, 6))
    cancelled = MeetingFactory(date=datetime.date(2022, 1, 17))
    meeting_services.change_meeting_status(
        meeting=cancelled,
        action="cancel",
        reason="Cancelled at the request of the Commissioner's office.",
    )
    first = Calendar.from_ical(client.get(reverse("panel:calendar")).content)
    events = {str(e["uid"]): e for e in first.walk("VEVENT")}
    assert len(events) == 2
    held_event = events[f"meeting-{held.pk}@panel.pcc-portal"]
    assert held_event["status"] == "CONFIRMED"
    assert held_event.decoded("dtstart").date() == held.date
    assert held_event.decoded("dtstart").hour == 18
    assert str(held_event.decoded("dtstart").tzinfo) == "Europe/London"
    assert "Blackburn Town Hall" in str(held_event["location"])
    assert str(held_event["url"]).endswith("/panel/meetings/2021-12-06/")
    cancelled_event = events[f"meeting-{cancelled.pk}@panel.pcc-portal"]
    assert cancelled_event["status"] == "CANCELLED"
    assert "Commissioner's office" in str(cancelled_event["description"])
    again = Calendar.from_ical(client.get(reverse("panel:calendar")).content)
    assert sorted(str(e["uid"]) for e in again.walk("VEVENT")) == sorted(events)


def test_the_meetings_list_splits_upcoming_and_past(client, django_assert_max_num_queries):
    today = datetime.date.today()  # noqa: DTZ011
    for offset in (-60, -30, 30, 60, 90):
        MeetingFactory(date=today + datetime.timedelta(days=offset))
    with django_assert_max_num_queries(6):
        response = client.get(reverse("panel:meetings"))
    upcoming, past = response.context["upcoming"], response.context["past"]
    assert [m.date for m in upcoming] == sorted(m.date for m in upcoming)
    assert len(upcoming) == 3 and len(past) == 2
    assert Meeting.objects.count() == 5


def test_the_members_page_lists_members_groups_and_only_the_casework_complaint_figures(
    client, django_assert_max_num_queries
):
    chair = MemberFactory(name="Jackie Oakes", role="chair")
    MemberFactory(name="Dave Spellman", kind="independent", council="", panel=chair.panel)
    MemberFactory(name="Old Member", term_end=datetime.date(2021, 6, 1), panel=chair.panel)
    group = TaskAndFinishGroupFactory(panel=chair.panel, title="101 Service")
    group.members.add(chair)
    ComplaintFactory(panel=chair.panel, received_on=datetime.date(2021, 9, 1))
    ComplaintFactory(panel=chair.panel, received_on=datetime.date(2020, 9, 1))
    with django_assert_max_num_queries(8):
        html = client.get(reverse("panel:members")).content.decode()
    assert html.index("Councillor Jackie Oakes") < html.index("Dave Spellman")
    assert "Old Member" not in html
    assert "101 Service" in html
    # The latest year's casework figures, never a record: the 2020 complaint is in 2020/21.
    assert "Complaints received in 2021/22" in html
    assert "SECRET" not in html and "complainant" not in html
    assert reverse("casework:complaints") in html


def test_published_minutes_show_on_the_meeting_page(client):
    meeting = arranged_meeting(date=datetime.date(2021, 10, 12))
    item = meeting.items.get(kind="declarations")
    item.minutes = "No declarations were submitted."
    item.save()
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "No declarations were submitted" not in html
    publish_minutes(meeting)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "No declarations were submitted" in html
    assert reverse("panel:minutes_pdf", kwargs={"date": meeting.slug}) in html


def test_the_meeting_page_has_a_query_budget(client, sitting_member, django_assert_max_num_queries):
    meeting = published_meeting()
    client.force_login(sitting_member)
    with django_assert_max_num_queries(16):
        response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
