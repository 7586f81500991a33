"""Frozen, numbered versions of published documents and the jobs that render their PDFs.

Every app publishes through these two models: a ``Version`` freezes what the public sees (HTML,
PDF, checksum, who, when, change note, or for a register entry the frozen record itself); a
``RenderJob`` is the truth about a document version's PDF.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from pcc_portal.visibility import VisibilityQuerySet


class ImmutableVersionError(Exception):
    """A ready version is the public record: it is never changed or deleted."""


class ForObjectQuerySet(models.QuerySet):
    """Rows about one object of any model, through ``content_type`` and ``object_id``: its
    versions, its withdrawals, approval requests, the mark of an import."""

    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=obj.pk,
        )


class VersionQuerySet(ForObjectQuerySet, VisibilityQuerySet):
    def ready(self):
        return self.filter(status=Version.Status.READY)

    def public(self):
        """Ready versions no withdrawal covers: the only ones the public is ever given."""
        return self.ready().exclude(models.Exists(Withdrawal.objects.covering_outer_version()))

    def withdrawn(self):
        return self.filter(models.Exists(Withdrawal.objects.covering_outer_version()))

    def latest_ready_for(self, obj):
        """The version the public sees: the newest one not withdrawn (none while the object's
        versions are all withdrawn; a later version published on purpose is public again)."""
        return self.for_object(obj).public().order_by("-number").first()

    def update(self, **kwargs):
        if self.filter(status=Version.Status.READY).exists():
            raise ImmutableVersionError("Ready versions cannot be changed.")
        return super().update(**kwargs)

    def delete(self):
        if self.filter(status=Version.Status.READY).exists():
            raise ImmutableVersionError("Ready versions cannot be deleted.")
        return super().delete()


class Version(models.Model):
    class Status(models.TextChoices):
        RENDERING = "rendering", "Rendering"
        READY = "ready", "Published"
        FAILED = "failed", "Failed"

    class Kind(models.TextChoices):
        # A document is a page with its PDF, public once the PDF is rendered.
        DOCUMENT = "document", "Document with its PDF"
        # A record (a register entry, a month's spending) is its frozen fields, public at once:
        # its open data are the page, so there is no PDF to wait for.
        RECORD = "record", "Register record"

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=Status, default=Status.RENDERING)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.DOCUMENT)
    document_type = models.CharField(max_length=50)
    title = models.CharField(max_length=300)
    html = models.TextField(help_text="The frozen public page body.")
    document_html = models.TextField(help_text="The frozen document the PDF is rendered from.")
    text = models.TextField(blank=True, help_text="Plain text, for search.")
    data = models.JSONField(
        null=True, blank=True, help_text="A record's fields as released (records only)."
    )
    change_note = models.TextField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(default=timezone.now)
    pdf = models.FileField(upload_to="publications/", blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    ready_at = models.DateTimeField(null=True, blank=True)

    objects = VersionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "number"], name="unique_version_number"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="ready")
                | models.Q(kind="record")
                | (~models.Q(sha256="") & ~models.Q(pdf="")),
                name="ready_version_has_pdf",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="record") | models.Q(data__isnull=False),
                name="record_version_has_data",
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id", "status", "-number"])]
        ordering = ["-number"]

    def __str__(self):
        return f"{self.title} (version {self.number})"

    def save(self, *args, **kwargs):
        if self.pk and Version.objects.filter(pk=self.pk, status=self.Status.READY).exists():
            raise ImmutableVersionError(f"{self} is published and cannot be changed.")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.content_object.get_absolute_url()

    def withdrawal(self):
        """The withdrawal that took this version off the public site, if any."""
        return Withdrawal.objects.covering(self).first()

    def delete(self, *args, **kwargs):
        if self.status == self.Status.READY:
            raise ImmutableVersionError(f"{self} is published and cannot be deleted.")
        return super().delete(*args, **kwargs)

    def pdf_location(self):
        """``(storage, name)`` of the PDF as it is kept now: in the public media store while
        the version may be served, in the private store once it is withdrawn (``MovedFile``)."""
        moved = MovedFile.objects.filter(version=self).first()
        if moved is not None:
            return private_storage(), moved.name
        return self.pdf.storage, self.pdf.name

    def open_pdf(self):
        """The PDF, opened for reading from wherever it is kept now."""
        storage, name = self.pdf_location()
        return storage.open(name, "rb")


def private_storage():
    """The store no URL serves (a bucket never publicly readable): files reach anyone only
    through views that check who may see them."""
    from django.core.files.storage import storages

    return storages["private"]


class MovedFile(models.Model):
    """A withdrawn version's PDF, moved out of the public media store into the private one, so
    that nothing withdrawn stays where a publicly readable bucket would hand it out. The
    version itself is frozen; this row says where its file is kept now. Staff who may see the
    version still read it there, through a view that checks their permission."""

    version = models.OneToOneField(Version, on_delete=models.PROTECT, related_name="moved_file")
    name = models.CharField(max_length=500, help_text="The file's name in the private store.")
    moved_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.version}: private {self.name}"


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


class WithdrawalQuerySet(ForObjectQuerySet):
    def covering(self, version):
        """The withdrawals that took ``version`` off the public site, earliest first."""
        return self.filter(
            content_type=version.content_type_id,
            object_id=version.object_id,
            up_to_number__gte=version.number,
        ).order_by("up_to_number")

    def covering_outer_version(self):
        """``covering`` for a subquery over versions."""
        return self.filter(
            content_type=models.OuterRef("content_type"),
            object_id=models.OuterRef("object_id"),
            up_to_number__gte=models.OuterRef("number"),
        )


class WithdrawalNotice(models.Model):
    """Something taken off the public site: who took it off, when, and the reason the public is
    told."""

    reason = models.TextField()
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True


class Withdrawal(WithdrawalNotice):
    """Versions of a published object taken off the public site, with the reason the public is
    told: every version numbered up to ``up_to_number`` is withdrawn for good (kept for the
    record, never served; its URLs answer 410 Gone with the notice).

    Publishing again does not reinstate them: it makes a new version, with its own change note,
    which is public when ready. Withdrawing covers every version so far, including one still
    rendering, so nothing older than the withdrawal comes back by itself."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    up_to_number = models.PositiveIntegerField(
        help_text="Versions numbered up to this one are withdrawn."
    )

    objects = WithdrawalQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "up_to_number"],
                name="one_withdrawal_per_version",
            ),
            models.CheckConstraint(
                condition=models.Q(up_to_number__gte=1), name="withdrawal_covers_a_version"
            ),
        ]

    def __str__(self):
        return f"Withdrawal of {self.content_object} ({self.withdrawn_at:%d %b %Y})"


