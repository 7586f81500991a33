"""The secretary's meeting pages: arranging meetings and ordering their agendas, recording
attendance and proceedings, approving minutes, postponing, and the meetings list."""

import datetime

import pytest
from django.urls import reverse

from panel.models import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    Minutes,
    PackBuild,
    Resolution,
)
from panel.services import meetings as meeting_services
from tests.panel.factories import AgendaItemFactory, MeetingFactory, MemberFactory
from tests.panel.helpers import arranged_meeting, publish_minutes, published_meeting

pytestmark = pytest.mark.django_db


def test_a_new_meeting_gets_the_standard_items_and_links_the_last_minutes(client, panel_secretary):
    previous = MeetingFactory(date=datetime.date(2021, 10, 12))
    client.force_login(panel_secretary)
    response = client.post(
        reverse("panel_manage:meeting_create"),
        {
            "date": "2021-12-06",
            "start_time": "18:00",
            "duration_minutes": 150,
            "kind": "ordinary",
            "venue": "Blackburn Town Hall",
            "room": "Meeting Room A",
            "webcast_url": "",
        },
    )
    meeting = Meeting.objects.get(date=datetime.date(2021, 12, 6))
    assert response.status_code == 302
    assert list(meeting.items.values_list("number", "kind")) == [
        (1, "welcome"),
        (2, "minutes"),
        (3, "declarations"),
        (4, "public_questions"),
        (5, "urgent_business"),
        (6, "next_meetings"),
    ]
    minutes = meeting.items.get(kind="minutes")
    assert minutes.minutes_of == previous
    assert minutes.title == "Minutes of the Meeting held on 12 October 2021"


def test_a_meeting_with_a_clashing_date_is_refused_beside_the_field(client, panel_secretary):
    meeting = arranged_meeting()
    client.force_login(panel_secretary)
    response = client.post(
        reverse("panel_manage:meeting_create"),
        {
            "date": meeting.date.isoformat(),
            "start_time": "18:00",
            "duration_minutes": 150,
            "kind": "ordinary",
            "venue": "Preston Town Hall",
        },
    )
    assert response.status_code == 400
    assert "Meeting with this Date already exists" in response.content.decode()
    assert 'value="Preston Town Hall"' in response.content.decode()


def test_a_new_item_goes_before_the_closing_items_and_can_be_moved(client, panel_secretary):
    meeting = arranged_meeting()
    client.force_login(panel_secretary)
    client.post(
        reverse("panel_manage:item_create", kwargs={"pk": meeting.pk}),
        {"title": "Police and Crime Plan 2021-25", "kind": "report"},
    )
    plan = meeting.items.get(title="Police and Crime Plan 2021-25")
    assert plan.number == 5
    assert meeting.items.get(kind="urgent_business").number == 6
    client.post(reverse("panel_manage:item_move", kwargs={"pk": plan.pk}), {"direction": "up"})
    plan.refresh_from_db()
    assert plan.number == 4
    assert meeting.items.get(kind="public_questions").number == 5


def test_an_exempt_item_needs_its_reason(client, panel_secretary):
    meeting = arranged_meeting()
    client.force_login(panel_secretary)
    response = client.post(
        reverse("panel_manage:item_create", kwargs={"pk": meeting.pk}),
        {"title": "Contract award", "kind": "report", "exempt": "on"},
    )
    assert response.status_code == 400
    assert "paragraph of Schedule 12A" in response.content.decode()
    assert not meeting.items.filter(title="Contract award").exists()


