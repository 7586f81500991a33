"""A worker killed while it builds an agenda pack loses nothing: once the build's heartbeat has
stopped the stall sweep takes it over, and the pack is published, once.

Runs against the real Celery worker on Redis (tests marked ``services``; see tests/worker.py).
"""

import signal
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from panel.models import AgendaItem, PackBuild
from panel.services import meetings as meeting_services
from panel.services import packs
from pcc_portal.publications.models import Version
from tests.accounts.factories import UserFactory
from tests.panel.factories import MeetingFactory, ReportFactory

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Long enough (two hundred-odd pages, seconds to render even on a fast machine) that its paper
# is still rendering when the test kills the worker half a second after the build started.
LONG_BODY = "\n\n".join(
    f"## Section {n}\n\n" + "The Panel reviews and scrutinises the Commissioner. " * 120
    for n in range(120)
)


def _wait_for(predicate, timeout, message):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    pytest.fail(message)


def _status(build):
    build.refresh_from_db()
    return build.status


def test_the_whole_worker_killed_mid_build_is_taken_over_by_the_stall_sweep(
    real_celery, celery_worker_process
):
    meeting = MeetingFactory()
    item = meeting_services.add_item(
        meeting=meeting, item=AgendaItem(title="Annual report", kind="report")
    )
    report = ReportFactory(meeting=meeting, title="Annual report", body=LONG_BODY)
    meeting_services.add_report_paper(item=item, report=report)
    version = packs.publish_pack(
        meeting=meeting, by=UserFactory(username="crash"), note="Agenda published"
    )
    build = version.pack_build
    _wait_for(lambda: _status(build) == PackBuild.Status.RENDERING, 30, "the build never started")
    # Its long paper is being rendered now. Killed later, a fast machine could have finished
    # the whole build, leaving nothing for the sweep to take over.
    time.sleep(0.5)

    celery_worker_process.kill(signal.SIGKILL)
    celery_worker_process.process.wait(timeout=10)
    celery_worker_process.start()
    assert packs.requeue_stalled_builds() == 0  # it beat moments ago: not stalled yet
    # Beat runs the sweep every minute; a build is stalled five minutes after its last beat.
    later = timezone.now() + PackBuild.STALL_AFTER + timedelta(seconds=1)
    assert packs.requeue_stalled_builds(now=later) == 1

    _wait_for(
        lambda: _status(build) in (PackBuild.Status.READY, PackBuild.Status.DEAD),
        240,
        "the build never finished",
    )
    assert build.status == PackBuild.Status.READY, build.error
    assert build.attempts == 2
    version.refresh_from_db()
    assert version.status == Version.Status.READY
    assert Version.objects.for_object(meeting.pack).count() == 1
