"""What the minutes record: every declaration of interest with its member, item, kind and
whether the member withdrew; minutes agreed only at a meeting that has happened; a postponed
meeting arranged on its new date; exempt minutes for the members in office and never the public."""

import datetime

import pytest
from django.urls import reverse

from panel.models import AgendaItem, Declaration, Meeting, Minutes
from panel.services import meetings as meeting_services
from panel.services import proceedings
from pcc_portal.accounts import roles
from pcc_portal.errors import InvalidTransition
from tests.accounts.factories import UserFactory
from tests.panel.factories import MemberFactory, PanelFactory
from tests.panel.helpers import arranged_meeting, exempt_item, publish_minutes
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()  # noqa: DTZ011


def test_a_declaration_on_the_item_it_concerns_is_printed_with_its_member_item_and_kind(client):
    meeting = arranged_meeting(date=datetime.date(2021, 10, 12))
    report = meeting_services.add_item(
        meeting=meeting, item=AgendaItem(title="Victim Services Commissioning", kind="report")
    )
    update = meeting_services.add_item(
        meeting=meeting, item=AgendaItem(title="PCC Update Report", kind="report")
    )
    oakes = MemberFactory(name="Jackie Oakes", panel=meeting.panel)
    berry = MemberFactory(name="Roger Berry", panel=meeting.panel)
    Declaration.objects.create(
        meeting=meeting,
        member=oakes,
        item=report,
        interest=Declaration.Interest.DISCLOSABLE_PECUNIARY,
        nature="Her husband is a director of a bidding provider",
        withdrew=True,
    )
    Declaration.objects.create(
        meeting=meeting,
        member=berry,
        item=update,
        interest=Declaration.Interest.NON_REGISTRABLE,
        nature="A volunteer with a victim support charity",
    )

    version = publish_minutes(meeting)
    html = client.get(meeting.get_absolute_url()).content.decode()
    oakes_line = (
        "Councillor Jackie Oakes declared a disclosable pecuniary interest in item "
        f"{report.number}, Victim Services Commissioning: Her husband is a director of a "
        "bidding provider. They left the meeting for that item and took no part in it."
    )
    berry_line = (
        "Councillor Roger Berry declared a non-registrable interest in item "
        f"{update.number}, PCC Update Report: A volunteer with a victim support charity. "
        "They stayed and took part."
    )
    for text in (html, version.html):
        assert oakes_line in text
        assert berry_line in text
        assert "No declarations of interest were made" not in text
    assert "Jackie Oakes declared a disclosable pecuniary interest" in version.text
    pdf = pdf_text(client.get(version.content_object.get_pdf_url()))
    assert "disclosable pecuniary interest in item" in pdf
    assert "They left the meeting for that item" in pdf


def test_a_meeting_without_declarations_says_so():
    meeting = arranged_meeting(date=datetime.date(2021, 10, 12))
    version = publish_minutes(meeting)
    assert "No declarations of interest were made" in version.html


def test_the_secretary_records_a_declaration_with_its_kind_and_withdrawal(client, panel_secretary):
    meeting = arranged_meeting(date=datetime.date(2021, 10, 12))
    member = MemberFactory(name="Jackie Oakes", panel=meeting.panel)
    item = meeting.items.get(kind="welcome")
    client.force_login(panel_secretary)
    url = reverse("panel_manage:declaration_create", kwargs={"pk": meeting.pk})
    data = {"member": member.pk, "item": item.pk, "nature": "A trustee of a charity"}
    response = client.post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html and "#id_interest" in html
    assert "A trustee of a charity" in html  # what was typed is shown again

    response = client.post(url, {**data, "interest": "other_registrable", "withdrew": "on"})
    assert response.status_code == 302
    declaration = Declaration.objects.get()
    assert declaration.interest == Declaration.Interest.OTHER_REGISTRABLE and declaration.withdrew


def test_minutes_cannot_be_agreed_at_a_meeting_that_has_not_happened_yet(client, panel_secretary):
    earlier = arranged_meeting(date=TODAY - datetime.timedelta(days=60))
    later = arranged_meeting(date=TODAY + datetime.timedelta(days=14))
    item = later.items.get(kind="minutes")
    assert item.minutes_of == earlier

    with pytest.raises(InvalidTransition, match="has not happened yet"):
        proceedings.approve_minutes(item=item)
    client.force_login(panel_secretary)
    response = client.post(
        reverse("panel_manage:approve_minutes", kwargs={"pk": item.pk}), follow=True
    )
    assert "has not happened yet" in response.content.decode()
    minutes = Minutes.objects.filter(meeting=earlier).first()
    assert minutes is None or minutes.approved_at is None
    assert not item.resolutions.exists()


