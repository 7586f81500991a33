"""Approval requests: an editor who may not publish a plan or a quarterly report, or release a
quarter's figures, asks those who may. A request is pending until it is approved (by publishing
or releasing what it names, through the usual check page), returned with a reason, or withdrawn
by the one who asked."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from pcc_portal.publications.models import ForObjectQuerySet
from pcc_portal.visibility import VisibilityQuerySet

from .kinds import KINDS


class ApprovalRequestQuerySet(ForObjectQuerySet, VisibilityQuerySet):
    def for_object(self, obj):
        if obj.pk is None:
            return self.none()
        return super().for_object(obj)

    def pending(self):
        return self.filter(status=ApprovalRequest.Status.PENDING)

    def approvable_by(self, user):
        """Pending requests ``user`` may approve: of kinds they may publish, not their own."""
        kinds = [kind.slug for kind in KINDS.values() if user.has_perm(kind.approve_permission)]
        return self.pending().filter(kind__in=kinds).exclude(requested_by=user)

    def visible_to(self, user):  # follows the request's kinds and author, not drafts
        """Requests a user may see: their own, and those of kinds they may approve or ask."""
        if not user.is_authenticated:
            return self.none()
        kinds = [
            kind.slug
            for kind in KINDS.values()
            if user.has_perm(kind.approve_permission) or user.has_perm(kind.request_permission)
        ]
        return self.filter(models.Q(kind__in=kinds) | models.Q(requested_by=user))


class ApprovalRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting approval"
        APPROVED = "approved", "Approved"
        RETURNED = "returned", "Returned"
        WITHDRAWN = "withdrawn", "Withdrawn"

    kind = models.CharField(max_length=40, choices=[(slug, slug) for slug in KINDS])
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    title = models.CharField(max_length=300, help_text="What it was called when asked.")
    note = models.TextField(help_text="What the one asking says to the approver.")
    fingerprint = models.CharField(
        max_length=64, help_text="What it would have released when asked, as a digest."
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text="Who approved or returned it.",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True, help_text="Why it was returned.")

    history = HistoricalRecords()
    objects = ApprovalRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(status="pending"),
                name="one_pending_approval_request_per_object",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="returned") | ~models.Q(reason=""),
                name="returned_approval_request_has_reason",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=["approved", "returned"])
                | models.Q(decided_by__isnull=False, decided_at__isnull=False),
                name="decided_approval_request_says_who_and_when",
            ),
        ]
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self):
        return f"Approval of \u201c{self.title}\u201d asked by {self.requested_by}"

    def get_absolute_url(self):
        return reverse("approvals:detail", kwargs={"pk": self.pk})

    def get_manage_url(self):
        return self.get_absolute_url()

    @property
    def kind_spec(self):
        return KINDS[self.kind]

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    def is_stale(self):
        """What it would release has changed since it was asked for: the approver is told to
        check the changes too."""
        obj = self.content_type.model_class()._base_manager.filter(pk=self.object_id).first()
        return obj is None or self.kind_spec.fingerprint(obj) != self.fingerprint

    def check_url(self):
        return self.kind_spec.check_url(self.content_object)
