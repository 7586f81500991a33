"""Members' public records (their page, attendance by municipal year, declarations, groups) and
the Panel's political balance; webcast timestamps in the minutes; and the agenda's five clear
working days: its due date, the late mark, the dashboard and the reminder."""

import datetime

import pytest
from django.urls import reverse

from panel.models import AgendaItem, Attendance, Declaration
from panel.models.meetings import agenda_due_on
from panel.services import meetings as meeting_services
from panel.services import proceedings
from pcc_portal.publications import services as publishing
from tests.access import AccessRule
from tests.panel.factories import MemberFactory, TaskAndFinishGroupFactory
from tests.panel.helpers import arranged_meeting, publish_minutes, published_meeting

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()  # noqa: DTZ011


class TestMemberPageAccess(AccessRule):
    url_name = "panel:member"

    def make_url_kwargs(self):
        return {"pk": MemberFactory().pk}


def _attend(meeting, member, status):
    proceedings.record_attendance(meeting=meeting, statuses={member: status})


def test_a_members_page_shows_their_record_from_the_published_minutes(client):
    member = MemberFactory(the_chair=True, term_start=datetime.date(2021, 5, 20))
    group = TaskAndFinishGroupFactory(panel=member.panel, title="101 Service")
    group.members.add(member)
    # Municipal year 2021/22: present twice, apologies once, substituted once.
    july, october, december, february = (
        arranged_meeting(date=datetime.date(2021, 7, 20)),
        arranged_meeting(date=datetime.date(2021, 10, 12)),
        arranged_meeting(date=datetime.date(2021, 12, 6)),
        arranged_meeting(date=datetime.date(2022, 2, 1)),
    )
    for meeting, status in [
        (july, Attendance.Status.PRESENT),
        (october, Attendance.Status.PRESENT),
        (december, Attendance.Status.APOLOGIES),
        (february, Attendance.Status.SUBSTITUTED),
    ]:
        _attend(meeting, member, status)
        version = publish_minutes(meeting)
    assert "Substitutes attended for Councillor Jackie Oakes" in version.html
    report = meeting_services.add_item(
        meeting=october, item=AgendaItem(title="Victim Services Commissioning")
    )
    Declaration.objects.create(
        meeting=october,
        member=member,
        item=report,
        interest=Declaration.Interest.DISCLOSABLE_PECUNIARY,
        nature="A director of a bidding provider",
        withdrew=True,
    )
    publish_minutes(october)  # version 2 carries the declaration
    # Not yet public: a meeting whose minutes are unpublished, and a draft change to July.
    june = arranged_meeting(date=datetime.date(2022, 6, 14))
    _attend(june, member, Attendance.Status.ABSENT)
    _attend(july, member, Attendance.Status.ABSENT)

    html = client.get(member.get_absolute_url()).content.decode()
    for text in (
        "Rossendale Borough Council",
        "Labour",
        "Chair",
        "20 May 2021 to now",
        "Councillor Alyson Barnes",
        "101 Service",
        "2021/22",
        "50% of 4",
        "disclosable pecuniary interest, A director of a bidding provider",
        "left the meeting for the item",
        "Victim Services Commissioning",
    ):
        assert text in html, text
    assert "14 June 2022" not in html  # its minutes are not published
    # The draft change to July's attendance is not public.
    assert "20 July 2021</a>: present" in html and "absent 0" in html


def test_the_members_page_shows_the_political_balance_and_links_each_member(client):
    labour = MemberFactory(name="Jackie Oakes", political_group="Labour")
    MemberFactory(name="Roger Berry", political_group="Conservative", panel=labour.panel)
    MemberFactory(name="Stella Brunskill", political_group="Conservative", panel=labour.panel)
    MemberFactory(name="Dave Spellman", kind="independent", council="", panel=labour.panel)
    html = client.get(reverse("panel:members")).content.decode()
    assert "Political balance" in html
    balance = html[html.index("Political balance") :]
    assert balance.index("Conservative") < balance.index("Labour")
    assert "Independent co-opted members" in balance
    assert labour.get_absolute_url() in html


