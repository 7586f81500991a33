"""Members' papers (exempt items, the members' pack, papers withdrawn from the public) reach a
member only through their membership: their account linked to a member record of the meeting's
panel, or of the task and finish group whose meeting it is, while they are in office. Tried as an
attacker would, on every URL that serves members' content."""

import datetime

import pytest
from django.urls import reverse

from panel.models import Member, PackPaper
from panel.services import packs
from pcc_portal.accounts import roles
from tests.access import SIGNED_IN, AccessRule
from tests.accounts.factories import UserFactory, sign_in
from tests.panel.factories import MemberFactory, PanelFactory, TaskAndFinishGroupFactory
from tests.panel.helpers import published_meeting
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db

BANNER = "Confidential: exempt items"


class TestMyMeetingsAccess(AccessRule):
    url_name = "panel:my_meetings"
    access = SIGNED_IN


def _account(username):
    return UserFactory(username=username, roles=[roles.PANEL_MEMBER])


def _members_urls(meeting):
    exempt = PackPaper.objects.get(item__exempt=True)
    return {
        "members' pack": reverse("panel:members_pack", kwargs={"date": meeting.slug}),
        "members' pack version": reverse(
            "panel:members_pack_version", kwargs={"date": meeting.slug, "number": 1}
        ),
        "exempt paper": exempt.get_absolute_url(),
    }


def _assert_refused(client, meeting):
    """``client`` gets none of ``meeting``'s members' content, by any URL."""
    urls = _members_urls(meeting)
    signed_in = "_auth_user_id" in client.session
    for name in ("members' pack", "members' pack version"):
        response = client.get(urls[name])
        if signed_in:
            assert response.status_code == 403, name
        else:
            assert response.status_code == 302 and "login" in response["Location"], name
    assert client.get(urls["exempt paper"]).status_code == 404
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Tender scores" not in html
    assert "members-pack" not in html
    assert BANNER not in html
    assert "Its papers are not published" in html


def _assert_allowed(client, meeting):
    urls = _members_urls(meeting)
    assert "SECRETTEXT" in pdf_text(client.get(urls["members' pack"]))
    assert "SECRETTEXT" in pdf_text(client.get(urls["members' pack version"]))
    assert "SECRETTEXT" in pdf_text(client.get(urls["exempt paper"]))
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Tender scores" in html
    assert BANNER in html


def test_a_serving_member_of_the_panel_reads_its_members_papers(client):
    meeting = published_meeting()
    user = _account("oakes")
    MemberFactory(name="Jackie Oakes", panel=meeting.panel, user=user)
    client.force_login(user)
    _assert_allowed(client, meeting)


def test_the_public_gets_no_members_content(client):
    _assert_refused(client, published_meeting())


def test_a_member_account_linked_to_no_member_record_is_refused(client, panel_member):
    meeting = published_meeting()
    client.force_login(panel_member)  # the role alone grants nothing
    _assert_refused(client, meeting)


def test_a_member_of_another_panel_is_refused(client):
    meeting = published_meeting()
    user = _account("elsewhere")
    other = PanelFactory(name="Police, Fire and Crime Panel for Cumbria")
    MemberFactory(panel=other, user=user)
    client.force_login(user)
    _assert_refused(client, meeting)


TODAY = datetime.date.today()  # noqa: DTZ011
DAY = datetime.timedelta(days=1)


@pytest.mark.parametrize(
    "term",  # a former member; one not yet in office
    [
        pytest.param({"term_start": datetime.date(2017, 5, 1), "term_end": TODAY - DAY}, id="past"),
        pytest.param({"term_start": TODAY + 7 * DAY}, id="future"),
    ],
)
def test_a_member_out_of_office_is_refused(client, term):
    meeting = published_meeting()
    user = _account("out-of-office")
    MemberFactory(panel=meeting.panel, user=user, **term)
    client.force_login(user)
    _assert_refused(client, meeting)


