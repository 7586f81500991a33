"""The real worker the services tests use: it starts, answers, runs tasks and comes back after a
crash. Skipped without REDIS_URL (see tests/worker.py)."""

import signal

import pytest

from pcc_portal.celery import app

pytestmark = pytest.mark.services


def test_the_worker_answers_a_ping(celery_worker_process):
    replies = app.control.ping(destination=[celery_worker_process.hostname], timeout=5)
    assert replies == [{celery_worker_process.hostname: {"ok": "pong"}}]


def test_a_task_sent_by_name_round_trips_through_the_worker(real_celery):
    # celery.accumulate is built into every Celery app (celery.ping is only registered when
    # celery.contrib.testing is imported, which a real worker does not do): it returns its args.
    result = app.send_task("celery.accumulate", args=["pong", 28])
    assert result.get(timeout=10) == ["pong", 28]
    assert result.successful()


def test_the_worker_comes_back_after_being_killed(real_celery):
    real_celery.kill(signal.SIGKILL)
    real_celery.process.wait(timeout=10)
    assert not app.control.ping(destination=[real_celery.hostname], timeout=0.5)

    real_celery.restart()
    assert app.send_task("celery.accumulate", args=[1]).get(timeout=10) == [1]