class PublishableQuerySet(VisibilityQuerySet):
    """Visibility for anything published through versions: the public sees objects with a
    ready version no withdrawal covers; staff who may view, change or publish the model see
    drafts too."""

    draft_permissions = ("view", "change", "publish")

    def _outer(self, queryset):
        content_type = ContentType.objects.get_for_model(self.model, for_concrete_model=False)
        return queryset.filter(content_type=content_type, object_id=models.OuterRef("pk"))

    def public(self):
        return self.filter(models.Exists(self._outer(Version.objects.public())))

    def with_live_published_at(self):
        """Each object with ``live_published_at``, when the version the public sees was
        published (None while none is), in the same query: for lists of many objects."""
        live = self._outer(Version.objects.public()).order_by("-number").values("published_at")
        return self.annotate(live_published_at=models.Subquery(live[:1]))

    def withdrawn(self):
        """Objects that were public and are no longer: every ready version is withdrawn. Their
        public URLs answer 410 Gone with the withdrawal notice, not 404."""
        return self.filter(
            models.Exists(self._outer(Withdrawal.objects.all())),
            ~models.Exists(self._outer(Version.objects.public())),
        )


class Publishable(models.Model):
    """Mixin for a model published through frozen versions.

    A subclass names its templates: ``page_template`` renders the public page's body and
    ``document_template`` the whole document the PDF is made from (it extends
    ``publications/document.html``). Both receive ``object`` and ``publication_context()``.
    ``document_type`` picks the print stylesheet ``static/pdf/<document_type>.css``.
    ``search_reads_pdf`` is False for a model whose versions' text already holds all that their
    PDF says, so site search need not read the PDF again.

    A model whose ``version_kind`` is ``Version.Kind.RECORD`` (a register entry) freezes
    ``publication_data()`` instead of templates: its version is ready, and public, as soon as
    it is released, with no PDF.

    Its QuerySet is ``PublishableQuerySet``; a subclass with more to say about who sees what
    declares its own subclass of it.
    """

    document_type = "document"
    version_kind = Version.Kind.DOCUMENT
    page_template = ""
    document_template = ""
    search_reads_pdf = True
    # Releasing or withdrawing asks the publisher to re-authenticate (the password again, or a
    # code with two-factor sign-in), and the object's history records it.
    reauthenticate_to_release = True

    versions = GenericRelation(Version)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def publication_title(self):
        return str(self)

    def publication_context(self):
        return {}

    def publication_text(self):
        """Plain text for search; subclasses add their Markdown fields' text."""
        return self.publication_title()

    def publication_data(self):
        """A record's fields as the public will read them (records only)."""
        raise NotImplementedError

    def live_version(self):
        return Version.objects.latest_ready_for(self)

    @property
    def is_public(self):
        """The public can read a version of it now."""
        return self.live_version() is not None

    def withdrawal(self):
        """The withdrawal in force: the latest, unless a version published since is ready."""
        withdrawal = Withdrawal.objects.for_object(self).order_by("-up_to_number").first()
        if withdrawal is None:
            return None
        later = Version.objects.for_object(self).ready().filter(number__gt=withdrawal.up_to_number)
        return None if later.exists() else withdrawal

    def get_manage_url(self):
        """The staff page with this object's publishing panel."""
        raise NotImplementedError

    def get_preview_url(self):
        """Where staff see what publishing it now would show the public: by default the
        preview on its staff page."""
        return self.get_manage_url() + "#preview"
