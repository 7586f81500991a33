"""The Celery app. Workers and beat read their settings from Django's, under CELERY_."""

import os
import resource

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pcc_portal.settings")

app = Celery("pcc_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def _limit_memory(**kwargs):
    """Cap each pool process's address space, so a runaway render (a huge table, a decompression
    bomb of an image) fails with MemoryError, recorded on its job, instead of taking the machine
    down. Time is capped by the task time limits; memory between tasks by max-memory-per-child."""
    from django.conf import settings

    limit = settings.WORKER_MEMORY_LIMIT_MB * 1024 * 1024
    if limit > 0:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
