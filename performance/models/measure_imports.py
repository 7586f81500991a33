"""Spreadsheets of figures as the Constabulary supplied them, kept privately."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from pcc_portal.publications.models import private_storage

# Uploaded spreadsheets are kept privately: they hold figures not yet published, and rejected
# files anything at all; staff read what they need of them on the import's own page. (The name is
# the one the migrations give the storage.)
import_storage = private_storage


def _import_path(instance, filename):
    # An unguessable name: the original name is kept on the record, not in the path.
    extension = PurePosixPath(filename).suffix.lower()[:10]
    return f"performance/imports/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class MeasureImport(models.Model):
    """A spreadsheet of figures as the Constabulary supplied it: kept, previewed, then applied
    whole or not at all."""

    class Status(models.TextChoices):
        PREVIEWED = "previewed", "Checked: ready to apply"
        INVALID = "invalid", "Has problems: nothing can be applied"
        APPLIED = "applied", "Applied"
        DISCARDED = "discarded", "Discarded"

    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="+")
    file = models.FileField(upload_to=_import_path, storage=import_storage)
    original_name = models.CharField(max_length=255)
    status = models.CharField(max_length=20, choices=Status, default=Status.PREVIEWED)
    row_count = models.PositiveIntegerField(default=0)
    new_count = models.PositiveIntegerField(default=0)
    replaced_count = models.PositiveIntegerField(default=0)
    # The problems of the first rows that have any (imports.MAX_ERROR_ROWS), and how many
    # problems and rows there are in all.
    errors = models.JSONField(default=list, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    error_row_count = models.PositiveIntegerField(default=0)
    # The rows whose figure is far from the measure's recent ones (the first MAX_ERROR_ROWS of
    # them, and how many in all), as the latest check found them: applying them needs the
    # confirmation that they were checked.
    flags = models.JSONField(default=list, blank=True)
    flag_count = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    applied_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="applied")
                | (models.Q(applied_by__isnull=False) & models.Q(applied_at__isnull=False)),
                name="applied_import_says_who_and_when",
            )
        ]

    def __str__(self):
        return f"{self.original_name} ({self.uploaded_at:%d %b %Y %H:%M})"

    def get_absolute_url(self):
        return reverse("performance_manage:import", kwargs={"pk": self.pk})

    @property
    def can_apply(self):
        return self.status == self.Status.PREVIEWED
