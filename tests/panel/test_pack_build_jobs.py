"""Pack builds have the render jobs' guarantees: a claim under a row lock, a heartbeat while
papers render and the pack is assembled, retries with backoff up to a cap, then a dead state
with its reason, which staff may build again."""

import threading
import time
from datetime import timedelta

import pytest
from django.contrib.humanize.templatetags.humanize import apnumber
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

from panel.models import AgendaItem, PackBuild, PaperRender
from panel.services import meetings as meeting_services
from panel.services import pack_builds, pack_publishing, packs
from pcc_portal.publications.models import Version
from tests.panel.factories import AgendaItemFactory, MeetingFactory, report_paper
from tests.panel.helpers import upload


def _meeting():
    """A meeting whose agenda has one uploaded paper (nothing to render: quick to build)."""
    meeting = MeetingFactory()
    item = meeting_services.add_item(
        meeting=meeting, item=AgendaItem(title="PCC Update Report", kind="report")
    )
    meeting_services.add_upload_paper(item=item, title="PCC update", upload=upload("UPDATE"))
    return meeting


def _queued(meeting, user, django_capture_on_commit_callbacks, note="Agenda published"):
    """Publish the pack without starting its build: the test plays the workers."""
    with django_capture_on_commit_callbacks(execute=False):
        version = packs.publish_pack(meeting=meeting, by=user, note=note)
    return version.pack_build


def _running(build, *, status=PackBuild.Status.RENDERING, beat_ago, attempts=1):
    PackBuild.objects.filter(pk=build.pk).update(
        status=status,
        attempts=attempts,
        created_at=timezone.now() - timedelta(hours=1),
        started_at=timezone.now() - timedelta(hours=1),
        heartbeat_at=timezone.now() - beat_ago,
    )


@pytest.fixture
def build(panel_secretary, django_capture_on_commit_callbacks):
    """The build of a quick pack (``_meeting``) just published, with no worker on it yet."""
    return _queued(_meeting(), panel_secretary, django_capture_on_commit_callbacks)


def _broken_renderer(monkeypatch):
    def broken(html):
        raise RuntimeError("the renderer fell over")

    monkeypatch.setattr(packs.publications_pdf, "render_pdf", broken)


@pytest.mark.django_db
def test_a_long_build_whose_worker_still_beats_is_not_restarted(
    build, django_capture_on_commit_callbacks
):
    # Started an hour ago, far longer than the stall limit, but its worker beat just now.
    _running(build, status=PackBuild.Status.ASSEMBLING, beat_ago=timedelta(seconds=5))
    with django_capture_on_commit_callbacks(execute=True) as sent:
        assert packs.requeue_stalled_builds() == 0
    assert sent == []
    build.refresh_from_db()
    assert build.status == PackBuild.Status.ASSEMBLING and build.attempts == 1


