"""Records of imports from the systems an OPCC or its panel used before the portal.

``ImportRun`` is one run of an importer with its report; ``ImportedRecord`` marks an object the
portal holds because an import brought it in: which system and record it came from, a
fingerprint of the source as last imported (so a re-run sees what changed) and the runs that
created and last updated it. Domain models stay as they are: the mark lives here.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse

from pcc_portal.publications.models import ForObjectQuerySet, private_storage


class ImportRun(models.Model):
    class Source(models.TextChoices):
        MODERNGOV = "moderngov", "Modern.gov"
        SPREADSHEET = "spreadsheet", "Spreadsheet"

    class Status(models.TextChoices):
        SUCCEEDED = "succeeded", "Imported"
        DRY_RUN = "dry_run", "Dry run: nothing changed"
        FAILED = "failed", "Failed: nothing changed"

    source = models.CharField(max_length=20, choices=Source)
    location = models.CharField(
        max_length=500, help_text="The installation's address or the folder read."
    )
    options = models.JSONField(default=dict, blank=True)
    dry_run = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=Status)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True, help_text="Why the run failed, if it did.")
    # [{"record": "...", "action": "created|updated|unchanged|skipped", "detail": "..."}]
    changes = models.JSONField(default=list, blank=True)
    # What was read leniently: elements skipped, documents missing, and so on.
    notes = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        kind = "Dry run" if self.dry_run else "Import"
        return f"{kind} from {self.get_source_display()}, {self.started_at:%-d %B %Y %H:%M}"

    def get_absolute_url(self):
        return reverse("imports:run", kwargs={"pk": self.pk})

    @property
    def tag_class(self):
        """The GOV.UK tag colour its status shows in."""
        return {
            self.Status.SUCCEEDED: "govuk-tag--green",
            self.Status.DRY_RUN: "govuk-tag--grey",
            self.Status.FAILED: "govuk-tag--red",
        }[self.status]


class ImportedRecord(models.Model):
    """An object the portal holds because an import brought it in."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    source = models.CharField(max_length=20, choices=ImportRun.Source)
    source_id = models.CharField(
        max_length=200, help_text="The record's identifier in the source, e.g. “meeting:1234”."
    )
    fingerprint = models.CharField(
        max_length=64, help_text="SHA-256 of the source record as last imported."
    )
    snapshot = models.JSONField(
        default=dict, blank=True, help_text="What was read from the source, to say what changed."
    )
    first_run = models.ForeignKey(ImportRun, on_delete=models.PROTECT, related_name="+")
    last_run = models.ForeignKey(ImportRun, on_delete=models.PROTECT, related_name="+")
    imported_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    objects = ForObjectQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"], name="one_record_per_source_record"
            ),
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_source_per_object"
            ),
        ]

    def __str__(self):
        return f"{self.content_object} from {self.get_source_display()} {self.source_id}"


class SpreadsheetImport(models.Model):
    """A spreadsheet staff upload: kept privately, checked on upload and shown to them row by
    row, then applied whole or not at all (the rows are checked again first), or discarded."""

    class Status(models.TextChoices):
        CHECKED = "checked", "Checked: ready to apply"
        INVALID = "invalid", "Has problems: nothing can be applied"
        APPLIED = "applied", "Applied"
        DISCARDED = "discarded", "Discarded"

    status = models.CharField(max_length=20, choices=Status)
    original_name = models.CharField(max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    row_count = models.PositiveIntegerField(default=0)
    rows = models.JSONField(default=list, blank=True, help_text="The checked rows.")
    # The problems of the first rows that have any (tables.MAX_ERROR_ROWS), and how many
    # problems and rows there are in all.
    errors = models.JSONField(default=list, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    error_row_count = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.original_name

    @property
    def can_apply(self):
        return self.status == self.Status.CHECKED


class DecisionImport(SpreadsheetImport):
    """A spreadsheet of historic decisions and the ZIP of their signed notices."""

    table = models.FileField(upload_to="imports/decisions/", storage=private_storage)
    notices = models.FileField(upload_to="imports/decisions/", storage=private_storage, blank=True)
    run = models.OneToOneField(
        ImportRun, null=True, blank=True, on_delete=models.PROTECT, related_name="decision_import"
    )

    class Meta(SpreadsheetImport.Meta):
        permissions = [("apply_decisionimport", "Can apply imports of historic decisions")]

    def get_absolute_url(self):
        return reverse("imports:decisions", kwargs={"pk": self.pk})


class EntryImport(SpreadsheetImport):
    """A spreadsheet of one register's entries (gifts and hospitality, interests, grants,
    contracts, the forward plan), with a ZIP of the PDFs its rows name. Applying creates the
    new rows' entries, released at once or kept as drafts as the one applying chooses; rows
    already in the register are left alone."""

    register = models.CharField(max_length=40)
    table = models.FileField(upload_to="imports/registers/", storage=private_storage)
    files = models.FileField(
        upload_to="imports/registers/",
        storage=private_storage,
        blank=True,
        help_text="The ZIP of the PDFs the rows name (a contract's copies).",
    )
    released = models.BooleanField(
        null=True, blank=True, help_text="Once applied: whether the entries were released."
    )
    run = models.OneToOneField(
        ImportRun, null=True, blank=True, on_delete=models.PROTECT, related_name="entry_import"
    )

    class Meta(SpreadsheetImport.Meta):
        permissions = [("apply_entryimport", "Can apply imports of register entries")]

    def get_absolute_url(self):
        return reverse("imports:entry_import", kwargs={"pk": self.pk})

    @property
    def new_count(self):
        return sum(1 for row in self.rows if row.get("action") == "create")

    @property
    def register_title(self):
        from .registers import IMPORTABLE

        return IMPORTABLE.get(self.register, self.register)
