"""The Celery app's settings protect the machine and never lose a task."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings

from pcc_portal.celery import app

ROOT = Path(__file__).resolve().parent.parent


def test_tasks_are_acknowledged_late_and_fetched_one_at_a_time():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.worker_prefetch_multiplier == 1
    assert app.conf.task_soft_time_limit < app.conf.task_time_limit
    # A message must stay invisible to other workers for longer than any task may run.
    assert app.conf.broker_transport_options["visibility_timeout"] > app.conf.task_time_limit
    assert app.conf.worker_max_memory_per_child


def test_stalled_renders_are_swept_by_beat():
    schedule = settings.CELERY_BEAT_SCHEDULE["requeue-stalled-render-jobs"]
    assert schedule["task"] == "pcc_portal.publications.tasks.requeue_stalled_render_jobs"
    assert schedule["schedule"] <= 60


def test_every_scheduled_task_exists():
    """A beat entry naming a task nobody registered would fail silently on the worker."""
    app.loader.import_default_modules()
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] in app.tasks, f"{name} names an unknown task {entry['task']}"


def test_agenda_reminders_are_sent_each_morning():
    schedule = settings.CELERY_BEAT_SCHEDULE["panel-agenda-reminders"]
    assert schedule["task"] == "panel.tasks.send_agenda_reminders"


def test_each_pool_process_gets_an_address_space_cap():
    script = (
        "import resource, django; django.setup();"
        "from pcc_portal.celery import _limit_memory; _limit_memory();"
        "print(resource.getrlimit(resource.RLIMIT_AS)[0])"
    )
    result = subprocess.run(  # noqa: S603 (a fixed script of our own)
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "pcc_portal.settings", "DEBUG": "1", "PATH": "/usr/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip().splitlines()[-1]) == settings.WORKER_MEMORY_LIMIT_MB * 2**20