@pytest.mark.django_db
def test_a_build_whose_heartbeat_stopped_is_taken_over_and_published(
    build, django_capture_on_commit_callbacks
):
    _running(build, beat_ago=PackBuild.STALL_AFTER + timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert packs.requeue_stalled_builds() == 1
    build.refresh_from_db()
    assert build.status == PackBuild.Status.READY, build.error
    assert build.attempts == 2
    assert packs.requeue_stalled_builds() == 0


@pytest.mark.django_db
def test_a_paper_being_rendered_keeps_its_build_alive(
    panel_secretary, django_capture_on_commit_callbacks
):
    meeting = _meeting()
    report_paper(AgendaItemFactory(meeting=meeting, number=9), paragraphs=1)
    build = _queued(meeting, panel_secretary, django_capture_on_commit_callbacks)
    _running(build, beat_ago=PackBuild.STALL_AFTER - timedelta(seconds=1))
    render = PaperRender.objects.get(status=PaperRender.Status.PENDING)

    packs.render_paper(render_id=render.pk, build_id=build.pk)

    build.refresh_from_db()
    assert build.heartbeat_at > timezone.now() - timedelta(seconds=30)
    later = timezone.now() + timedelta(seconds=30)  # the old beat alone would be stale by then
    assert packs.requeue_stalled_builds(now=later) == 0


@pytest.mark.django_db
def test_a_build_that_keeps_failing_is_dead_with_its_reason_and_not_swept(
    panel_secretary, run_on_commit, monkeypatch
):
    meeting = _meeting()
    report_paper(AgendaItemFactory(meeting=meeting, number=9), paragraphs=1)
    _broken_renderer(monkeypatch)

    # Celery is eager in tests: each retry runs at once instead of after its backoff.
    version = run_on_commit(packs.publish_pack, meeting=meeting, by=panel_secretary, note="First")

    build = version.pack_build
    build.refresh_from_db()
    assert build.status == PackBuild.Status.DEAD
    assert build.attempts == build.max_attempts == PackBuild.MAX_ATTEMPTS
    assert "the renderer fell over" in build.error
    version.refresh_from_db()
    assert version.status == Version.Status.FAILED
    much_later = timezone.now() + timedelta(days=1)
    assert packs.requeue_stalled_builds(now=much_later) == 0
    build.refresh_from_db()
    assert build.status == PackBuild.Status.DEAD and build.attempts == build.max_attempts


@pytest.mark.django_db
def test_a_failed_attempt_waits_for_its_backoff_before_the_next(
    panel_secretary, django_capture_on_commit_callbacks, monkeypatch
):
    meeting = _meeting()
    report_paper(AgendaItemFactory(meeting=meeting, number=9), paragraphs=1)
    build = _queued(meeting, panel_secretary, django_capture_on_commit_callbacks)
    _broken_renderer(monkeypatch)
    sent = []
    monkeypatch.setattr(pack_builds, "_send", lambda build, countdown=0: sent.append(countdown))

    with django_capture_on_commit_callbacks(execute=True):
        packs.start_build(build_id=build.pk)

    build.refresh_from_db()
    assert build.status == PackBuild.Status.FAILED and build.attempts == 1
    assert "the renderer fell over" in build.error
    assert sent == [build.backoff().total_seconds()]
    assert build.next_attempt_at > timezone.now() + timedelta(seconds=20)
    assert packs.requeue_stalled_builds() == 0  # its retry is on its way, not lost


@pytest.mark.django_db
def test_staff_build_a_dead_pack_again_from_the_meeting_page(
    client, panel_secretary, run_on_commit, monkeypatch, django_capture_on_commit_callbacks
):
    meeting = _meeting()
    report_paper(AgendaItemFactory(meeting=meeting, number=9), paragraphs=1)
    _broken_renderer(monkeypatch)
    version = run_on_commit(packs.publish_pack, meeting=meeting, by=panel_secretary, note="First")
    monkeypatch.undo()

    client.force_login(panel_secretary)
    page = client.get(reverse("panel_manage:meeting", kwargs={"pk": meeting.pk})).content.decode()
    assert "The build failed and is not tried again" in page
    assert "the renderer fell over" in page
    # Plain words, not "attempt 4 of 4".
    assert f"(tried {apnumber(PackBuild.MAX_ATTEMPTS)} times)" in page
    assert f"attempt {PackBuild.MAX_ATTEMPTS}" not in page
    assert "Build the pack again" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("panel_manage:pack_retry", kwargs={"pk": meeting.pk}),
            {"build": version.pack_build.pk},
        )
    assert response.status_code == 302
    build = PackBuild.objects.get(pk=version.pack_build.pk)
    assert build.status == PackBuild.Status.READY, build.error
    assert build.attempts == 1
    assert meeting.pack.live_version() == version


@pytest.mark.django_db
def test_publishing_again_replaces_a_build_waiting_for_its_retry(
    panel_secretary, django_capture_on_commit_callbacks
):
    meeting = _meeting()
    build = _queued(meeting, panel_secretary, django_capture_on_commit_callbacks)
    PackBuild.objects.filter(pk=build.pk).update(
        status=PackBuild.Status.FAILED, attempts=1, error="RuntimeError: a broken paper"
    )
    second = _queued(meeting, panel_secretary, django_capture_on_commit_callbacks, note="Fixed")
    build.refresh_from_db()
    assert build.status == PackBuild.Status.DEAD
    assert "a broken paper" in build.error and "version 2 replaced it" in build.error
    assert second.status == PackBuild.Status.QUEUED


