"""Jobs a worker runs to make a version's PDF: the shared lifecycle and the render job."""

from datetime import timedelta

from django.db import models
from django.utils import timezone

from .versions import Version


class WorkerJobQuerySet(models.QuerySet):
    def stalled(self, *, now=None):
        """Running jobs whose worker stopped beating, and waiting jobs nobody picked up."""
        now = now or timezone.now()
        job = self.model
        return self.filter(
            models.Q(status__in=job.RUNNING_STATUSES, heartbeat_at__lt=now - job.STALL_AFTER)
            | models.Q(status__in=job.WAITING_STATUSES, next_attempt_at__lt=now - job.STALL_AFTER)
        )

    def needing_attention(self):
        return self.filter(status__in=[self.model.Status.FAILED, self.model.Status.DEAD])


class WorkerJob(models.Model):
    """Work for a worker that makes one version's PDF (a render job, an agenda pack's build):
    claimed under a row lock, beating while it works, retried with backoff up to a cap, then
    dead with its reason kept for staff. ``publications.jobs`` runs this lifecycle.

    A subclass has a ``version`` and a ``Status`` with QUEUED, FAILED (will retry) and DEAD,
    and names its statuses: ``RUNNING_STATUSES`` (a worker is on it and beats),
    ``WAITING_STATUSES`` (queued, or failed and waiting for its retry) and ``FINISHED_STATUSES``."""

    MAX_ATTEMPTS = 4
    HEARTBEAT_EVERY = timedelta(seconds=10)
    STALL_AFTER = timedelta(minutes=2)
    RUNNING_STATUSES = ()
    WAITING_STATUSES = ()
    FINISHED_STATUSES = ()

    attempts = models.PositiveSmallIntegerField(default=0)
    max_attempts = models.PositiveSmallIntegerField(default=MAX_ATTEMPTS)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_by = models.CharField(
        max_length=200, blank=True, help_text="The worker process that took the last attempt."
    )
    error = models.TextField(blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = WorkerJobQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_finished(self):
        return self.status in self.FINISHED_STATUSES

    @property
    def tag_class(self):
        """The GOV.UK tag colour its status shows in: done, given up, retrying, or under way."""
        if self.status == self.Status.DEAD:
            return "govuk-tag--red"
        if self.status == self.Status.FAILED:
            return "govuk-tag--orange"
        return "govuk-tag--green" if self.is_finished else "govuk-tag--blue"

    def is_alive(self, now):
        """A worker is on it: running, and it beat recently."""
        return (
            self.status in self.RUNNING_STATUSES
            and self.heartbeat_at is not None
            and self.heartbeat_at > now - self.STALL_AFTER
        )

    def backoff(self):
        """Wait before the next attempt: 30 s, 2 min, 8 min..."""
        return timedelta(seconds=30 * 4 ** max(self.attempts - 1, 0))


def attempts_within_cap(name):
    """The constraint every ``WorkerJob`` table keeps, under its own ``name``: a job is never
    tried more often than its cap."""
    return models.CheckConstraint(
        condition=models.Q(attempts__lte=models.F("max_attempts")), name=name
    )


class RenderJob(WorkerJob):
    """The truth about one version's PDF: queued once, claimed under a row lock, retried with
    backoff up to a cap, then dead with its reason kept for staff."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Rendering"
        SUCCEEDED = "succeeded", "Rendered"
        FAILED = "failed", "Failed, will retry"
        DEAD = "dead", "Failed"

    RUNNING_STATUSES = (Status.RUNNING,)
    WAITING_STATUSES = (Status.QUEUED, Status.FAILED)
    FINISHED_STATUSES = (Status.SUCCEEDED, Status.DEAD)

    version = models.OneToOneField(Version, on_delete=models.CASCADE, related_name="render_job")
    renderer_version = models.CharField(max_length=50)
    idempotency_key = models.CharField(max_length=200, unique=True)
    status = models.CharField(max_length=20, choices=Status, default=Status.QUEUED)
    output = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [attempts_within_cap("render_job_attempts_within_cap")]

    def __str__(self):
        return f"PDF for {self.version} ({self.get_status_display().lower()})"
