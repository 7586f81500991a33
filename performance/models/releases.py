"""A quarter's figures as one release to approve, and released figures withdrawn."""

from django.db import models
from django.urls import reverse
from django.utils import timezone

from pcc_portal.publications.models import WithdrawalNotice

from .. import periods
from .figures import DataPoint


class FiguresRelease(models.Model):
    """A quarter's figures awaiting release, as one thing an editor asks a decision maker to
    approve (approval requests name it). The figures themselves stay on ``DataPoint``."""

    period_start = models.DateField(unique=True, help_text="The first day of the quarter.")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_start__day=1)
                & models.Q(period_start__month__in=[1, 4, 7, 10]),
                name="figures_release_starts_a_quarter",
            )
        ]

    def __str__(self):
        return f"Figures for {self.period.label}"

    @property
    def period(self):
        return periods.Period(self.period_start, periods.QUARTER)

    def publication_title(self):
        return f"Performance figures for {self.period.long_label}"

    def get_manage_url(self):
        return reverse("performance_manage:release_quarter", kwargs={"quarter": self.period.slug})


class FiguresWithdrawalQuerySet(models.QuerySet):
    def in_quarter(self, quarter):
        return self.filter(period_start=quarter.start)

    def in_force(self):
        """Withdrawals no release of the same quarter has followed: the public is told of
        them where the figures used to show."""
        later_release = DataPoint.objects.filter(
            period_start__gte=models.OuterRef("period_start"),
            period_start__lte=models.OuterRef("period_end"),
            released_at__gt=models.OuterRef("withdrawn_at"),
        )
        return self.exclude(models.Exists(later_release))


class FiguresWithdrawal(WithdrawalNotice):
    """A quarter's released figures taken off the public site, with the reason the public is
    told ("Figures for 2021-22 Q3 withdrawn on <date>: <reason>"). The figures go back to
    being drafts awaiting release, to be corrected and released again as a new release; what
    was withdrawn is kept here as it was released, for the record."""

    period_start = models.DateField(help_text="The first day of the quarter.")
    period_end = models.DateField(help_text="The last day of the quarter.")
    figures = models.JSONField(
        default=list, help_text="The figures withdrawn, as they were released."
    )
    measure_ids = models.JSONField(default=list, help_text="The measures whose figures went.")

    objects = FiguresWithdrawalQuerySet.as_manager()

    class Meta:
        ordering = ["-withdrawn_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_start__day=1)
                & models.Q(period_start__month__in=[1, 4, 7, 10]),
                name="figures_withdrawal_starts_a_quarter",
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gt=models.F("period_start")),
                name="figures_withdrawal_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"Figures for {self.period.label} withdrawn on {self.withdrawn_at:%d %b %Y}"

    def save(self, *args, **kwargs):
        self.period_end = self.period.end
        super().save(*args, **kwargs)

    @property
    def period(self):
        return periods.Period(self.period_start, periods.QUARTER)

    @property
    def notice(self):
        """The public notice, as GOV.UK words a withdrawal."""
        day = timezone.localtime(self.withdrawn_at)
        return f"Figures for {self.period.label} withdrawn on {day:%-d %B %Y}: {self.reason}"