def test_an_items_webcast_time_links_the_minutes_to_that_moment(client, panel_secretary):
    meeting = arranged_meeting(date=datetime.date(2021, 10, 12))
    meeting.webcast_url = "https://lancashire.public-i.tv/core/portal/webcast_interactive/612"
    meeting.save()
    item = meeting.items.get(kind="public_questions")
    client.force_login(panel_secretary)
    url = reverse("panel_manage:item_minutes", kwargs={"pk": item.pk})
    response = client.post(url, {"minutes": "Noted.", "resolutions": "", "webcast_time": "1:62"})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert 'value="1:62"' in response.content.decode()
    response = client.post(url, {"minutes": "Noted.", "resolutions": "", "webcast_time": "1:02:33"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.webcast_start == 3753
    client.logout()

    version = publish_minutes(meeting)
    link = f"{meeting.webcast_url}#t=3753"
    assert link in version.html
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert link in html and "from 1:02:33" in html


def test_the_agenda_is_due_five_clear_working_days_before_the_meeting():
    # The seed: the agenda for Monday 6 December 2021 was published on Friday 26 November.
    assert agenda_due_on(datetime.date(2021, 12, 6)) == datetime.date(2021, 11, 26)
    # Over Christmas: 27 and 28 December 2021 and 3 January 2022 are bank holidays.
    assert agenda_due_on(datetime.date(2022, 1, 4)) == datetime.date(2021, 12, 22)
    # Easter: Good Friday 15 and Easter Monday 18 April 2022.
    assert agenda_due_on(datetime.date(2022, 4, 21)) == datetime.date(2022, 4, 11)


def test_a_pack_published_too_late_is_marked_late(client):
    late = published_meeting(date=TODAY + datetime.timedelta(days=3))
    html = client.get(late.get_absolute_url()).content.decode()
    assert "Published late" in html
    assert f"due by {late.agenda_due_on:%-d %B %Y}" in html


def test_a_pack_published_in_time_has_no_late_mark(client):
    meeting = published_meeting(date=TODAY + datetime.timedelta(days=30))
    assert "Published late" not in client.get(meeting.get_absolute_url()).content.decode()


def test_the_dashboard_shows_when_each_agenda_is_due_and_whether_it_was_on_time(
    client, panel_secretary
):
    late = published_meeting(date=TODAY + datetime.timedelta(days=2))
    waiting = arranged_meeting(date=TODAY + datetime.timedelta(days=40))
    client.force_login(panel_secretary)
    html = client.get("/manage/").content.decode()
    assert "Agendas due: five clear working days before each meeting" in html
    assert f"{waiting.agenda_due_on:%a %-d %b %Y}" in html
    assert f"{late.agenda_due_on:%a %-d %b %Y}" in html
    assert "Late" in html and "Not yet" in html


def test_the_secretary_is_reminded_once_on_the_working_day_before_the_agenda_is_due(
    mailoutbox,
):
    # A Monday: its agenda is due on Friday 29 November.
    meeting = arranged_meeting(date=datetime.date(2030, 12, 9))
    assert meeting.agenda_due_on == datetime.date(2030, 11, 29)
    assert meeting_services.send_agenda_reminders(today=datetime.date(2030, 11, 27)) == 0
    assert meeting_services.send_agenda_reminders(today=datetime.date(2030, 11, 28)) == 1
    assert mailoutbox[0].to == [meeting.panel.secretary_email]
    assert "by Friday 29 November 2030" in mailoutbox[0].subject
    assert meeting.get_manage_url() in mailoutbox[0].body
    assert meeting_services.send_agenda_reminders(today=datetime.date(2030, 11, 29)) == 0
    assert len(mailoutbox) == 1


def test_no_reminder_for_an_agenda_already_published(mailoutbox):
    published_meeting(date=TODAY + datetime.timedelta(days=3))
    assert meeting_services.send_agenda_reminders(today=TODAY) == 0
    assert mailoutbox == [] or all("Publish the agenda" not in m.subject for m in mailoutbox)


def test_a_members_page_drops_the_record_of_withdrawn_minutes(client, panel_secretary):
    member = MemberFactory(name="Jackie Oakes")
    meeting = arranged_meeting(date=datetime.date(2021, 10, 12))
    report = meeting_services.add_item(meeting=meeting, item=AgendaItem(title="Precept"))
    _attend(meeting, member, Attendance.Status.PRESENT)
    Declaration.objects.create(
        meeting=meeting,
        member=member,
        item=report,
        interest=Declaration.Interest.OTHER_REGISTRABLE,
        nature="WITHDRAWNDECLARATION",
    )
    publish_minutes(meeting)
    assert "WITHDRAWNDECLARATION" in client.get(member.get_absolute_url()).content.decode()

    publishing.withdraw(
        obj=meeting.minutes_record, by=panel_secretary, reason="Minuted the wrong meeting"
    )
    html = client.get(member.get_absolute_url()).content.decode()
    assert "WITHDRAWNDECLARATION" not in html and "12 October 2021" not in html
    assert "No attendance has been published yet" in html
