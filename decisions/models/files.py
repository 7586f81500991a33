"""Decision attachments: uploaded PDFs, checked on upload, cleaned, and kept in private storage
served only through views that check who may see them."""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from pcc_portal.publications.pdf_safety import InvalidPDF, read_upload

from .decision import Decision

ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024


def validate_pdf(upload):
    """Accept only a real PDF no larger than the limit (``pdf_safety.read_upload``), refused
    beside the field."""
    try:
        read_upload(upload, limit=ATTACHMENT_MAX_BYTES)
    except InvalidPDF as error:
        raise ValidationError(str(error)) from error


def attachment_storage():
    """Where decision attachments are kept: the project's "private" storage when it has one (a
    bucket that is never publicly readable), else a folder beside the media folder that nothing
    serves. Attachments reach anyone only through views that check who may see them."""
    from django.core.files.storage import FileSystemStorage, storages

    if "private" in settings.STORAGES:
        return storages["private"]
    return FileSystemStorage(location=Path(settings.MEDIA_ROOT).parent / "private-media")


def _attachment_path(instance, filename):
    # Unguessable names: attachments are served only through views that check who may see them.
    return f"decisions/{instance.storage_folder}/{uuid.uuid4().hex}.pdf"


class CheckedAttachment(models.Model):
    """An uploaded PDF kept twice: ``file`` is the copy cleaned on upload of scripts, actions and
    embedded files (``pdf_safety.make_safe``), the only one ever served; ``original_file`` is
    the PDF as it came, kept privately and never served. A subclass has its ``title`` and the
    object it belongs to."""

    original_file = models.FileField(
        upload_to=_attachment_path,
        storage=attachment_storage,
        blank=True,
        editable=False,
        help_text="The PDF as it was uploaded, never served.",
    )
    removed = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="What cleaning removed from the uploaded PDF, in words for staff.",
    )
    tagged = models.BooleanField(
        null=True,
        editable=False,
        help_text="Whether the PDF is tagged (accessible); empty when it was never inspected.",
    )
    page_count = models.PositiveIntegerField(null=True, blank=True, editable=False)
    file = models.FileField(
        upload_to=_attachment_path, storage=attachment_storage, validators=[validate_pdf]
    )
    size = models.PositiveIntegerField(default=0, editable=False)
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)


class DecisionAttachment(CheckedAttachment):
    """A PDF published with Part 1 (a report, a business case). Never shown for a restricted
    decision; served only through a view that checks the decision is public."""

    storage_folder = "part1"

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(max_length=200, help_text="What the document is, as readers see it.")

    def get_absolute_url(self):
        decision = self.decision
        return reverse(
            "decisions:attachment",
            kwargs={"year": decision.financial_year, "number": decision.number, "pk": self.pk},
        )
