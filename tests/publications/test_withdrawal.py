"""Withdrawing takes a published object's versions off the public site for good: every URL that
served them answers 410 Gone with the notice; publishing again is a new version."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from pcc_portal.errors import InvalidTransition
from pcc_portal.pages.models import ContentPage
from pcc_portal.publications import services
from pcc_portal.publications.models import Version
from tests.access import AccessRule, PostAction, published
from tests.accounts.factories import reauthenticate
from tests.pages.factories import ContentPageFactory
from tests.publications import withdrawals


def _withdraw_kwargs():
    page = published(ContentPageFactory(slug="about"))
    return {"content_type_id": ContentType.objects.get_for_model(page).pk, "pk": page.pk}


class TestWithdrawAccess(PostAction, AccessRule):
    url_name = "publications_manage:withdraw"
    access = "pages.publish_contentpage"
    data = {"reason": "Out of date"}

    def make_url_kwargs(self):
        return _withdraw_kwargs()


@pytest.mark.django_db
def test_a_withdrawn_page_leaves_the_public_site_but_keeps_its_versions(
    client, page, editor, publish
):
    publish(page, editor)
    withdrawal = services.withdraw(
        obj=page, by=editor, reason="The role description is out of date"
    )
    for url in ("/pages/about/", "/pages/about.pdf", "/pages/about/versions/1.pdf"):
        response = client.get(url)
        assert response.status_code == 410, url
        assert response["Content-Type"].startswith("text/html"), url
        body = response.content.decode()
        assert "About the Commissioner" in body
        assert withdrawals.notice(withdrawal) + "The role description is out of date" in body
        assert "publications/withdrawn.html" in [t.name for t in response.templates]
    assert not ContentPage.objects.public().exists()
    assert list(ContentPage.objects.withdrawn()) == [page]
    assert page.live_version() is None
    assert Version.objects.for_object(page).ready().count() == 1
    assert page.withdrawal() == withdrawal and withdrawal.up_to_number == 1


@pytest.mark.django_db
def test_a_page_never_published_is_not_found_rather_than_gone(client, page):
    assert client.get("/pages/about/").status_code == 404
    assert client.get("/pages/about/versions/1.pdf").status_code == 404


@pytest.mark.django_db
def test_publishing_again_makes_a_new_version_public_and_the_withdrawn_one_stays_gone(
    client, page, editor, publish
):
    # Publishing again no longer reinstates the withdrawn versions: it is a new version with
    # its own change note, and what was withdrawn stays withdrawn (410) for good.
    publish(page, editor)
    withdrawal = services.withdraw(obj=page, by=editor, reason="Out of date")
    page.body = "The corrected description."
    page.save()
    publish(page, editor, "Brought up to date")
    assert client.get("/pages/about/").status_code == 200
    assert client.get("/pages/about/versions/2.pdf").status_code == 200
    old = client.get("/pages/about/versions/1.pdf")
    assert old.status_code == 410
    assert "Out of date" in old.content.decode() and "/pages/about/" in old.content.decode()
    assert page.live_version().number == 2
    assert page.withdrawal() is None  # the object is public again...
    assert list(Version.objects.for_object(page).withdrawn().values_list("number", flat=True)) == [
        1
    ]  # ...and its first version is still withdrawn
    assert Version.objects.get(number=1).withdrawal() == withdrawal
    assert list(Version.objects.for_object(page).public().values_list("number", flat=True)) == [2]


@pytest.mark.django_db
def test_a_version_still_rendering_when_the_object_is_withdrawn_never_goes_public(
    client, page, editor, publish, django_capture_on_commit_callbacks
):
    publish(page, editor)
    rendering = services.publish(obj=page, by=editor, note="Second version")  # not rendered yet
    services.withdraw(obj=page, by=editor, reason="Published in error")
    services.run_render_job(job_id=rendering.render_job.pk)
    rendering.refresh_from_db()
    assert rendering.status == Version.Status.READY
    assert page.live_version() is None
    assert client.get("/pages/about/versions/2.pdf").status_code == 410


@pytest.mark.django_db
def test_withdrawing_up_to_a_version_keeps_the_later_one_public(client, page, editor, publish):
    publish(page, editor)
    publish(page, editor, "Second version")
    services.withdraw(obj=page, by=editor, reason="The first had a mistake", up_to_number=1)
    assert page.live_version().number == 2
    assert client.get("/pages/about/").status_code == 200
    assert client.get("/pages/about/versions/1.pdf").status_code == 410
    with pytest.raises(InvalidTransition):  # nothing public up to 1 is left to withdraw
        services.withdraw(obj=page, by=editor, reason="Again", up_to_number=1)


@pytest.mark.django_db
def test_only_a_public_object_can_be_withdrawn_and_a_reason_is_needed(page, editor, publish):
    with pytest.raises(InvalidTransition):
        services.withdraw(obj=page, by=editor, reason="Never published")
    publish(page, editor)
    with pytest.raises(services.NothingToPublish):
        services.withdraw(obj=page, by=editor, reason=" ")


@pytest.mark.django_db
def test_listeners_hear_of_each_version_going_public_and_each_withdrawal(
    page, editor, publish, settings
):
    heard = []
    settings.PUBLICATION_LISTENERS = ["tests.publications.listener"]
    from tests.publications import listener

    listener.heard = heard
    version = publish(page, editor)
    services.withdraw(obj=page, by=editor, reason="Out of date")
    assert heard == [("index_version", version.pk), ("remove_object", page.pk)]


@pytest.mark.django_db
def test_staff_withdraw_from_the_object_page(client, page, editor, publish):
    publish(page, editor)
    client.force_login(editor)
    reauthenticate(client)
    detail = client.get(reverse("pages_manage:detail", kwargs={"pk": page.pk})).content.decode()
    assert "Withdraw from the public site" in detail
    url = reverse(
        "publications_manage:withdraw",
        kwargs={"content_type_id": ContentType.objects.get_for_model(page).pk, "pk": page.pk},
    )
    response = client.post(url, {"reason": "Out of date"})
    assert response["Location"] == page.get_manage_url()
    detail = client.get(response["Location"]).content.decode()
    assert "Withdrawn" in detail and "Out of date" in detail


@pytest.mark.django_db
def test_withdrawing_needs_the_permission_to_publish_that_kind_of_thing(
    client, page, panel_secretary, publish, editor
):
    publish(page, editor)
    client.force_login(panel_secretary)
    url = reverse(
        "publications_manage:withdraw",
        kwargs={"content_type_id": ContentType.objects.get_for_model(page).pk, "pk": page.pk},
    )
    assert client.post(url, {"reason": "x"}).status_code == 403
    assert page.live_version() is not None


class TestWithdrawPageAccess(AccessRule):
    """The page that asks why, reached from the object's staff page."""

    url_name = "publications_manage:withdraw"
    access = "pages.publish_contentpage"

    def make_url_kwargs(self):
        return _withdraw_kwargs()


