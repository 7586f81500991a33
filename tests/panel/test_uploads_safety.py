"""Uploaded papers are cleaned once, on upload: the file as it came stays private, and the public
paper, the public pack and the members' pack carry none of its active content, with its text and
tags intact."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from panel.models import AgendaItem, PackBuild, PackPaper, Paper, PaperRender
from panel.services import meetings as meeting_services
from panel.services import packs
from tests.panel.helpers import arranged_meeting, exempt_item
from tests.pdfs import pdf_text, stored_bytes
from tests.publications.hostile_pdfs import (
    KEPT_LINKS,
    KINDS,
    active_content,
    every_hostile_thing,
    hostile_pdf,
    links,
    structure_elements,
)

pytestmark = pytest.mark.django_db


def _upload(data, name="appendix.pdf"):
    return SimpleUploadedFile(name, data, "application/pdf")


@pytest.mark.parametrize("kind", list(KINDS))
def test_an_upload_is_kept_as_it_came_and_served_cleaned(kind):
    item = arranged_meeting().items.first()
    planted = hostile_pdf(kind, marker=f"KIND{kind}")

    paper = meeting_services.add_upload_paper(item=item, title="Appendix", upload=_upload(planted))

    paper.refresh_from_db()
    assert stored_bytes(paper.original_upload) == planted
    served = stored_bytes(paper.upload)
    assert active_content(served) == []
    assert KINDS[kind][0] in paper.upload_removed
    assert paper.upload_tagged and paper.upload_page_count == 2
    assert structure_elements(served) == structure_elements(planted)
    assert paper.upload.name != paper.original_upload.name


@pytest.fixture
def hostile_meeting(panel_secretary, run_on_commit):
    """A meeting whose public item has one uploaded paper for each kind of active content and
    whose exempt item has a paper with all of them, its pack published and built."""
    meeting = arranged_meeting()
    public = meeting_services.add_item(
        meeting=meeting, item=AgendaItem(title="Appendices from the force", kind="report")
    )
    for number, kind in enumerate(KINDS):
        meeting_services.add_upload_paper(
            item=public,
            title=f"Appendix {number}: {kind}",
            upload=_upload(hostile_pdf(kind, marker=f"PUBLIC{number}")),
        )
    exempt = exempt_item(meeting)
    meeting_services.add_upload_paper(
        item=exempt, title="Tender scores", upload=_upload(every_hostile_thing("SECRET"))
    )
    version = run_on_commit(packs.publish_pack, meeting=meeting, by=panel_secretary, note="v1")
    version.refresh_from_db()
    assert version.pack_build.status == PackBuild.Status.READY, version.pack_build.error
    return meeting, version


def test_the_public_papers_carry_no_active_content(client, hostile_meeting):
    meeting, version = hostile_meeting
    papers = PackPaper.objects.filter(item__build=version.pack_build, item__exempt=False)
    assert papers.count() == len(KINDS)
    for paper in papers:
        response = client.get(paper.get_absolute_url())
        assert response.status_code == 200
        served = b"".join(response.streaming_content)
        assert active_content(served) == [], paper.title
        number = re.match(r"Appendix (\d+)", paper.title).group(1)
        assert f"PUBLIC{number} first page" in pdf_text(served)
        assert structure_elements(served) > 0
        assert {*KEPT_LINKS, "internal"} <= set(links(served))


def test_neither_pack_carries_active_content(client, hostile_meeting, panel_secretary):
    meeting, version = hostile_meeting
    build = version.pack_build
    public = b"".join(client.get(reverse("panel:pack_pdf", args=[meeting.date])).streaming_content)
    members = stored_bytes(build.members_pdf)
    for pack in (public, members):
        assert active_content(pack) == []
        text = pdf_text(pack)
        assert all(f"PUBLIC{number} ends here" in text for number in range(len(KINDS)))
        assert KEPT_LINKS[0] in links(pack)
    assert "SECRET first page" in pdf_text(members)
    assert "SECRET" not in pdf_text(public)
    # Every part was tagged, and cleaning kept the tags: both packs are tagged throughout.
    assert build.tagged and build.members_tagged
    for pack in (public, members):
        assert structure_elements(pack) > len(KINDS) * 5
    # The packs were made from the cleaned files, never from the originals.
    originals = set(Paper.objects.values_list("original_upload", flat=True))
    used = set(
        PaperRender.objects.filter(pack_papers__item__build=build).values_list("pdf", flat=True)
    )
    assert len(originals) == len(KINDS) + 1 and not originals & used


def test_uploading_on_the_staff_page_says_what_was_removed(client, panel_secretary):
    meeting = arranged_meeting()
    item = meeting.items.first()
    client.force_login(panel_secretary)

    response = client.post(
        reverse("panel_manage:paper_upload", kwargs={"pk": item.pk}),
        {"title": "Appendix A", "file": _upload(every_hostile_thing("STAFF"))},
        follow=True,
    )

    page = response.content.decode()
    assert "“Appendix A” was uploaded. Removed from the uploaded file: JavaScript," in page
    assert "an embedded file (invoice.exe)" in page
    paper = Paper.objects.get()
    assert active_content(stored_bytes(paper.upload)) == []
    # The agenda on the meeting page keeps saying it, after the message has gone.
    page = client.get(reverse("panel_manage:meeting", kwargs={"pk": meeting.pk})).content.decode()
    assert "Removed from the uploaded file: JavaScript" in page
    assert "a javascript: link" in page


def test_papers_uploaded_before_cleaning_are_cleaned_by_the_migration():
    from importlib import import_module

    from django.apps import apps
    from django.core.files.base import ContentFile

    migration = import_module("panel.migrations.0006_paper_original_upload")
    item = arranged_meeting().items.first()
    planted = every_hostile_thing("OLD")
    paper = Paper(item=item, title="Old appendix", kind=Paper.Kind.UPLOAD, upload_tagged=True)
    paper.upload.save("old.pdf", ContentFile(planted), save=False)
    paper.save()
    # The cached copy an already published pack's paper link serves.
    render = PaperRender.objects.create(
        key="upload-old", title="Old appendix", status="ready", pdf=paper.upload.name, page_count=2
    )

    migration.clean_uploaded_papers(apps, None)

    paper.refresh_from_db()
    render.refresh_from_db()
    assert stored_bytes(paper.original_upload) == planted
    assert active_content(stored_bytes(paper.upload)) == []
    assert "JavaScript" in paper.upload_removed
    assert active_content(stored_bytes(render.pdf)) == []
    assert "OLD first page" in pdf_text(stored_bytes(render.pdf))

    migration.restore_original_uploads(apps, None)

    paper.refresh_from_db()
    assert stored_bytes(paper.upload) == planted
