"""A job beats while its worker is on it: a missed beat is tried again, and nothing beats once
the step is over."""

import threading
import time
from datetime import timedelta

from django.db import OperationalError

from pcc_portal.publications import jobs


class _Job:
    HEARTBEAT_EVERY = timedelta(seconds=0.01)
    RUNNING_STATUSES = ("running",)


class _Jobs:
    """The queryset ``beating`` is given, whose second beat meets a locked database."""

    model = _Job

    def __init__(self):
        self.beats = []

    def filter(self, **lookups):
        return self

    def update(self, heartbeat_at):
        self.beats.append(heartbeat_at)
        if len(self.beats) == 2:
            raise OperationalError("database table is locked")


def _heartbeats(besides=()):
    """The heartbeat threads alive now, other than ``besides`` (those alive before the test)."""
    return [
        thread
        for thread in threading.enumerate()
        if isinstance(thread, jobs._Heartbeat) and thread not in besides
    ]


def _wait_for_beats(running, count):
    """Wait (up to ten seconds) until ``running`` has been beaten ``count`` times."""
    deadline = time.monotonic() + 10
    while len(running.beats) < count and time.monotonic() < deadline:
        time.sleep(0.01)


def test_a_missed_beat_is_tried_again_and_nothing_beats_after_the_step(caplog):
    running = _Jobs()
    before = _heartbeats()

    with jobs.beating(running):
        _wait_for_beats(running, 4)
        assert len(running.beats) >= 4, "the heartbeat stopped at the locked database"

    assert not _heartbeats(besides=before)
    after = len(running.beats)
    time.sleep(0.05)
    assert len(running.beats) == after
    assert "A job's heartbeat was missed" in caplog.text


class _BlockedJobs(_Jobs):
    """A beat that waits for a row lock the step itself holds (a caller in a transaction)."""

    def __init__(self):
        super().__init__()
        self.lock_released = threading.Event()

    def update(self, heartbeat_at):
        self.beats.append(heartbeat_at)
        if len(self.beats) == 2:
            self.lock_released.wait(10)


def test_a_step_ends_without_waiting_for_ever_on_a_beat_that_waits_for_it(monkeypatch):
    monkeypatch.setattr(jobs, "LAST_BEAT_WAIT", 0.1)
    running = _BlockedJobs()
    before = _heartbeats()

    with jobs.beating(running):
        _wait_for_beats(running, 2)

    assert _heartbeats(besides=before), "the step waited for its beat to end"
    assert len(running.beats) == 2
    running.lock_released.set()  # the caller's transaction ends; the beat goes through
    for thread in _heartbeats(besides=before):
        thread.join(10)
    assert not _heartbeats(besides=before)
