"""Content pages: staff write, preview and publish them; the public reads the published version."""

import pytest
from django.urls import reverse

from pcc_portal.pages.models import ContentPage
from pcc_portal.publications.models import RenderJob, Version
from tests.access import AccessRule, PublishAction, published
from tests.accounts.factories import reauthenticate
from tests.pages.factories import ContentPageFactory
from tests.publications.renders import render_job


def _page_kwargs():
    return {"pk": ContentPageFactory(slug="about").pk}


def _published_page(slug="about"):
    return published(ContentPageFactory(slug=slug))


class TestPublicPageAccess(AccessRule):
    url_names = ("pages:detail", "pages:pdf")

    def make_url_kwargs(self):
        return {"slug": _published_page().slug}


class TestPublicPageVersionPdfAccess(AccessRule):
    url_name = "pages:version_pdf"

    def make_url_kwargs(self):
        return {"slug": _published_page().slug, "number": 1}


class TestManagePageListAccess(AccessRule):
    url_name = "pages_manage:list"
    access = "pages.view_contentpage"


class TestManagePageCreateAccess(AccessRule):
    url_name = "pages_manage:create"
    access = "pages.add_contentpage"


class TestManagePageDetailAccess(AccessRule):
    url_name = "pages_manage:detail"
    access = "pages.view_contentpage"

    def make_url_kwargs(self):
        return _page_kwargs()


class TestManagePageEditAccess(TestManagePageDetailAccess):
    url_name = "pages_manage:edit"
    access = "pages.change_contentpage"


class TestManagePagePublishAccess(PublishAction, TestManagePageDetailAccess):
    url_name = "pages_manage:publish"
    access = "pages.publish_contentpage"


@pytest.mark.django_db
def test_an_editor_creates_previews_and_publishes_a_page(
    client, editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    reauthenticate(client)
    response = client.post(
        reverse("pages_manage:create"),
        {
            "title": "Roles and responsibilities",
            "slug": "roles-and-responsibilities",
            "summary": "Who does what in policing governance in Lancashire.",
            "body": "## The Commissioner\n\nSets the plan.\n\n<script>alert(1)</script>",
        },
    )
    page = ContentPage.objects.get(slug="roles-and-responsibilities")
    assert response.status_code == 302
    assert response["Location"] == reverse("pages_manage:detail", kwargs={"pk": page.pk})

    preview = client.get(response["Location"]).content.decode()
    assert "Sets the plan." in preview
    assert "<script>alert(1)" not in preview
    assert "Not published yet" in preview
    assert client.get("/pages/roles-and-responsibilities/").status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("pages_manage:publish", kwargs={"pk": page.pk}),
            {"change_note": "First publication", "confirm": "on"},
        )
    assert response.status_code == 302
    public = client.get("/pages/roles-and-responsibilities/").content.decode()
    assert "Sets the plan." in public
    assert "First publication" in public
    pdf = client.get("/pages/roles-and-responsibilities.pdf")
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db
def test_invalid_page_form_keeps_what_was_typed_and_shows_errors(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("pages_manage:create"),
        {"title": "", "slug": "not a slug!", "summary": "Kept summary", "body": "Kept body text"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page
    assert "Kept summary" in page and "Kept body text" in page
    assert "<title>Error:" in page
    assert not ContentPage.objects.exists()


@pytest.mark.django_db
def test_publishing_without_a_change_note_is_refused_with_the_error_beside_it(client, editor):
    client.force_login(editor)
    reauthenticate(client)
    page = ContentPageFactory(slug="about")
    response = client.post(reverse("pages_manage:publish", kwargs={"pk": page.pk}), {})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert not Version.objects.exists()


@pytest.mark.django_db
def test_a_dead_render_shows_its_error_and_a_retry_button(client, editor):
    from django.utils import timezone

    page = ContentPageFactory(slug="about")
    render_job(
        page,
        by=editor,
        status=RenderJob.Status.DEAD,
        version_status=Version.Status.FAILED,
        attempts=4,
        error="RuntimeError: fonts missing",
        finished_at=timezone.now(),
    )
    client.force_login(editor)
    page_html = client.get(reverse("pages_manage:detail", kwargs={"pk": page.pk})).content.decode()
    assert "RuntimeError: fonts missing" in page_html
    assert "Try rendering the PDF again" in page_html
    dashboard = client.get(reverse("manage:dashboard")).content.decode()
    assert "RuntimeError: fonts missing" in dashboard


@pytest.mark.django_db
def test_the_accessibility_statement_is_the_published_page_when_there_is_one(client):
    default = client.get("/accessibility/").content.decode()
    assert "Accessibility statement" in default
    page = _published_page(slug="accessibility")
    page.body = "never published draft"
    page.save()
    published = client.get("/accessibility/").content.decode()
    assert page.title in published
    assert "never published draft" not in published


@pytest.mark.django_db
def test_page_history_records_who_changed_what(editor):
    page = ContentPageFactory(slug="about")
    page.title = "About the Police and Crime Commissioner"
    page.save()
    latest, previous = page.history.all()[:2]
    delta = latest.diff_against(previous)
    assert [change.field for change in delta.changes] == ["title"]