def test_attendance_minutes_and_resolutions_are_recorded(client, panel_secretary):
    meeting = arranged_meeting()
    chair = MemberFactory(panel=meeting.panel, name="Jackie Oakes", role="chair")
    absent = MemberFactory(panel=meeting.panel, name="Dave Spellman")
    client.force_login(panel_secretary)
    client.post(
        reverse("panel_manage:attendance", kwargs={"pk": meeting.pk}),
        {
            f"member_{chair.pk}": "present",
            f"member_{absent.pk}": "apologies",
            "visitors": "Andrew Snowden, Police and Crime Commissioner\nAsad Laher, Secretary",
        },
    )
    assert Attendance.objects.get(member=chair).status == "present"
    assert Attendance.objects.get(member=absent).status == "apologies"
    assert set(Attendance.objects.filter(member__isnull=True).values_list("name", "capacity")) == {
        ("Andrew Snowden", "Police and Crime Commissioner"),
        ("Asad Laher", "Secretary"),
    }
    item = meeting.items.get(kind="declarations")
    client.post(
        reverse("panel_manage:item_minutes", kwargs={"pk": item.pk}),
        {"minutes": "None were made.", "resolutions": "That the report be noted.\n\n"},
    )
    assert list(Resolution.objects.values_list("text", flat=True)) == ["That the report be noted."]
    page = client.get(reverse("panel_manage:minutes", kwargs={"pk": meeting.pk})).content.decode()
    assert "Jackie Oakes" in page
    assert "Apologies were received from Councillor Dave Spellman" in page
    assert "RESOLVED -</strong> That the report be noted." in page


def test_approving_minutes_records_the_resolution_and_the_approval(client, panel_secretary):
    previous = MeetingFactory(date=datetime.date(2021, 10, 12))
    meeting = arranged_meeting()
    item = meeting.items.get(kind="minutes")
    assert item.minutes_of == previous
    client.force_login(panel_secretary)
    client.post(reverse("panel_manage:approve_minutes", kwargs={"pk": item.pk}))
    assert Minutes.objects.get(meeting=previous).approved_at == meeting
    assert item.resolutions.get().text.startswith("The Minutes of the meeting held on 12 October")


def test_postponing_needs_a_reason_and_a_later_date(client, panel_secretary):
    meeting = arranged_meeting()
    client.force_login(panel_secretary)
    url = reverse("panel_manage:meeting_status", kwargs={"pk": meeting.pk})
    assert client.post(url, {"action": "postpone"}).status_code == 400
    earlier = (meeting.date - datetime.timedelta(days=1)).isoformat()
    response = client.post(url, {"action": "postpone", "reason": "Clash", "new_date": earlier})
    assert response.status_code == 400
    assert "later date" in response.content.decode()
    later = (meeting.date + datetime.timedelta(days=14)).isoformat()
    assert (
        client.post(url, {"action": "postpone", "reason": "Clash", "new_date": later}).status_code
        == 302
    )
    meeting.refresh_from_db()
    assert meeting.status == "postponed"


def test_the_meetings_list_has_a_query_budget(
    client, panel_secretary, django_assert_max_num_queries
):
    for _ in range(5):
        arranged_meeting()
    client.force_login(panel_secretary)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("panel_manage:meetings"))
    assert len(response.context["meetings"]) == 5


def test_a_decade_of_meetings_is_paged_latest_first(client, panel_secretary):
    first = MeetingFactory(date=datetime.date(2016, 6, 6))
    for _ in range(50):
        MeetingFactory(panel=first.panel)
    client.force_login(panel_secretary)
    latest = client.get(reverse("panel_manage:meetings"))
    earliest = client.get(reverse("panel_manage:meetings") + "?page=2")
    assert len(latest.context["meetings"]) == 50
    assert 'aria-label="Pages of meetings"' in latest.content.decode()
    assert list(earliest.context["meetings"]) == [first]


def test_the_dashboard_lists_meetings_held_whose_minutes_are_not_published(client, panel_secretary):
    today = datetime.date.today()  # noqa: DTZ011
    waiting = MeetingFactory(date=today - datetime.timedelta(days=14), status=Meeting.Status.HELD)
    minuted = MeetingFactory(date=today - datetime.timedelta(days=7), status=Meeting.Status.HELD)
    publish_minutes(minuted)
    client.force_login(panel_secretary)
    page = client.get(reverse("manage:dashboard")).content.decode()
    assert f"{waiting.date:%-d %B %Y}</a>: minutes not published" in page
    assert f"{minuted.date:%-d %B %Y}</a>: minutes not published" not in page


def test_the_dashboard_warns_of_a_pack_that_failed_to_build(client, panel_secretary):
    meeting = published_meeting(date=datetime.date.today() + datetime.timedelta(days=10))  # noqa: DTZ011
    client.force_login(panel_secretary)
    assert "failed to build" not in client.get(reverse("manage:dashboard")).content.decode()

    PackBuild.objects.filter(meeting=meeting).update(status=PackBuild.Status.DEAD)
    page = client.get(reverse("manage:dashboard")).content.decode()
    assert f"{meeting.date:%-d %B %Y}</a> failed to build" in page


