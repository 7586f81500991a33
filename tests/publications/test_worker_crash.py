"""A worker killed mid-render loses nothing: the job ends succeeded, with one PDF for its version.

Runs against the real Celery worker on Redis (tests marked ``services``; see tests/worker.py).
"""

import os
import signal
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from pcc_portal.publications import services
from pcc_portal.publications.models import RenderJob, Version
from tests.pages.factories import ContentPageFactory

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Long enough (a hundred-odd pages) that the render is still running when the test kills it.
LONG_BODY = "\n\n".join(
    f"## Section {n}\n\n" + "The Commissioner holds the Chief Constable to account. " * 120
    for n in range(60)
)


def _children(pid):
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def _wait_for(predicate, timeout, message):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    pytest.fail(message)


def _job_status(job):
    job.refresh_from_db()
    return job.status


@pytest.fixture
def long_render(real_celery, editor, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)  # the worker writes to the same folder: it shares env
    page = ContentPageFactory(slug="long", body=LONG_BODY)
    version = services.publish(obj=page, by=editor, note="A long page")
    job = version.render_job
    _wait_for(lambda: _job_status(job) == RenderJob.Status.RUNNING, 30, "the render never started")
    return job


def _assert_rendered_once(job, attempts):
    _wait_for(lambda: _job_status(job) in ("succeeded", "dead"), 180, "the job never finished")
    assert job.status == RenderJob.Status.SUCCEEDED, job.error
    assert job.attempts == attempts
    version = Version.objects.get(pk=job.version_id)
    assert version.status == Version.Status.READY
    assert Version.objects.for_object(version.content_object).count() == 1
    assert version.pdf.read(5) == b"%PDF-"


@pytest.fixture(autouse=True)
def _worker_writes_where_the_test_reads(monkeypatch, tmp_path, celery_worker_process):
    # The worker is a separate process: give it the same media folder, then restore it.
    monkeypatch.setitem(celery_worker_process.env, "MEDIA_ROOT", str(tmp_path))
    celery_worker_process.restart()
    yield
    monkeypatch.undo()
    celery_worker_process.restart()


def test_the_pool_process_killed_mid_render_is_replaced_and_the_job_finishes(
    long_render, celery_worker_process
):
    pool = _children(celery_worker_process.process.pid)
    assert pool, "the worker has no pool processes"
    for pid in pool:
        os.kill(pid, signal.SIGKILL)
    # The worker sees its child die, rejects the unacknowledged message back to Redis, and the
    # redelivered task takes over the orphaned job.
    _assert_rendered_once(long_render, attempts=2)


def test_the_whole_worker_killed_mid_render_is_picked_up_by_the_stall_sweep(
    long_render, celery_worker_process
):
    celery_worker_process.kill(signal.SIGKILL)
    celery_worker_process.process.wait(timeout=10)
    celery_worker_process.start()
    # Beat runs the sweep every minute; a job is stalled two minutes after its last heartbeat.
    later = timezone.now() + RenderJob.STALL_AFTER + timedelta(seconds=1)
    assert services.requeue_stalled_jobs(now=later) == 1
    _assert_rendered_once(long_render, attempts=2)
