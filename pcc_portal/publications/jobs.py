"""The lifecycle every ``WorkerJob`` shares (a version's render job, an agenda pack's build).

A job is claimed under a row lock, so two workers never work on it at once; it beats while a
worker is on it, so the stall sweep takes over only jobs whose worker died, never long healthy
ones; a failed attempt is retried after a backoff until the attempts are used up, then the job is
dead with its reason kept for staff. Each claim records who took it: a worker whose job was taken
over since cannot fail it or keep it alive.
"""

import logging
import os
import socket
import threading
import traceback
import uuid
from contextlib import contextmanager

from django.db import DatabaseError, transaction
from django.utils import timezone

from pcc_portal.errors import InvalidTransition

from .models import Version

logger = logging.getLogger(__name__)

LAST_BEAT_WAIT = 5  # seconds a finished step waits for a beat still in flight

WORKER_STOPPED = "The worker stopped while working on it, too many times."


def describe(error):
    """An exception as staff read it: its type and message, without the traceback."""
    return "".join(traceback.format_exception_only(type(error), error)).strip()


def redelivered(task):
    """Whether Celery hands a bound ``task`` out again because the worker that had it died: a
    job's tasks are acknowledged late, and the redelivered task takes over the job that worker
    left."""
    return bool((task.request.delivery_info or {}).get("redelivered"))


def _claimant():
    # The worker process, and a token of this claim's own: the same process may claim the job
    # again after it was taken over.
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def claim(job_class, job_id, *, status, redelivered=False, carries_on=None):
    """Take the job for this worker, moving it to ``status``; None when there is nothing to do.

    Nothing to do: the job is finished, or another worker is on it (it beat recently), unless
    this is a redelivered message: tasks are acknowledged late, so the broker redelivers one only
    when the worker that had it died, and its job is an orphan whatever its last heartbeat says.
    Each claim is a new attempt, except one that ``carries_on(job)`` the attempt in hand (an
    agenda pack assembled once its papers are rendered). A job out of attempts dies instead."""
    with transaction.atomic():
        job = job_class.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.is_finished:
            return None
        now = timezone.now()
        if carries_on is None or not carries_on(job):
            if job.is_alive(now) and not redelivered:
                return None
            if job.attempts >= job.max_attempts:
                give_up(job, job.error or WORKER_STOPPED)
                return None
            job.attempts += 1
            job.started_at = now
        job.status = status
        job.heartbeat_at = now
        job.claimed_by = _claimant()
        job.save(update_fields=["status", "attempts", "started_at", "heartbeat_at", "claimed_by"])
        return job


def give_up(job, error):
    """Dead for good, with the reason for staff; the job's version failed (the version before it
    stays live). Staff may still retry it."""
    job.status = job.Status.DEAD
    job.error = error
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "finished_at"])
    Version.objects.filter(pk=job.version_id).update(status=Version.Status.FAILED)


@transaction.atomic
def record_failure(job, error, *, resend):
    """The attempt on ``job`` (as this worker claimed it) failed: try again after the backoff
    (``resend(job, countdown)`` after commit), or give up when the attempts are used up. A job
    finished or taken over since is left as it is."""
    current = type(job).objects.select_for_update().get(pk=job.pk)
    if current.is_finished or current.claimed_by != job.claimed_by:
        return current
    reason = error if isinstance(error, str) else describe(error)
    if current.attempts >= current.max_attempts:
        give_up(current, reason)
        return current
    current.status = current.Status.FAILED
    current.error = reason
    current.next_attempt_at = timezone.now() + current.backoff()
    current.save(update_fields=["status", "error", "next_attempt_at"])
    countdown = current.backoff().total_seconds()
    transaction.on_commit(lambda: resend(current, countdown))
    return current


@transaction.atomic
def retry(job):
    """Staff asked for a failed or dead job to be tried again: a fresh set of attempts, its
    version rendering again. The caller sends it to a worker."""
    job = type(job).objects.select_for_update().get(pk=job.pk)
    if job.status not in (job.Status.FAILED, job.Status.DEAD):
        raise InvalidTransition(f"{job} is {job.get_status_display().lower()}; nothing to retry.")
    job.status = job.Status.QUEUED
    job.attempts = 0
    job.error = ""
    job.next_attempt_at = timezone.now()
    job.finished_at = None
    job.save(update_fields=["status", "attempts", "error", "next_attempt_at", "finished_at"])
    Version.objects.filter(pk=job.version_id).update(status=Version.Status.RENDERING)
    return job


def requeue_stalled(job_class, *, resend, now=None):
    """Beat task body: send again (``resend(job, 0)`` after commit) the jobs whose worker died
    or whose message was lost; those out of attempts die. Returns how many were sent again."""
    requeued = 0
    for job_id in job_class.objects.stalled(now=now).values_list("pk", flat=True):
        with transaction.atomic():
            stalled = job_class.objects.stalled(now=now).select_for_update()
            job = stalled.filter(pk=job_id).first()
            if job is None:
                continue  # picked up or finished since the sweep began
            if job.attempts >= job.max_attempts:
                give_up(job, job.error or WORKER_STOPPED)
                continue
            job.status = job.Status.QUEUED
            job.next_attempt_at = timezone.now()
            job.save(update_fields=["status", "next_attempt_at"])
            transaction.on_commit(lambda job=job: resend(job, 0))
            requeued += 1
    return requeued


class _Heartbeat(threading.Thread):
    def __init__(self, jobs):
        super().__init__(daemon=True)
        self.jobs = jobs
        self.stopped = threading.Event()

    def run(self):
        from django.db import connection

        every = self.jobs.model.HEARTBEAT_EVERY.total_seconds()
        try:
            while not self.stopped.wait(every):
                try:
                    self.jobs.update(heartbeat_at=timezone.now())
                except DatabaseError:
                    # A database busy for a moment costs one beat; a thread that died on it
                    # would stop them all and let the stall sweep take a healthy job over.
                    logger.warning("A job's heartbeat was missed; the next one tries again.")
                    connection.close_if_unusable_or_obsolete()
        finally:
            connection.close()


@contextmanager
def beating(jobs):
    """Mark the running jobs of the queryset ``jobs`` alive while the block runs, from a thread
    with its own connection, so the stall sweep leaves a long healthy step alone. The first
    beat is at once: the step may start long after the job's last one."""
    running = jobs.filter(status__in=jobs.model.RUNNING_STATUSES)
    running.update(heartbeat_at=timezone.now())
    heartbeat = _Heartbeat(running)
    heartbeat.start()
    try:
        yield
    finally:
        # Once the block is over nothing beats: the caller's next write (the job's result) never
        # meets a beat still in flight. The wait is bounded: a caller inside a transaction that
        # holds the job's row would otherwise wait for a beat that waits for it.
        heartbeat.stopped.set()
        heartbeat.join(timeout=LAST_BEAT_WAIT)
