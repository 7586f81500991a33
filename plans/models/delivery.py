"""How a plan's commitments are being delivered: dated progress notes, and the delivery report
that releases them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from pcc_portal.publications.models import Publishable

from .parts import Commitment
from .plan import Plan


class ProgressNote(models.Model):
    """A dated note on a commitment's delivery, setting its status from that date."""

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="progress_notes"
    )
    date = models.DateField()
    status = models.CharField(max_length=20, choices=Commitment.Status)
    note = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["commitment", "-date", "-recorded_at", "-pk"]

    def __str__(self):
        return f"{self.get_status_display()} on {self.date:%-d %B %Y}"


class DeliveryReport(Publishable):
    """How a plan's commitments are being delivered, published on its own: releasing it makes
    the commitments' statuses and progress notes public without a new version of the statutory
    plan, and a superseded plan can still publish its final report. The commitments are listed
    as the plan's live version published them."""

    document_type = "plan"
    page_template = "plans/delivery_body.html"
    document_template = "plans/delivery_document.html"

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="delivery_report")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        permissions = [("publish_deliveryreport", "Can release delivery updates")]

    def __str__(self):
        return f"Delivery of the commitments: {self.plan}"

    def get_absolute_url(self):
        return self.plan.get_commitments_url()

    def get_manage_url(self):
        return reverse("plans_manage:delivery", kwargs={"pk": self.plan_id})

    def publication_title(self):
        return f"Delivery of the commitments: {self.plan.title}"

    def publication_context(self):
        from ..selectors import delivery_contents

        return delivery_contents(plan=self.plan)

    def publication_text(self):
        context = self.publication_context()
        parts = [self.publication_title()]
        for _priority, rows in context["groups"]:
            for commitment, notes in rows:
                parts.append(commitment.wording)
                parts += [note.note for note in notes]
        return "\n".join(parts)
