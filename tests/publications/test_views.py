"""Staff views shared by every publishing app: a render job's live state and its retry."""

from unittest import mock

import pytest
from django.urls import reverse

from pcc_portal.publications import services
from pcc_portal.publications.models import RenderJob
from tests.access import AccessRule
from tests.pages.factories import ContentPageFactory


def _job(dead=False):
    from tests.accounts.factories import UserFactory

    page = ContentPageFactory(slug="about")
    version = services.publish(obj=page, by=UserFactory(username="publisher"), note="First")
    job = version.render_job
    if dead:
        RenderJob.objects.filter(pk=job.pk).update(
            status=RenderJob.Status.DEAD, attempts=4, error="RuntimeError: boom"
        )
    return job


class TestJobStatusAccess(AccessRule):
    url_name = "publications_manage:job_status"
    access = "publications.view_renderjob"

    def make_url_kwargs(self):
        return {"pk": _job().pk}


class TestRetryJobAccess(AccessRule):
    url_name = "publications_manage:retry_job"
    access = "publications.change_renderjob"
    method = "post"
    allowed_status = (302,)

    def make_url_kwargs(self):
        return {"pk": _job(dead=True).pk}


@pytest.mark.django_db
def test_job_status_reports_state_attempts_and_error(client, editor):
    job = _job(dead=True)
    client.force_login(editor)
    data = client.get(reverse("publications_manage:job_status", kwargs={"pk": job.pk})).json()
    html = data.pop("html")  # the status box, shown in place by render-status.js
    assert data == {
        "status": "dead",
        "label": "Failed",
        "finished": True,
        "attempts": 4,
        "error": "RuntimeError: boom",
    }
    assert "RuntimeError: boom" in html


@pytest.mark.django_db
def test_retry_requeues_and_returns_to_the_page(client, editor, django_capture_on_commit_callbacks):
    job = _job(dead=True)
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("publications_manage:retry_job", kwargs={"pk": job.pk}),
            {"next": "/manage/pages/"},
        )
    assert response["Location"] == "/manage/pages/"
    job.refresh_from_db()
    assert job.status == RenderJob.Status.SUCCEEDED


@pytest.mark.django_db
def test_retry_will_not_redirect_off_site(client, editor):
    job = _job(dead=True)
    client.force_login(editor)
    with mock.patch("pcc_portal.publications.services._send_after_commit"):
        response = client.post(
            reverse("publications_manage:retry_job", kwargs={"pk": job.pk}),
            {"next": "https://evil.example/"},
        )
    assert response["Location"] == reverse("manage:dashboard")


@pytest.mark.django_db
def test_a_refused_retry_is_a_message_on_the_page_not_a_server_error(client, editor):
    job = _job()  # rendered at once in the tests: nothing to retry
    job.refresh_from_db()
    client.force_login(editor)
    with mock.patch("pcc_portal.publications.services._send_after_commit") as send:
        response = client.post(
            reverse("publications_manage:retry_job", kwargs={"pk": job.pk}),
            {"next": "/manage/pages/"},
            follow=True,
        )
    assert response.redirect_chain == [("/manage/pages/", 302)]
    shown = [str(message) for message in response.context["messages"]]
    assert shown == [f"{job} is {job.get_status_display().lower()}; nothing to retry."]
    send.assert_not_called()
