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


def _heartbeats():
    return [thread for thread in threading.enumerate() if isinstance(thread, jobs._Heartbeat)]


def test_a_missed_beat_is_tried_again_and_nothing_beats_after_the_step(caplog):
    running = _Jobs()

    with jobs.beating(running):
        deadline = time.monotonic() + 10
        while len(running.beats) < 4 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(running.beats) >= 4, "the heartbeat stopped at the locked database"

    assert not _heartbeats()
    after = len(running.beats)
    time.sleep(0.05)
    assert len(running.beats) == after
    assert "A job's heartbeat was missed" in caplog.text