def test_a_member_whose_account_link_was_removed_is_refused(client, panel_secretary):
    meeting = published_meeting()
    user = _account("unlinked")
    member = MemberFactory(name="Tony Harrison", panel=meeting.panel, user=user)
    client.force_login(user)
    _assert_allowed(client, meeting)

    client.force_login(panel_secretary)
    response = client.post(
        reverse("panel_manage:member_edit", kwargs={"pk": member.pk}),
        {
            "name": member.name,
            "kind": member.kind,
            "council": member.council,
            "role": member.role,
            "term_start": member.term_start.isoformat(),
            "term_end": "",
            "email": member.email,
            "user": "",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.user is None

    client.force_login(user)
    _assert_refused(client, meeting)


def test_a_group_meeting_is_for_the_group_members_only(client):
    meeting = published_meeting()
    group = TaskAndFinishGroupFactory(panel=meeting.panel, title="Victim services")
    meeting.group = group
    meeting.save()
    outsider, insider = _account("outsider"), _account("insider")
    MemberFactory(panel=meeting.panel, user=outsider)
    group.members.add(MemberFactory(panel=meeting.panel, user=insider))

    client.force_login(outsider)
    _assert_refused(client, meeting)
    client.force_login(insider)
    _assert_allowed(client, meeting)


def test_a_former_member_loses_papers_withdrawn_from_the_public_too(client, panel_secretary):
    meeting = published_meeting()
    paper = PackPaper.objects.get(title="PCC update")
    packs.withdraw_paper(paper=paper, by=panel_secretary, reason="Published by mistake")
    user = _account("leaver")
    member = MemberFactory(panel=meeting.panel, user=user)
    client.force_login(user)
    assert client.get(paper.get_absolute_url()).status_code == 200

    member.term_end = datetime.date.today() - datetime.timedelta(days=1)  # noqa: DTZ011
    member.term_start = member.term_end - datetime.timedelta(days=365)
    member.save()
    assert client.get(paper.get_absolute_url()).status_code == 410


def test_the_panel_secretary_reads_every_meetings_members_papers(client, panel_secretary):
    meeting = published_meeting()
    client.force_login(panel_secretary)
    _assert_allowed(client, meeting)


def test_a_serving_member_lands_on_their_meetings_and_packs(client):
    meeting = published_meeting(date=datetime.date.today() + datetime.timedelta(days=10))  # noqa: DTZ011
    user = _account("lands")
    MemberFactory(name="Jackie Oakes", panel=meeting.panel, user=user, role=Member.Role.CHAIR)
    response = sign_in(client, "lands")
    assert response["Location"] == reverse("panel:my_meetings")

    html = client.get(reverse("panel:my_meetings")).content.decode()
    assert meeting.get_absolute_url() in html
    assert reverse("panel:members_pack", kwargs={"date": meeting.slug}) in html
    assert BANNER in html
    assert "as chair" in html


def test_a_former_member_lands_on_the_home_page_with_no_packs(client):
    meeting = published_meeting(date=datetime.date.today() + datetime.timedelta(days=10))  # noqa: DTZ011
    user = _account("gone")
    MemberFactory(
        panel=meeting.panel,
        user=user,
        term_start=datetime.date(2017, 5, 1),
        term_end=datetime.date(2021, 5, 1),
    )
    response = sign_in(client, "gone")
    assert response["Location"] == "/"
    html = client.get(reverse("panel:my_meetings")).content.decode()
    assert "members-pack" not in html
    assert "not linked to a serving member" in html
    assert BANNER not in html


def test_the_secretary_links_an_account_and_one_account_is_one_member_at_a_time(
    client, panel_secretary
):
    first = MemberFactory(name="Jackie Oakes")
    user = _account("linked")
    first.user = user
    first.save()
    client.force_login(panel_secretary)
    form = {
        "name": "Tony Harrison",
        "kind": "councillor",
        "council": "Burnley Borough Council",
        "role": "member",
        "term_start": "2022-05-01",
        "term_end": "",
        "email": "",
        "user": str(user.pk),
    }
    response = client.post(reverse("panel_manage:member_create"), form)
    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "already linked to Councillor Jackie Oakes" in html
    assert 'value="Tony Harrison"' in html

    other = _account("second")
    response = client.post(reverse("panel_manage:member_create"), {**form, "user": other.pk})
    assert response.status_code == 302
    assert Member.objects.get(name="Tony Harrison").user == other
    # Only accounts with the panel member role are offered.
    page = client.get(reverse("panel_manage:member_create")).content.decode()
    assert (
        "second" in page and "secretary" not in page.split('name="user"')[1].split("</select>")[0]
    )


def test_a_published_pack_is_emailed_only_to_the_members_who_sit_for_the_meeting(
    mailoutbox, django_capture_on_commit_callbacks
):
    ours = MemberFactory(email="ours@council.example.org")
    MemberFactory(
        panel=PanelFactory(name="Police, Fire and Crime Panel for Cumbria"),
        email="theirs@council.example.org",
    )
    MemberFactory(
        panel=ours.panel,
        email="former@council.example.org",
        term_start=datetime.date(2017, 5, 1),
        term_end=datetime.date(2021, 5, 1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        published_meeting()
    assert sorted(address for m in mailoutbox for address in m.to) == ["ours@council.example.org"]
