"""Withdrawing takes a published object off the public site; publishing again restores it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from pcc_portal.pages.models import ContentPage
from pcc_portal.publications import services
from pcc_portal.publications.models import InvalidTransition, Version, Withdrawal
from tests.access import AccessRule
from tests.pages.factories import ContentPageFactory


def _withdraw_kwargs():
    from tests.accounts.factories import UserFactory

    page = ContentPageFactory(slug="about")
    services.publish(obj=page, by=UserFactory(username="publisher"), note="First")
    services.run_render_job(job_id=page.versions.get().render_job.pk)
    return {"content_type_id": ContentType.objects.get_for_model(page).pk, "pk": page.pk}


class TestWithdrawAccess(AccessRule):
    url_name = "publications_manage:withdraw"
    access = "pages.publish_contentpage"
    method = "post"
    data = {"reason": "Out of date"}
    allowed_status = (302,)

    def make_url_kwargs(self):
        return _withdraw_kwargs()


@pytest.mark.django_db
def test_a_withdrawn_page_leaves_the_public_site_but_keeps_its_versions(
    client, page, editor, publish
):
    publish(page, editor)
    services.withdraw(obj=page, by=editor, reason="The role description is out of date")
    assert client.get("/pages/about/").status_code == 404
    assert client.get("/pages/about.pdf").status_code == 404
    assert client.get("/pages/about/versions/1.pdf").status_code == 404
    assert not ContentPage.objects.public().exists()
    assert page.live_version() is None
    assert Version.objects.for_object(page).ready().count() == 1


@pytest.mark.django_db
def test_publishing_again_reinstates_a_withdrawn_page(client, page, editor, publish):
    publish(page, editor)
    services.withdraw(obj=page, by=editor, reason="Out of date")
    publish(page, editor, "Brought up to date")
    assert client.get("/pages/about/").status_code == 200
    assert Withdrawal.objects.get().reinstated_at is not None
    assert page.live_version().number == 2


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
