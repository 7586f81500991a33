"""Render jobs are idempotent, retried with backoff up to a cap, then dead; never lost."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications import services
from pcc_portal.publications.models import RenderJob, Version


def _queued(page, editor, django_capture_on_commit_callbacks, note="First"):
    with django_capture_on_commit_callbacks(execute=False):
        version = services.publish(obj=page, by=editor, note=note)
    return version.render_job


def _claimed(job, *, attempts=1, heartbeat_minutes_ago=0):
    """``job`` as a worker that claimed it leaves it: running, its heartbeat given minutes ago."""
    RenderJob.objects.filter(pk=job.pk).update(
        status=RenderJob.Status.RUNNING,
        attempts=attempts,
        heartbeat_at=timezone.now() - timedelta(minutes=heartbeat_minutes_ago),
    )


@pytest.mark.django_db
def test_running_the_same_job_ten_times_gives_one_pdf(
    page, editor, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    job = _queued(page, editor, django_capture_on_commit_callbacks)
    for _ in range(10):
        services.run_render_job(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == RenderJob.Status.SUCCEEDED
    assert job.attempts == 1
    assert len(list((tmp_path / "publications").iterdir())) == 1


@pytest.mark.django_db
def test_queuing_a_version_twice_gives_one_job(page, editor, django_capture_on_commit_callbacks):
    job = _queued(page, editor, django_capture_on_commit_callbacks)
    assert services.queue_render(version=job.version) == job
    assert RenderJob.objects.count() == 1


@pytest.mark.django_db
def test_a_failing_render_retries_with_backoff_then_dies_with_its_reason(
    page, editor, django_capture_on_commit_callbacks
):
    job = _queued(page, editor, django_capture_on_commit_callbacks)
    with mock.patch(
        "pcc_portal.publications.pdf.render_pdf", side_effect=RuntimeError("fonts missing")
    ):
        with django_capture_on_commit_callbacks(execute=False) as retries:
            services.run_render_job(job_id=job.pk)
        job.refresh_from_db()
        assert job.status == RenderJob.Status.FAILED
        assert "fonts missing" in job.error
        assert job.next_attempt_at > timezone.now() + timedelta(seconds=20)
        assert len(retries) == 1  # the retry is queued, with its countdown, after commit
        for _ in range(job.max_attempts):
            services.run_render_job(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == RenderJob.Status.DEAD
    assert job.attempts == job.max_attempts
    assert "RuntimeError: fonts missing" in job.error
    assert job.version.status == Version.Status.FAILED


@pytest.mark.django_db
def test_backoff_grows_with_each_attempt():
    job = RenderJob(attempts=1)
    first = job.backoff()
    job.attempts = 3
    assert job.backoff() == first * 16


@pytest.mark.django_db
def test_a_failed_render_keeps_the_previous_version_live(
    client, page, editor, publish, django_capture_on_commit_callbacks
):
    publish(page, editor, "First")
    page.body = "A later draft that never renders."
    page.save()
    with mock.patch("pcc_portal.publications.pdf.render_pdf", side_effect=RuntimeError("boom")):
        publish(page, editor, "Second")
    assert page.live_version().number == 1
    response = client.get("/pages/about/")
    assert "never renders" not in response.content.decode()
    assert client.get("/pages/about.pdf").status_code == 200


@pytest.mark.django_db
def test_staff_retry_a_dead_job_and_it_succeeds(page, editor, django_capture_on_commit_callbacks):
    job = _queued(page, editor, django_capture_on_commit_callbacks)
    with mock.patch("pcc_portal.publications.pdf.render_pdf", side_effect=RuntimeError("boom")):
        for _ in range(job.max_attempts):
            services.run_render_job(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == RenderJob.Status.DEAD
    with django_capture_on_commit_callbacks(execute=True):
        services.retry_render(job=job, by=editor)
    job.refresh_from_db()
    assert job.status == RenderJob.Status.SUCCEEDED
    assert job.version.status == Version.Status.READY


@pytest.mark.django_db
def test_a_succeeded_job_cannot_be_retried(page, editor, publish):
    version = publish(page, editor)
    with pytest.raises(InvalidTransition):
        services.retry_render(job=version.render_job, by=editor)


@pytest.mark.django_db
def test_a_job_being_rendered_elsewhere_is_left_alone(
    page, editor, django_capture_on_commit_callbacks
):
    job = _queued(page, editor, django_capture_on_commit_callbacks)
    _claimed(job)
    assert services.run_render_job(job_id=job.pk) is None
    job.refresh_from_db()
    assert job.status == RenderJob.Status.RUNNING and job.attempts == 1


@pytest.mark.django_db
def test_a_job_whose_worker_died_is_requeued_and_finishes(
    page, editor, django_capture_on_commit_callbacks
):
    job = _queued(page, editor, django_capture_on_commit_callbacks)
    # A worker claimed it, then was killed: its heartbeat stopped three minutes ago.
    _claimed(job, heartbeat_minutes_ago=3)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.requeue_stalled_jobs() == 1
    job.refresh_from_db()
    assert job.status == RenderJob.Status.SUCCEEDED
    assert job.attempts == 2


@pytest.mark.django_db
def test_a_job_that_keeps_killing_its_worker_ends_dead(
    page, editor, django_capture_on_commit_callbacks
):
    job = _queued(page, editor, django_capture_on_commit_callbacks)
    _claimed(job, attempts=job.max_attempts, heartbeat_minutes_ago=3)
    assert services.requeue_stalled_jobs() == 0
    job.refresh_from_db()
    assert job.status == RenderJob.Status.DEAD
    assert "worker stopped" in job.error


@pytest.mark.django_db
def test_a_lost_queued_message_is_sent_again(page, editor, django_capture_on_commit_callbacks):
    job = _queued(page, editor, django_capture_on_commit_callbacks)
    RenderJob.objects.filter(pk=job.pk).update(next_attempt_at=timezone.now() - timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.requeue_stalled_jobs() == 1
    job.refresh_from_db()
    assert job.status == RenderJob.Status.SUCCEEDED


@pytest.mark.django_db
def test_fresh_jobs_are_not_swept(page, editor, django_capture_on_commit_callbacks):
    _queued(page, editor, django_capture_on_commit_callbacks)
    assert services.requeue_stalled_jobs() == 0


@pytest.mark.django_db
def test_a_redelivered_message_takes_over_the_job_its_dead_worker_held(
    page, editor, django_capture_on_commit_callbacks
):
    job = _queued(page, editor, django_capture_on_commit_callbacks)
    _claimed(job)
    services.run_render_job(job_id=job.pk, redelivered=True)
    job.refresh_from_db()
    assert job.status == RenderJob.Status.SUCCEEDED
    assert job.attempts == 2
