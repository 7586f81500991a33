"""Publishing freezes numbered versions; the public sees the latest ready one."""

import hashlib

import pikepdf
import pytest

from pcc_portal.pages.models import ContentPage
from pcc_portal.publications import services
from pcc_portal.publications.models import RenderJob, Version


@pytest.mark.django_db
def test_publishing_freezes_a_ready_version_with_its_pdf(page, editor, publish):
    version = publish(page, editor, "First publication")
    assert version.number == 1
    assert version.status == Version.Status.READY
    assert version.published_by == editor
    assert version.change_note == "First publication"
    assert version.title == "About the Commissioner"
    assert "The Commissioner sets the police and crime plan" in version.html
    content = version.pdf.read()
    assert hashlib.sha256(content).hexdigest() == version.sha256
    assert version.page_count == 1
    assert version.render_job.status == RenderJob.Status.SUCCEEDED


@pytest.mark.django_db
def test_draft_edits_change_nothing_public_until_republished(client, page, editor, publish):
    publish(page, editor)
    page.body = "## The role\n\nA sentence only staff have seen so far."
    page.save()
    response = client.get("/pages/about/")
    assert "only staff have seen" not in response.content.decode()
    assert "The Commissioner sets the police and crime plan" in response.content.decode()

    publish(page, editor, "Rewrote the role")
    response = client.get("/pages/about/")
    assert "only staff have seen" in response.content.decode()
    assert "Rewrote the role" in response.content.decode()


@pytest.mark.django_db
def test_version_numbers_follow_on(page, editor, publish):
    numbers = [publish(page, editor, f"Change {n}").number for n in range(3)]
    assert numbers == [1, 2, 3]


@pytest.mark.django_db
def test_a_change_note_is_required(page, editor):
    with pytest.raises(services.NothingToPublish):
        services.publish(obj=page, by=editor, note="  ")
    assert not Version.objects.exists()


@pytest.mark.django_db
def test_the_pdf_is_queued_only_after_commit(page, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        version = services.publish(obj=page, by=editor, note="First")
    assert len(callbacks) == 1
    assert Version.objects.get(pk=version.pk).status == Version.Status.RENDERING
    assert not page.live_version()


@pytest.mark.django_db
def test_unpublished_pages_are_not_public(client, page):
    assert client.get("/pages/about/").status_code == 404
    assert client.get("/pages/about.pdf").status_code == 404
    assert ContentPage.objects.public().count() == 0


@pytest.mark.django_db
def test_the_public_pdf_is_the_frozen_one_and_earlier_versions_stay_downloadable(
    client, page, editor, publish
):
    first = publish(page, editor, "First")
    page.title = "About the Police and Crime Commissioner"
    page.save()
    second = publish(page, editor, "Renamed")
    latest = client.get("/pages/about.pdf")
    assert latest["Content-Type"] == "application/pdf"
    assert b"".join(latest.streaming_content) == second.pdf.open("rb").read()
    earlier = client.get("/pages/about/versions/1.pdf")
    assert b"".join(earlier.streaming_content) == first.pdf.open("rb").read()
    assert client.get("/pages/about/versions/9.pdf").status_code == 404


@pytest.mark.django_db
def test_the_pdf_is_tagged_with_language_title_and_bookmarks(page, editor, publish):
    version = publish(page, editor)
    with pikepdf.open(version.pdf.open("rb")) as document:
        assert document.Root.MarkInfo.Marked is True
        assert str(document.Root.Lang) == "en-GB"
        assert str(document.docinfo.Title) == "About the Commissioner"
        assert document.Root.ViewerPreferences.DisplayDocTitle is True
        assert "/StructTreeRoot" in document.Root
        with document.open_outline() as outline:
            titles = [item.title for item in outline.root]
        assert "About the Commissioner" in titles
