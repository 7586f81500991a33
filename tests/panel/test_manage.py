"""The secretary's pages: arranging meetings, building and ordering agendas, attaching papers,
publishing packs, recording proceedings and publishing minutes; who may use each page."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from panel.models import (
    AgendaItem,
    Attendance,
    Meeting,
    Minutes,
    PackBuild,
    Paper,
    Resolution,
)
from panel.services import meetings as meeting_services
from tests.access import AccessRule, PostAction, PublishAction
from tests.accounts.factories import reauthenticate
from tests.forms import ticked
from tests.panel.factories import (
    MeetingFactory,
    MemberFactory,
    PanelFactory,
    ReportFactory,
    TaskAndFinishGroupFactory,
)
from tests.panel.helpers import arranged_meeting, pdf_bytes, upload

pytestmark = pytest.mark.django_db


def _meeting_kwargs():
    return {"pk": arranged_meeting().pk}


def _item_kwargs():
    return {"pk": arranged_meeting().items.get(kind="public_questions").pk}


class TestManageMeetingsAccess(AccessRule):
    url_name = "panel_manage:meetings"
    access = "panel.view_meeting"


class TestManagePanelAccess(AccessRule):
    url_name = "panel_manage:panel"
    access = "panel.add_panel"


class TestMeetingCreateAccess(AccessRule):
    url_name = "panel_manage:meeting_create"
    access = "panel.add_meeting"

    def make_url_kwargs(self):
        PanelFactory()
        return {}


class TestMeetingDetailAccess(AccessRule):
    url_name = "panel_manage:meeting"
    access = "panel.view_meeting"

    def make_url_kwargs(self):
        return _meeting_kwargs()


class TestMeetingChangeAccess(TestMeetingDetailAccess):
    url_names = (
        "panel_manage:meeting_edit",
        "panel_manage:meeting_status",
        "panel_manage:item_create",
        "panel_manage:attendance",
    )
    access = "panel.change_meeting"


class TestMeetingPagesAccess(TestMeetingDetailAccess):
    url_names = ("panel_manage:pack_status", "panel_manage:minutes")


class TestPackPublishAccess(PublishAction, TestMeetingDetailAccess):
    url_name = "panel_manage:pack_publish"
    access = "panel.publish_agendapack"


class TestPackRetryAccess(TestMeetingDetailAccess):
    url_name = "panel_manage:pack_retry"
    access = "panel.publish_agendapack"
    method = "post"
    allowed_status = (404,)  # no failed build to retry


class TestMinutesPublishAccess(PublishAction, TestMeetingDetailAccess):
    url_name = "panel_manage:minutes_publish"
    access = "panel.publish_minutes"


class TestDeclarationCreateAccess(TestMeetingDetailAccess):
    url_name = "panel_manage:declaration_create"
    access = "panel.add_declaration"


class TestQuestionCreateAccess(TestMeetingDetailAccess):
    url_name = "panel_manage:question_create"
    access = "panel.add_publicquestion"


class TestItemEditAccess(AccessRule):
    url_name = "panel_manage:item_edit"
    access = "panel.change_meeting"

    def make_url_kwargs(self):
        return _item_kwargs()


class TestItemMoveAccess(PostAction, TestItemEditAccess):
    url_name = "panel_manage:item_move"
    data = {"direction": "up"}


class TestItemDeleteAccess(PostAction, TestItemEditAccess):
    url_name = "panel_manage:item_delete"


class TestItemMinutesAccess(TestItemEditAccess):
    url_name = "panel_manage:item_minutes"
    access = "panel.change_agendaitem"


class TestApproveMinutesAccess(PostAction, TestItemEditAccess):
    url_name = "panel_manage:approve_minutes"
    access = "panel.change_minutes"


class TestPaperAddAccess(TestItemEditAccess):
    url_names = (
        "panel_manage:paper_report",
        "panel_manage:paper_upload",
        "panel_manage:paper_publication",
    )
    access = "panel.add_paper"


class TestPaperDeleteAccess(PostAction, AccessRule):
    url_name = "panel_manage:paper_delete"
    access = "panel.delete_paper"

    def make_url_kwargs(self):
        item = arranged_meeting().items.first()
        paper = meeting_services.add_upload_paper(item=item, title="Appendix", upload=upload("A"))
        return {"pk": paper.pk}


class TestReportEditAccess(AccessRule):
    url_name = "panel_manage:report_edit"
    access = "panel.change_report"

    def make_url_kwargs(self):
        return {"pk": ReportFactory().pk}


class TestMembersAccess(AccessRule):
    url_name = "panel_manage:members"
    access = "panel.view_member"


class TestMemberCreateAccess(TestMeetingCreateAccess):
    url_name = "panel_manage:member_create"
    access = "panel.add_member"


class TestMemberEditAccess(AccessRule):
    url_name = "panel_manage:member_edit"
    access = "panel.change_member"

    def make_url_kwargs(self):
        return {"pk": MemberFactory().pk}


class TestGroupsAccess(AccessRule):
    url_name = "panel_manage:groups"
    access = "panel.view_taskandfinishgroup"


class TestGroupCreateAccess(TestMeetingCreateAccess):
    url_name = "panel_manage:group_create"
    access = "panel.add_taskandfinishgroup"


class TestGroupEditAccess(AccessRule):
    url_name = "panel_manage:group_edit"
    access = "panel.change_taskandfinishgroup"

    def make_url_kwargs(self):
        return {"pk": TaskAndFinishGroupFactory().pk}


# --- Behaviour -------------------------------------------------------------------------------


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


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"This is a Word document", "not a PDF"),
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
