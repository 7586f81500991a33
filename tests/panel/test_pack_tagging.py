"""A pack claims PDF/UA only when every part of it is tagged, each of the two packs on its own,
and the secretary's meeting page names the papers that stop a pack being accessible."""

import io

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from panel.models import AgendaItem, PackBuild
from panel.services import meetings as meeting_services
from panel.services import packs
from tests.panel.helpers import arranged_meeting, exempt_item, pdf_bytes
from tests.pdfs import stored_bytes
from tests.publications.hostile_pdfs import tagged_pdf

pytestmark = pytest.mark.django_db

NOT_ACCESSIBLE = "Not tagged, so the pack is not fully accessible: "


def _upload(data):
    return SimpleUploadedFile("appendix.pdf", data, "application/pdf")


def _claims(data):
    """(MarkInfo /Marked, the XMP PDF/UA part) of a PDF."""
    with pikepdf.open(io.BytesIO(data)) as document:
        mark_info = document.Root.get("/MarkInfo")
        marked = bool(mark_info.get("/Marked", False)) if mark_info is not None else False
        return marked, document.open_metadata().get("pdfuaid:part")


def _meeting_with(public_papers, exempt_papers=()):
    meeting = arranged_meeting()
    item = meeting_services.add_item(
        meeting=meeting, item=AgendaItem(title="Force performance", kind="report")
    )
    for title, data in public_papers:
        meeting_services.add_upload_paper(item=item, title=title, upload=_upload(data))
    if exempt_papers:
        exempt = exempt_item(meeting)
        for title, data in exempt_papers:
            meeting_services.add_upload_paper(item=exempt, title=title, upload=_upload(data))
    return meeting


def _publish(run_on_commit, meeting, user):
    version = run_on_commit(packs.publish_pack, meeting=meeting, by=user, note="First")
    version.refresh_from_db()
    build = version.pack_build
    assert build.status == PackBuild.Status.READY, build.error
    return stored_bytes(version.pdf), stored_bytes(build.members_pdf), build


def _staff_page(client, user, meeting):
    client.force_login(user)
    url = reverse("panel_manage:meeting", kwargs={"pk": meeting.pk})
    return " ".join(client.get(url).content.decode().split())


def test_a_pack_with_an_untagged_paper_does_not_claim_pdf_ua(
    client, panel_secretary, run_on_commit
):
    meeting = _meeting_with(
        [("Tagged appendix", tagged_pdf("TAGGED")), ("Scanned appendix", pdf_bytes("SCANNED"))]
    )

    public, members, build = _publish(run_on_commit, meeting, panel_secretary)

    assert _claims(public) == (False, None)
    assert _claims(members) == (False, None)
    assert not build.tagged and not build.members_tagged
    page = _staff_page(client, panel_secretary, meeting)
    assert page.count(NOT_ACCESSIBLE + "Scanned appendix.") == 2  # the public and members' pack
    assert "Tagged throughout" not in page


def test_an_untagged_exempt_paper_stops_only_the_members_pack_claiming_pdf_ua(
    client, panel_secretary, run_on_commit
):
    meeting = _meeting_with(
        [("Tagged appendix", tagged_pdf("TAGGED"))],
        exempt_papers=[("Tender scores", pdf_bytes("SECRETSCAN"))],
    )

    public, members, build = _publish(run_on_commit, meeting, panel_secretary)

    assert _claims(public) == (True, "1")
    assert _claims(members) == (False, None)
    assert build.tagged and not build.members_tagged
    page = _staff_page(client, panel_secretary, meeting)
    assert "Tagged throughout." in page
    assert page.count(NOT_ACCESSIBLE) == 1
    assert "Members' pack:" in page.split(NOT_ACCESSIBLE + "Tender scores.")[0]


def test_a_pack_tagged_throughout_claims_pdf_ua(client, panel_secretary, run_on_commit):
    meeting = _meeting_with(
        [("Tagged appendix", tagged_pdf("TAGGED"))],
        exempt_papers=[("Tender scores", tagged_pdf("SECRET"))],
    )

    public, members, build = _publish(run_on_commit, meeting, panel_secretary)

    assert _claims(public) == (True, "1")
    assert _claims(members) == (True, "1")
    assert build.tagged and build.members_tagged
    assert NOT_ACCESSIBLE not in _staff_page(client, panel_secretary, meeting)
