"""Complaints about the Commissioner and the Deputy, for staff only."""

import datetime

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class Complaint(models.Model):
    """A complaint about the Commissioner or the Deputy, handled for the Panel under the Elected
    Local Policing Bodies (Complaints and Misconduct) Regulations 2012. Every field is for staff
    only: the public sees counts (``casework.statistics``), never a record."""

    class Subject(models.TextChoices):
        COMMISSIONER = "commissioner", "The Commissioner"
        DEPUTY = "deputy", "The Deputy Commissioner"

    class Recording(models.TextChoices):
        PENDING = "pending", "Not decided yet"
        RECORDED = "recorded", "Recorded"
        NOT_RECORDED = "not_recorded", "Not recorded"

    class Outcome(models.TextChoices):
        RESOLVED = "resolved", "Resolved informally"
        NOT_RESOLVED = "not_resolved", "Informal resolution failed"
        WITHDRAWN = "withdrawn", "Withdrawn"
        IOPC = "iopc", "Dealt with by the IOPC"
        NO_ACTION = "no_action", "No further action"

    panel = models.ForeignKey("panel.Panel", on_delete=models.PROTECT, related_name="+")
    subject = models.CharField(max_length=20, choices=Subject)
    received_on = models.DateField()
    complainant_name = models.CharField(max_length=200)
    complainant_contact = models.CharField(
        max_length=300, blank=True, help_text="An email or postal address."
    )
    details = models.TextField(help_text="What the complaint is about.")
    recording = models.CharField(max_length=20, choices=Recording, default=Recording.PENDING)
    recording_decided_on = models.DateField(null=True, blank=True)
    not_recorded_reason = models.TextField(
        blank=True, help_text="Told to the complainant when the complaint is not recorded."
    )
    serious = models.BooleanField(
        default=False,
        verbose_name="Serious complaint",
        help_text="It alleges conduct that may be a criminal offence.",
    )
    conduct_matter = models.BooleanField(
        default=False, help_text="A conduct matter: an indication of a criminal offence."
    )
    became_clear_on = models.DateField(
        null=True,
        blank=True,
        help_text="When it became clear it was a serious complaint or conduct matter.",
    )
    referred_on = models.DateField(null=True, blank=True, verbose_name="Referred to the IOPC on")
    informal_resolution_started_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome, blank=True)
    outcome_on = models.DateField(null=True, blank=True)
    outcome_notes = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(referred_on__isnull=True)
                | models.Q(serious=True)
                | models.Q(conduct_matter=True),
                name="casework_complaint_referred_only_if_serious_or_conduct",
            ),
        ]

    def __str__(self):
        return f"Complaint {self.pk} about {self.get_subject_display().lower()}"

    @property
    def referral_due(self):
        """The IOPC is told by the end of the day after it became clear the complaint is
        serious or a conduct matter."""
        if not (self.serious or self.conduct_matter):
            return None
        start = self.became_clear_on or self.received_on
        return start + datetime.timedelta(days=1)
