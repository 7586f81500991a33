"""Figures of the plan's measures, each a draft until released, and dated commentary on the
measures that have no numbers."""

import copy
import hashlib

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from pcc_portal.errors import DomainError
from pcc_portal.publications.markdown_fields import MarkdownHTMLField, RendersMarkdown
from pcc_portal.visibility import VisibilityQuerySet
from plans.models import Measure
from plans.selectors import public_measure_ids

from .. import periods


class UnconfirmedFigure(DomainError):
    """A figure flagged as unusual was to be saved without confirmation that it was checked."""


def public_measures():
    """Measures of published plans as their live versions published them: the only ones the
    public may see figures for (a measure added in a draft since stays private)."""
    return Measure.objects.filter(pk__in=public_measure_ids())


class DataPointQuerySet(VisibilityQuerySet):
    def released(self):
        """Figures a decision maker has released, each with the values released (a correction
        since waits in the ``pending_*`` columns). For a reader that has already read its
        measures as public (``PublishedPlan``, ``published_measure``); others use ``public()``."""
        return self.filter(released_at__isnull=False)

    def public(self):
        """Released figures of measures the public may see."""
        return self.released().filter(measure__in=public_measures())

    def awaiting_release(self):
        """Figures never released, and released ones with a correction not yet released."""
        return self.filter(
            models.Q(released_at__isnull=True) | models.Q(pending_value__isnull=False)
        )

    def in_quarter(self, quarter):
        """Figures for ``quarter`` (a financial-year quarter) and for the months in it."""
        return self.filter(period_start__gte=quarter.start, period_start__lte=quarter.end)

    def in_order(self):
        return self.order_by("measure_id", "period_start", "period_kind")


FIGURE_FIELDS = ("value", "comparison_value", "target", "source", "note")


