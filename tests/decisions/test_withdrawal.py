"""A published decision withdrawn from the public site stays withdrawn: its notice, PDF and
documents answer 410 Gone with the reason, every list and search drops it, it is never offered
as an agenda pack's paper, and a pack that carried it is rebuilt without it."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from decisions.models import DecisionAttachment
from panel.forms import PublicationPaperForm
from panel.models import AgendaItem, PackPaper, PaperWithdrawal
from panel.services import meetings as meeting_services
from panel.services import packs
from pcc_portal.publications import services as publishing
from pcc_portal.publications.models import Version
from pcc_portal.publications.services import NothingToPublish
from tests import searching
from tests.decisions.conftest import pdf_bytes
from tests.decisions.factories import DecisionFactory
from tests.panel.factories import MemberFactory
from tests.panel.helpers import arranged_meeting
from tests.pdfs import pdf_text

SUMMARY = "Zqxgrants4471 partnerships receive the funding."
MEETING = "/panel/meetings/2021-12-06/"


@pytest.fixture
def decision(sign, publish_decision):
    decision = sign(
        decision=DecisionFactory(title="Community Safety Grants", executive_summary=SUMMARY)
    )
    DecisionAttachment.objects.create(
        decision=decision,
        title="Business case",
        file=SimpleUploadedFile("case.pdf", pdf_bytes("Business case"), "application/pdf"),
    )
    publish_decision(decision)
    return decision


def _urls(decision):
    year, number = decision.financial_year, decision.number
    attachment = decision.attachments.get()
    return [
        decision.get_absolute_url(),
        reverse("decisions:pdf", kwargs={"year": year, "number": number}),
        reverse(
            "decisions:attachment", kwargs={"year": year, "number": number, "pk": attachment.pk}
        ),
    ]


@pytest.mark.django_db
def test_a_withdrawn_decision_answers_gone_and_leaves_every_list_feed_and_search(
    client, decision, editor
):
    assert [client.get(url).status_code for url in _urls(decision)] == [200, 200, 200]
    assert decision.get_absolute_url() in searching.found(client, "Zqxgrants4471")

    publishing.withdraw(obj=decision, by=editor, reason="Signed under the wrong delegation")
    for url in _urls(decision):
        response = client.get(url)
        assert response.status_code == 410, url
        body = response.content.decode()
        assert "Community Safety Grants" in body and "Signed under the wrong delegation" in body
        assert "Zqxgrants4471" not in body
    url = decision.get_absolute_url()
    for channel in (
        "/decisions/",
        "/decisions.csv",
        "/decisions.json",
        "/decisions/feed/",
        "/alerts/decisions/feed/",
        "/sitemap.xml",
    ):
        response = client.get(channel)
        assert response.status_code == 200, channel
        body = response.getvalue().decode()
        assert url not in body and "Zqxgrants4471" not in body, channel
    assert "0 results" in searching.found(client, "Zqxgrants4471")


@pytest.mark.django_db
def test_publishing_a_withdrawn_decision_again_is_a_new_version_and_the_old_stays_withdrawn(
    client, decision, editor, publish_decision
):
    first = decision.live_version()
    publishing.withdraw(obj=decision, by=editor, reason="The wrong figures")
    second = publish_decision(decision, note="Corrected the figures")
    assert client.get(decision.get_absolute_url()).status_code == 200
    assert decision.live_version() == second and second.number == 2
    assert first.withdrawal() is not None
    assert list(Version.objects.public().filter(object_id=decision.pk)) == [second]
    feed = client.get("/alerts/decisions/feed/").content.decode()
    assert f"version-{second.pk}" in feed and f"version-{first.pk}" not in feed


@pytest.fixture
def agenda_item(db):
    meeting = arranged_meeting(date=datetime.date(2021, 12, 6))
    return meeting_services.add_item(
        meeting=meeting, item=AgendaItem(title="Decisions of the Commissioner", kind="report")
    )


@pytest.mark.django_db
def test_a_withdrawn_decision_is_never_offered_as_a_paper_nor_added_to_an_agenda(
    client, decision, editor, panel_secretary, agenda_item
):
    version = decision.live_version()
    assert version in PublicationPaperForm().fields["version"].queryset
    publishing.withdraw(obj=decision, by=editor, reason="Signed under the wrong delegation")

    assert version not in PublicationPaperForm().fields["version"].queryset
    with pytest.raises(NothingToPublish):
        meeting_services.add_publication_paper(item=agenda_item, version=version)
    client.force_login(panel_secretary)
    url = reverse("panel_manage:paper_publication", kwargs={"pk": agenda_item.pk})
    response = client.post(url, {"version": version.pk, "title": "", "late": ""})
    assert response.status_code == 400
    assert not agenda_item.papers.exists()


@pytest.mark.django_db
def test_a_decision_withdrawn_after_a_pack_carried_it_leaves_the_public_pack(
    client, decision, editor, panel_secretary, panel_member, agenda_item, run_on_commit
):
    meeting = agenda_item.meeting
    meeting_services.add_publication_paper(item=agenda_item, version=decision.live_version())
    run_on_commit(packs.publish_pack, meeting=meeting, by=panel_secretary, note="Agenda published")
    paper = PackPaper.objects.get(item__build__version__number=1)
    assert "Zqxgrants4471" in pdf_text(client.get(f"{MEETING}pack.pdf"))
    assert client.get(f"{MEETING}papers/{paper.pk}.pdf").status_code == 200

    run_on_commit(
        publishing.withdraw, obj=decision, by=editor, reason="Signed under the wrong delegation"
    )

    gone = client.get(f"{MEETING}papers/{paper.pk}.pdf")
    assert gone.status_code == 410
    assert "Signed under the wrong delegation" in gone.content.decode()
    assert client.get(f"{MEETING}pack/v1.pdf").status_code == 410
    assert meeting.pack.live_version().number == 2
    assert "Zqxgrants4471" not in pdf_text(client.get(f"{MEETING}pack.pdf"))
    assert PaperWithdrawal.objects.get().reason == "Signed under the wrong delegation"
    assert "0 results" in searching.found(client, "Zqxgrants4471")
    assert "Signed under the wrong delegation" in client.get(MEETING).content.decode()

    # Publishing the pack again from the agenda, which still names the version, leaves it out.
    run_on_commit(packs.publish_pack, meeting=meeting, by=panel_secretary, note="Again")
    assert PackPaper.objects.get(item__build__version__number=3).withheld
    assert "Zqxgrants4471" not in pdf_text(client.get(f"{MEETING}pack.pdf"))
    # The members of the meeting's panel (their accounts linked to their membership) keep it.
    MemberFactory(panel=meeting.panel, user=panel_member)
    client.force_login(panel_member)
    assert "Zqxgrants4471" in pdf_text(client.get(f"{MEETING}members-pack.pdf"))


@pytest.mark.django_db
def test_a_pack_frozen_before_its_decision_was_withdrawn_does_not_publish_it(
    client, decision, editor, panel_secretary, agenda_item
):
    meeting = agenda_item.meeting
    meeting_services.add_publication_paper(item=agenda_item, version=decision.live_version())
    version = packs.publish_pack(meeting=meeting, by=panel_secretary, note="Agenda published")
    publishing.withdraw(obj=decision, by=editor, reason="Signed under the wrong delegation")
    packs.start_build(build_id=version.pack_build.pk)  # the build runs after the withdrawal

    assert meeting.pack.live_version() == version
    paper = PackPaper.objects.get(item__build=version.pack_build)
    assert paper.withheld
    assert "Zqxgrants4471" not in pdf_text(client.get(f"{MEETING}pack.pdf"))
    assert client.get(f"{MEETING}papers/{paper.pk}.pdf").status_code == 410
    assert "0 results" in searching.found(client, "Zqxgrants4471")


@pytest.mark.django_db
def test_a_decision_withdrawn_while_its_pack_is_assembled_fails_the_build(
    client, decision, editor, panel_secretary, agenda_item, monkeypatch
):
    meeting = agenda_item.meeting
    meeting_services.add_publication_paper(item=agenda_item, version=decision.live_version())
    version = packs.publish_pack(meeting=meeting, by=panel_secretary, note="Agenda published")
    assemble = packs.assembly.assemble

    def withdraw_meanwhile(*args, **kwargs):
        if not decision.withdrawal():
            publishing.withdraw(obj=decision, by=editor, reason="Signed in error")
        return assemble(*args, **kwargs)

    monkeypatch.setattr(packs.assembly, "assemble", withdraw_meanwhile)
    packs.start_build(build_id=version.pack_build.pk)

    build = version.pack_build
    build.refresh_from_db()
    assert build.status == build.Status.FAILED and "was withdrawn" in build.error
    assert meeting.pack.live_version() is None
    assert client.get(f"{MEETING}pack.pdf").status_code == 404

    monkeypatch.setattr(packs.assembly, "assemble", assemble)
    packs.retry_pack(build=build)
    packs.start_build(build_id=build.pk)
    assert meeting.pack.live_version() == version
    assert "Zqxgrants4471" not in pdf_text(client.get(f"{MEETING}pack.pdf"))


@pytest.mark.django_db
def test_a_decisions_report_published_after_a_withdrawal_does_not_list_the_decision(
    decision, editor, publish
):
    from decisions import services

    report = services.prepare_decisions_report(
        period_start=datetime.date(2000, 1, 1), period_end=datetime.date(2100, 1, 1)
    )
    assert decision in report.decisions()
    publishing.withdraw(obj=decision, by=editor, reason="Signed in error")
    assert decision not in report.decisions()
    version = publish(report, editor)
    assert "Community Safety Grants" not in version.html
