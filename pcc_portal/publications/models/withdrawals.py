"""Withdrawals: versions taken off the public site, with the notice the public is told."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from .generic import ForObjectQuerySet


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