def test_the_dashboard_lists_meetings_without_a_pack(client, panel_secretary):
    meeting = MeetingFactory(date=datetime.date.today() + datetime.timedelta(days=10))  # noqa: DTZ011
    client.force_login(panel_secretary)
    page = client.get(reverse("manage:dashboard")).content.decode()
    assert f"{meeting.date:%-d %B %Y}</a>: no agenda pack published yet" in page


def test_items_are_kept_numbered_when_one_is_removed(panel_secretary):
    meeting = arranged_meeting()
    meeting_services.remove_item(item=meeting.items.get(kind="declarations"))
    assert list(meeting.items.values_list("number", flat=True)) == [1, 2, 3, 4, 5]
    assert AgendaItem.objects.filter(meeting=meeting, kind="declarations").count() == 0


def test_members_and_groups_wait_for_the_panels_details(client, panel_secretary):
    client.force_login(panel_secretary)
    for name in ("member_create", "group_create"):
        response = client.get(reverse(f"panel_manage:{name}"))
        assert response.status_code == 302
        assert response["Location"] == reverse("panel_manage:panel")


def test_arranging_a_meeting_before_the_panels_details_asks_for_them_first(client, panel_secretary):
    client.force_login(panel_secretary)
    response = client.get(reverse("panel_manage:meeting_create"), follow=True)
    assert response.redirect_chain == [(reverse("panel_manage:panel"), 302)]
    assert "Enter the panel&#x27;s details first." in response.content.decode()


def test_a_meeting_cancelled_while_its_details_are_saved_stays_cancelled(
    client, panel_secretary, monkeypatch
):
    """The edit page loads the meeting, then someone cancels it before the save: the details
    typed are saved, and the cancellation is not undone by the page loaded before it."""
    from panel.views.manage_meetings import MeetingUpdateView

    meeting = MeetingFactory(date=datetime.date(2022, 3, 7), room="Meeting Room A")
    loaded = MeetingUpdateView.get_form

    def cancelled_meanwhile(view, *args, **kwargs):
        form = loaded(view, *args, **kwargs)
        Meeting.objects.filter(pk=meeting.pk).update(
            status=Meeting.Status.CANCELLED, status_reason="Not quorate"
        )
        return form

    monkeypatch.setattr(MeetingUpdateView, "get_form", cancelled_meanwhile)
    client.force_login(panel_secretary)
    response = client.post(
        reverse("panel_manage:meeting_edit", kwargs={"pk": meeting.pk}),
        {
            "date": "2022-03-07",
            "start_time": "18:00",
            "duration_minutes": 150,
            "kind": "ordinary",
            "venue": "Blackburn Town Hall",
            "room": "Council Chamber",
            "webcast_url": "",
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.room == "Council Chamber"
    assert meeting.status == Meeting.Status.CANCELLED
    assert meeting.history.first().status == Meeting.Status.CANCELLED  # the history is true too


def test_an_item_with_recorded_proceedings_stays_on_the_agenda(client, panel_secretary):
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting, number=1, title="Police and Crime Plan 2021-25")
    Declaration.objects.create(
        meeting=meeting,
        member=MemberFactory(panel=meeting.panel),
        item=item,
        interest=Declaration.Interest.NON_REGISTRABLE,
        nature="A trustee of a charity bidding for a grant",
    )
    Resolution.objects.create(item=item, text="That the report be noted.")
    client.force_login(panel_secretary)

    response = client.post(reverse("panel_manage:item_delete", kwargs={"pk": item.pk}), follow=True)

    page = response.content.decode()
    assert "was removed from the agenda" not in page
    assert (
        "“Police and Crime Plan 2021-25” has proceedings recorded (1 declaration of interest, "
        "1 resolution), so it stays on the agenda."
    ) in page
    assert AgendaItem.objects.filter(pk=item.pk).exists()
    assert Declaration.objects.filter(item=item).exists()
    assert Resolution.objects.filter(item=item).exists()