def test_minutes_are_agreed_at_a_meeting_on_or_after_its_date():
    earlier = arranged_meeting(date=TODAY - datetime.timedelta(days=60))
    today = arranged_meeting(date=TODAY)
    minutes = proceedings.approve_minutes(item=today.items.get(kind="minutes"))
    assert minutes.meeting == earlier and minutes.approved_at == today


def test_minutes_cannot_be_agreed_at_a_cancelled_meeting():
    arranged_meeting(date=TODAY - datetime.timedelta(days=60))
    cancelled = arranged_meeting(date=TODAY - datetime.timedelta(days=7))
    meeting_services.change_meeting_status(
        meeting=cancelled, action="cancel", reason="Not quorate."
    )
    with pytest.raises(InvalidTransition, match="cancelled"):
        proceedings.approve_minutes(item=cancelled.items.get(kind="minutes"))


def test_postponing_a_meeting_arranges_it_on_its_new_date(client, panel_secretary):
    held = arranged_meeting(date=datetime.date(2021, 12, 6))
    january = arranged_meeting(date=datetime.date(2022, 1, 17))
    client.force_login(panel_secretary)
    response = client.post(
        reverse("panel_manage:meeting_status", kwargs={"pk": january.pk}),
        {
            "action": "postpone",
            "reason": "Cancelled following a request from the Commissioner's Office.",
            "new_date": "2022-02-01",
        },
        follow=True,
    )
    assert "postponed to 1 February 2022" in response.content.decode()
    moved = Meeting.objects.get(date=datetime.date(2022, 2, 1))
    assert moved.status == Meeting.Status.SCHEDULED
    assert (moved.panel, moved.start_time, moved.venue) == (
        january.panel,
        january.start_time,
        january.venue,
    )
    # Its agenda approves the minutes of the last meeting held, not of the postponed one.
    assert moved.items.get(kind="minutes").minutes_of == held
    assert client.get(moved.get_absolute_url()).status_code == 200
    page = client.get(january.get_absolute_url()).content.decode()
    assert moved.get_absolute_url() in page


def test_postponing_to_a_date_already_arranged_keeps_that_meeting():
    january = arranged_meeting(date=datetime.date(2022, 1, 17))
    february = arranged_meeting(date=datetime.date(2022, 2, 1))
    meeting_services.change_meeting_status(
        meeting=january, action="postpone", reason="Moved.", new_date=february.date
    )
    assert Meeting.objects.filter(date=february.date).get() == february
    assert february.items.count() == len(AgendaItem.STANDARD_OPENING + AgendaItem.STANDARD_CLOSING)


def _with_exempt_minutes():
    meeting = arranged_meeting(date=datetime.date(2021, 10, 12))
    item = exempt_item(meeting)
    proceedings.record_item_minutes(
        item=item,
        minutes="The Panel heard the tender scores EXEMPTMINUTESTEXT.",
        resolutions=["That the preferred bidder EXEMPTRESOLUTION be noted."],
    )
    version = publish_minutes(meeting)
    return meeting, version


def _member_account(username, **member):
    user = UserFactory(username=username, roles=[roles.PANEL_MEMBER])
    MemberFactory(user=user, **member)
    return user


def test_members_in_office_read_the_exempt_minutes(client):
    meeting, _ = _with_exempt_minutes()
    client.force_login(_member_account("serving", panel=meeting.panel))
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "EXEMPTMINUTESTEXT" in html and "EXEMPTRESOLUTION" in html
    assert "Confidential: exempt items" in html


def test_the_public_never_reads_the_exempt_minutes(client):
    meeting, version = _with_exempt_minutes()
    for text in (version.html, version.text, version.document_html):
        assert "EXEMPTMINUTESTEXT" not in text and "EXEMPTRESOLUTION" not in text
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Considered in private" in html
    assert "EXEMPTMINUTESTEXT" not in html and "Confidential: exempt items" not in html
    pdf = pdf_text(client.get(reverse("panel:minutes_pdf", kwargs={"date": meeting.slug})))
    assert "EXEMPTMINUTESTEXT" not in pdf
    search = client.get("/search/", {"q": "EXEMPTMINUTESTEXT"}).content.decode()
    assert meeting.get_absolute_url() not in search


@pytest.mark.parametrize("who", ["former", "other panel", "unlinked"])
def test_others_never_read_the_exempt_minutes(client, who):
    meeting, _ = _with_exempt_minutes()
    if who == "former":
        user = _member_account(
            "former",
            panel=meeting.panel,
            term_start=datetime.date(2017, 5, 1),
            term_end=TODAY - datetime.timedelta(days=1),
        )
    elif who == "other panel":
        user = _member_account("other", panel=PanelFactory(name="Cumbria Panel"))
    else:
        user = UserFactory(username="unlinked", roles=[roles.PANEL_MEMBER])
    client.force_login(user)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "EXEMPTMINUTESTEXT" not in html and "Exempt minutes" not in html