def _withdraw_url(obj):
    return reverse(
        "publications_manage:withdraw",
        kwargs={"content_type_id": ContentType.objects.get_for_model(obj).pk, "pk": obj.pk},
    )


@pytest.mark.django_db
def test_an_empty_reason_shows_the_form_again_with_the_error_beside_the_field(
    client, page, editor, publish
):
    publish(page, editor)
    client.force_login(editor)
    reauthenticate(client)
    response = client.post(_withdraw_url(page), {"reason": "   "})
    assert response.status_code == 400
    body = response.content.decode()
    assert "<title>Error: " in body
    assert 'class="govuk-error-summary"' in body
    field = body.split('id="id_reason"')[0].rsplit('class="govuk-form-group', 1)[1]
    assert "govuk-error-message" in field
    assert "Say why it is being withdrawn" in field
    assert page.live_version() is not None


@pytest.mark.django_db
def test_the_withdraw_page_says_what_happens_and_marks_withdrawn_versions(
    client, page, editor, publish
):
    publish(page, editor)
    client.force_login(editor)
    reauthenticate(client)
    body = client.get(_withdraw_url(page)).content.decode()
    assert "Withdraw “About the Commissioner” from the public site" in body
    assert "cannot be undone" in body
    client.post(_withdraw_url(page), {"reason": "Out of date"})
    detail = client.get(page.get_manage_url()).content.decode()
    versions = detail.split("Versions</caption>")[1]
    assert 'govuk-tag--red">Withdrawn' in versions
