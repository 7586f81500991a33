"""Frozen, numbered versions of published documents, and where a withdrawn version's PDF is kept."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from pcc_portal.visibility import VisibilityQuerySet

from .generic import ForObjectQuerySet
from .withdrawals import Withdrawal


class ImmutableVersionError(Exception):
    """A ready version is the public record: it is never changed or deleted."""


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