class DataPoint(models.Model):
    """One figure of a numeric measure for one period: a draft until a decision maker releases
    it (``release_figures``, or publishing the quarter's report).

    The row's own figure columns (``value`` to ``note``) hold what the public sees once
    ``released_at`` is set, and never change without a release: a correction to a released
    figure is kept beside them in the ``pending_*`` columns, and releasing copies it over. So
    the public keeps the released figure until the correction is released, every public reader
    reads the plain columns through ``released()``/``public()``, and staff read ``entered()``,
    the figure as last entered. A figure never released is corrected in place. The history
    records each entry, correction and release, with who did it.
    """

    class PeriodKind(models.TextChoices):
        MONTH = periods.MONTH, "Month"
        QUARTER = periods.QUARTER, "Financial-year quarter"

    measure = models.ForeignKey(
        "plans.Measure", on_delete=models.CASCADE, related_name="data_points"
    )
    period_kind = models.CharField(max_length=10, choices=PeriodKind)
    period_start = models.DateField(help_text="The first day of the month or quarter.")
    value = models.DecimalField(max_digits=16, decimal_places=4)
    comparison_value = models.DecimalField(
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="What the value is compared with, usually the same period a year earlier.",
    )
    target = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    source = models.CharField(max_length=200, blank=True, help_text="Who supplied the figure.")
    note = models.CharField(max_length=500, blank=True)
    demonstration = models.BooleanField(
        default=False, help_text="Made up for the demonstration site; labelled wherever shown."
    )
    imported_by = models.ForeignKey(
        "MeasureImport", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who entered or imported the figure as it now stands.",
    )
    flag = models.CharField(
        max_length=300,
        blank=True,
        help_text="The warning about the figure that the person entering it confirmed.",
    )
    released_at = models.DateTimeField(null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # A correction to a released figure, waiting for release (none while pending_value is null).
    pending_value = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    pending_comparison_value = models.DecimalField(
        max_digits=16, decimal_places=4, null=True, blank=True
    )
    pending_target = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    pending_source = models.CharField(max_length=200, blank=True)
    pending_note = models.CharField(max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = DataPointQuerySet.as_manager()

    class Meta:
        permissions = [("release_figures", "Can release performance figures to the public")]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "period_kind", "period_start"], name="one_figure_per_period"
            ),
            models.CheckConstraint(condition=models.Q(period_start__day=1), name="period_on_1st"),
            models.CheckConstraint(
                condition=~models.Q(period_kind=periods.QUARTER)
                | models.Q(period_start__month__in=[1, 4, 7, 10]),
                name="quarter_starts_a_financial_quarter",
            ),
            models.CheckConstraint(
                condition=models.Q(pending_value__isnull=True)
                | models.Q(released_at__isnull=False),
                name="only_a_released_figure_has_a_pending_correction",
            ),
        ]
        indexes = [models.Index(fields=["measure", "period_start"])]

    def __str__(self):
        return f"{self.measure}: {self.period} = {self.value}"

    @property
    def period(self):
        return periods.Period(self.period_start, self.period_kind)

    @property
    def is_released(self):
        return self.released_at is not None

    @property
    def has_pending_correction(self):
        return self.pending_value is not None

    @property
    def awaiting_release(self):
        return not self.is_released or self.has_pending_correction

    def entered(self):
        """The figure as staff last entered it, for staff pages: itself, or with its pending
        correction in the figure columns (a copy, never to be saved)."""
        if not self.has_pending_correction:
            return self
        shown = copy.copy(self)
        for name in FIGURE_FIELDS:
            setattr(shown, name, getattr(self, f"pending_{name}"))
        shown.released_figure = self  # what the public sees meanwhile
        return shown

    def enter(self, *, by, flag="", **figure):
        """Take ``figure`` (``value``, ``comparison_value``, ``target``, ``source``, ``note``)
        as ``by`` entered it: in place while never released; once released, as a pending
        correction, so the public keeps the released figure until this one is released."""
        self.entered_by = by
        self.flag = flag
        if not self.is_released:
            for name, value in figure.items():
                setattr(self, name, value)
        elif all(getattr(self, name) == figure[name] for name in FIGURE_FIELDS):
            self._clear_pending()  # back to the figure released: nothing waits
        else:
            for name in FIGURE_FIELDS:
                setattr(self, f"pending_{name}", figure[name])

    def release(self, *, by, at):
        """Make the figure as entered the public one."""
        self._take_pending()
        self.released_at = at
        self.released_by = by

    def withdraw(self):
        """Take the released figure off the public site: a draft again, awaiting release (as
        last entered: a correction waiting for release becomes the draft)."""
        self._take_pending()
        self.released_at = None
        self.released_by = None

    def _take_pending(self):
        """The figure as last entered: a correction waiting for release moves into the figure
        columns."""
        if self.has_pending_correction:
            for name in FIGURE_FIELDS:
                setattr(self, name, getattr(self, f"pending_{name}"))
            self._clear_pending()

    def _clear_pending(self):
        self.pending_value = self.pending_comparison_value = self.pending_target = None
        self.pending_source = self.pending_note = ""


def review_key(points):
    """A short digest of ``points`` as they stand (each one's id and last change), sent with
    "Release these figures" so that only figures as the decision maker saw them are released."""
    text = ",".join(
        f"{point.pk}:{point.updated_at.isoformat()}" for point in sorted(points, key=lambda p: p.pk)
    )
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class MeasureCommentaryQuerySet(VisibilityQuerySet):
    def public(self):
        return self.filter(measure__in=public_measures())


class MeasureCommentary(RendersMarkdown, models.Model):
    """Dated commentary on a measure without numbers ("Outcome of HMICFRS inspections")."""

    measure = models.ForeignKey(
        "plans.Measure", on_delete=models.CASCADE, related_name="commentary"
    )
    date = models.DateField()
    text = models.TextField(help_text="Markdown.")
    text_html = MarkdownHTMLField(source="text")
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    history = HistoricalRecords(excluded_fields=["text_html"])
    objects = MeasureCommentaryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "measure commentary"
        ordering = ["measure", "-date", "-pk"]

    def __str__(self):
        return f"{self.measure}: {self.date:%d %B %Y}"
