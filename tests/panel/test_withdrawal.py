"""Withdrawing an agenda pack, or one paper of it, really withdraws it: every public PDF URL that
served it answers 410 Gone with the notice, search drops its text, a new version of the pack is
built without the paper, and the members' pack keeps what the members may have."""

import datetime

import pytest
from django.urls import reverse

from panel.models import AgendaItem, PackBuild, PackPaper, PaperWithdrawal
from panel.services import meetings as meeting_services
from panel.services import packs
from pcc_portal.errors import InvalidTransition
from pcc_portal.publications import services as publishing
from pcc_portal.publications.services import NothingToPublish
from tests import searching
from tests.access import AccessRule
from tests.accounts.factories import reauthenticate
from tests.panel.helpers import arranged_meeting, exempt_item, published_meeting, upload
from tests.pdfs import pdf_text
from tests.publications import withdrawals

MEETING = "/panel/meetings/2021-12-06/"


def _paper(title, number):
    return PackPaper.objects.get(title=title, item__build__version__number=number)


def _paper_url(paper):
    return f"{MEETING}papers/{paper.pk}.pdf"


@pytest.fixture
def meeting(panel_secretary, run_on_commit):
    """A published pack whose report item carries a paper that should have been exempt."""
    meeting = arranged_meeting(date=datetime.date(2021, 12, 6))
    report = meeting_services.add_item(
        meeting=meeting, item=AgendaItem(title="PCC Update Report", kind="report")
    )
    meeting_services.add_upload_paper(item=report, title="PCC update", upload=upload("PUBLICTEXT"))
    meeting_services.add_upload_paper(
        item=report, title="Tender scores", upload=upload("MISTAKETEXT")
    )
    exempt = exempt_item(meeting)
    meeting_services.add_upload_paper(item=exempt, title="Evaluation", upload=upload("SECRETTEXT"))
    run_on_commit(packs.publish_pack, meeting=meeting, by=panel_secretary, note="Agenda published")
    meeting.refresh_from_db()
    return meeting


@pytest.mark.django_db
def test_a_withdrawn_pack_answers_gone_at_every_public_pdf_url_and_members_keep_theirs(
    client, meeting, panel_secretary, sitting_member
):
    urls = [
        f"{MEETING}pack.pdf",
        f"{MEETING}pack/v1.pdf",
        _paper_url(_paper("PCC update", 1)),
        _paper_url(_paper("Tender scores", 1)),
    ]
    assert [client.get(url).status_code for url in urls] == [200, 200, 200, 200]

    withdrawal = publishing.withdraw(
        obj=meeting.pack, by=panel_secretary, reason="Published before the agenda was agreed"
    )
    for url in urls:
        response = client.get(url)
        assert response.status_code == 410, url
        body = response.content.decode()
        notice = withdrawals.notice(withdrawal) + "Published before the agenda was agreed"
        assert notice in body, url
    page = client.get(MEETING).content.decode()
    assert "The agenda pack was withdrawn on" in page
    assert "Published before the agenda was agreed" in page
    assert "pack.pdf" not in page and "/papers/" not in page
    assert "0 results" in searching.found(client, "PUBLICTEXT")

    client.force_login(sitting_member)  # the members' pack is not the public site
    assert client.get(f"{MEETING}members-pack.pdf").status_code == 200
    assert client.get(f"{MEETING}members-pack/v1.pdf").status_code == 200


@pytest.mark.django_db
def test_withdrawing_a_paper_takes_it_out_of_the_public_pack_and_the_members_keep_it(
    client, meeting, panel_secretary, sitting_member, run_on_commit
):
    mistake, kept = _paper("Tender scores", 1), _paper("PCC update", 1)
    assert "MISTAKETEXT" in pdf_text(client.get(f"{MEETING}pack.pdf"))

    run_on_commit(
        packs.withdraw_paper,
        paper=mistake,
        by=panel_secretary,
        reason="An exempt paper published by mistake",
    )

    # Every URL of the first version answers 410 with the notice, the paper's own first.
    paper_withdrawal = PaperWithdrawal.objects.get()
    gone = client.get(_paper_url(mistake))
    assert gone.status_code == 410
    assert "Tender scores" in gone.content.decode()
    assert withdrawals.notice(paper_withdrawal) + "An exempt paper published by mistake" in (
        gone.content.decode()
    )
    for url in (f"{MEETING}pack/v1.pdf", _paper_url(kept)):
        response = client.get(url)
        assert response.status_code == 410, url
        assert "“Tender scores” withdrawn from the pack" in response.content.decode()

    # Version 2 is the published agenda without the paper; its own URL answers 410 too.
    assert meeting.pack.live_version().number == 2
    public = pdf_text(client.get(f"{MEETING}pack.pdf"))
    assert "PUBLICTEXT" in public and "MISTAKETEXT" not in public and "SECRETTEXT" not in public
    assert "Tender scores: withdrawn, not published" in public
    withheld = _paper("Tender scores", 2)
    assert withheld.withheld
    assert client.get(_paper_url(withheld)).status_code == 410
    assert client.get(_paper_url(_paper("PCC update", 2))).status_code == 200

    page = client.get(MEETING).content.decode()
    assert "Papers withdrawn from the public pack" in page
    assert "An exempt paper published by mistake" in page
    assert _paper_url(withheld) not in page and _paper_url(_paper("PCC update", 2)) in page
    assert "0 results" in searching.found(client, "MISTAKETEXT")
    assert meeting.get_absolute_url() in searching.found(client, "PUBLICTEXT")

    client.force_login(sitting_member)
    members = pdf_text(client.get(f"{MEETING}members-pack.pdf"))
    assert "MISTAKETEXT" in members and "SECRETTEXT" in members
    assert client.get(_paper_url(withheld)).status_code == 200