@pytest.mark.django_db
def test_an_older_version_is_not_built_again_once_a_later_one_is_published(
    panel_secretary, django_capture_on_commit_callbacks
):
    meeting = _meeting()
    first = _queued(meeting, panel_secretary, django_capture_on_commit_callbacks)
    PackBuild.objects.filter(pk=first.pk).update(status=PackBuild.Status.DEAD)
    _queued(meeting, panel_secretary, django_capture_on_commit_callbacks, note="Second")
    with pytest.raises(packs.NothingToPublish, match="later version"):
        packs.retry_pack(build=first)


@pytest.mark.django_db
def test_an_assembly_message_from_a_replaced_attempt_is_ignored(build):
    # Attempt 2 took over and is rendering; the chord of attempt 1 reports back late.
    _running(build, beat_ago=timedelta(seconds=5), attempts=2)
    assert packs.assemble_pack(build_id=build.pk, attempt=1) is None
    build.refresh_from_db()
    assert build.status == PackBuild.Status.RENDERING and build.attempts == 2


@pytest.mark.django_db
def test_a_redelivered_assembly_takes_over_the_build_its_dead_worker_held(build):
    _running(build, status=PackBuild.Status.ASSEMBLING, beat_ago=timedelta(seconds=5))
    assert packs.assemble_pack(build_id=build.pk, attempt=1) is None  # someone is on it
    packs.assemble_pack(build_id=build.pk, attempt=1, redelivered=True)
    build.refresh_from_db()
    assert build.status == PackBuild.Status.READY, build.error
    assert build.attempts == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_assembly_beats_while_it_runs(monkeypatch):
    from tests.accounts.factories import UserFactory

    monkeypatch.setattr(PackBuild, "HEARTBEAT_EVERY", timedelta(seconds=0.05))
    # The test plays the worker.
    monkeypatch.setattr(pack_publishing, "_start", lambda build_id: None)
    meeting = _meeting()
    version = packs.publish_pack(
        meeting=meeting, by=UserFactory(username="beats"), note="Agenda published"
    )
    build = version.pack_build
    beats = []
    assemble = packs.assembly.assemble

    def slow(*args, **kwargs):
        for _ in range(2):
            time.sleep(0.3)
            beats.append(PackBuild.objects.get(pk=build.pk).heartbeat_at)
        return assemble(*args, **kwargs)

    monkeypatch.setattr(packs.assembly, "assemble", slow)
    packs.start_build(build_id=build.pk)
    build.refresh_from_db()
    assert build.status == PackBuild.Status.READY, build.error
    assert beats[1] > beats[0], "the heartbeat stopped while the pack was assembled"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_claiming_one_build_at_once_give_one_assembly(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself; the row lock matters on PostgreSQL")
    from tests.accounts.factories import UserFactory

    meeting = _meeting()
    # The test plays the workers.
    monkeypatch.setattr(pack_publishing, "_start", lambda build_id: None)
    build = packs.publish_pack(meeting=meeting, by=UserFactory(username="two"), note="A").pack_build
    PackBuild.objects.filter(pk=build.pk).update(
        status=PackBuild.Status.RENDERING, attempts=1, heartbeat_at=timezone.now()
    )
    assembled = []
    monkeypatch.setattr(
        pack_builds, "_assemble", lambda build: assembled.append(build.claimed_by) or (None,) * 5
    )
    monkeypatch.setattr(pack_builds, "_publish_build", lambda *args: None)
    barrier = threading.Barrier(4)
    errors = []

    def assemble():
        try:
            barrier.wait()
            packs.assemble_pack(build_id=build.pk, attempt=1)
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=assemble) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(assembled) == 1
    build.refresh_from_db()
    assert build.status == PackBuild.Status.ASSEMBLING and build.attempts == 1
    assert build.claimed_by == assembled[0]