@pytest.mark.django_db
def test_a_pack_published_again_from_the_agenda_never_carries_a_withdrawn_paper(
    client, meeting, panel_secretary, run_on_commit
):
    run_on_commit(
        packs.withdraw_paper,
        paper=_paper("Tender scores", 1),
        by=panel_secretary,
        reason="Published by mistake",
    )
    # The draft agenda still has the paper: publishing it again must not release it.
    run_on_commit(packs.publish_pack, meeting=meeting, by=panel_secretary, note="Late paper")
    assert meeting.pack.live_version().number == 3
    assert _paper("Tender scores", 3).withheld
    public = pdf_text(client.get(f"{MEETING}pack.pdf"))
    assert "MISTAKETEXT" not in public and "PUBLICTEXT" in public


@pytest.mark.django_db
def test_only_a_paper_of_a_public_pack_can_be_withdrawn_and_a_reason_is_needed(
    meeting, panel_secretary, run_on_commit
):
    mistake = _paper("Tender scores", 1)
    with pytest.raises(NothingToPublish):
        packs.withdraw_paper(paper=mistake, by=panel_secretary, reason="  ")
    with pytest.raises(InvalidTransition):  # exempt: never in the public pack
        packs.withdraw_paper(
            paper=_paper("Evaluation", 1), by=panel_secretary, reason="Not public anyway"
        )
    run_on_commit(packs.withdraw_paper, paper=mistake, by=panel_secretary, reason="Mistake")
    with pytest.raises(InvalidTransition):
        packs.withdraw_paper(paper=_paper("Tender scores", 2), by=panel_secretary, reason="Again")


@pytest.mark.django_db
def test_a_paper_cannot_be_withdrawn_while_a_pack_is_being_built(meeting, panel_secretary):
    packs.publish_pack(meeting=meeting, by=panel_secretary, note="Version 2")  # not built yet
    with pytest.raises(packs.PackInProgress):
        packs.withdraw_paper(
            paper=_paper("Tender scores", 1), by=panel_secretary, reason="Published by mistake"
        )


@pytest.mark.django_db
def test_staff_withdraw_a_paper_and_the_whole_pack_from_the_meeting_page(
    client, meeting, panel_secretary, django_capture_on_commit_callbacks
):
    client.force_login(panel_secretary)
    reauthenticate(client)
    manage = reverse("panel_manage:meeting", kwargs={"pk": meeting.pk})
    page = client.get(manage).content.decode()
    mistake = _paper("Tender scores", 1)
    url = reverse("panel_manage:pack_paper_withdraw", kwargs={"pk": mistake.pk})
    assert url in page
    assert "Withdraw the whole pack from the public site" in page
    assert "Evaluation" not in page.split('id="public-papers"')[1].split("</table>")[0]

    form = client.get(url).content.decode()
    assert "Withdraw “Tender scores” from the public site" in form
    assert "pack keeps the paper" in form

    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    body = response.content.decode()
    field = body.split('id="id_reason"')[0].rsplit('class="govuk-form-group', 1)[1]
    assert "Say why it is being withdrawn" in field and "govuk-error-message" in field
    assert meeting.pack.live_version().number == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "An exempt paper published by mistake"})
    assert response.status_code == 302 and response["Location"] == manage
    page = client.get(manage).content.decode()
    assert "was withdrawn from the public pack" in page
    assert "Papers withdrawn from the public pack" in page
    assert PackBuild.objects.get(version__number=2).status == PackBuild.Status.READY


@pytest.mark.django_db
def test_a_paper_withdrawn_from_another_tab_is_refused_in_words(
    client, meeting, panel_secretary, django_capture_on_commit_callbacks
):
    client.force_login(panel_secretary)
    reauthenticate(client)
    url = reverse("panel_manage:pack_paper_withdraw", kwargs={"pk": _paper("Tender scores", 1).pk})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"reason": "Published by mistake"}).status_code == 302
    response = client.post(url, {"reason": "Published by mistake, said again"})
    assert response.status_code == 400
    body = response.content.decode()
    field = body.split('id="id_reason"')[0].rsplit('class="govuk-form-group', 1)[1]
    assert "“Tender scores” was already withdrawn from the public pack" in field
    assert "Published by mistake, said again" in body
    assert PaperWithdrawal.objects.count() == 1


@pytest.mark.django_db
def test_withdrawing_a_paper_needs_the_permission_to_publish_packs(client, meeting, editor):
    client.force_login(editor)
    url = reverse("panel_manage:pack_paper_withdraw", kwargs={"pk": _paper("Tender scores", 1).pk})
    assert client.post(url, {"reason": "x"}).status_code == 403
    assert not PaperWithdrawal.objects.exists()


class TestPackPaperWithdrawAccess(AccessRule):
    url_name = "panel_manage:pack_paper_withdraw"
    access = "panel.publish_agendapack"

    def make_url_kwargs(self):
        published_meeting()
        return {"pk": PackPaper.objects.public().get(title="PCC update").pk}
