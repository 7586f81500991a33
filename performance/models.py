"""Performance and scrutiny: figures for the plan's measures, commentary, imports, quarterly
reports, and the strategic scrutiny (accountability board) meetings with their actions.

Measures themselves belong to the plan (``plans.Measure``); this app holds what happens to them.
A measure is public when its plan is: every public read goes through ``Measure`` lookups filtered
by ``public_measures()``.
"""

import copy
import hashlib
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from pcc_portal.errors import DomainError, InvalidTransition
from pcc_portal.publications.markdown import markdown_to_text
from pcc_portal.publications.markdown_fields import MarkdownHTMLField, RendersMarkdown
from pcc_portal.publications.models import (
    Publishable,
    PublishableQuerySet,
    WithdrawalNotice,
    private_storage,
)
from pcc_portal.visibility import VisibilityQuerySet
from plans.models import plan_priorities

from . import periods


class UnconfirmedFigure(DomainError):
    """A figure flagged as unusual was to be saved without confirmation that it was checked."""


def public_measures():
    """Measures of published plans as their live versions published them: the only ones the
    public may see figures for (a measure added in a draft since stays private)."""
    from plans.models import Measure
    from plans.selectors import public_measure_ids

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
        PREVIEWED = "previewed", "Ready to apply"
        INVALID = "invalid", "Has errors"
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


class QuarterlyReportQuerySet(PublishableQuerySet):
    pass


class QuarterlyReport(RendersMarkdown, Publishable):
    """The quarterly performance report: headlines, commentary per priority, a table and a
    chart per measure, and the national measures statement."""

    document_type = "performance"
    # Publishing and withdrawing it ask the publisher to re-authenticate, recorded in its history.
    page_template = "performance/report_body.html"
    document_template = "performance/report_document.html"

    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="+")
    financial_year = models.PositiveSmallIntegerField(
        help_text="The year the financial year starts: 2021 for 2021-22."
    )
    quarter = models.PositiveSmallIntegerField(
        choices=[
            (1, "Q1 (April to June)"),
            (2, "Q2 (July to September)"),
            (3, "Q3 (October to December)"),
            (4, "Q4 (January to March)"),
        ]
    )
    headlines = models.TextField(blank=True, help_text="Markdown: the main points of the quarter.")
    headlines_html = MarkdownHTMLField(source="headlines")
    national_statement = models.TextField(
        "Statement on the national crime and policing measures",
        blank=True,
        help_text="Markdown: the Constabulary's contribution to the national priorities.",
    )
    national_statement_html = MarkdownHTMLField(source="national_statement")
    presented_on = models.DateField(
        null=True, blank=True, help_text="The strategic scrutiny meeting it was presented to."
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(
        excluded_fields=["headlines_html", "national_statement_html", "updated_at"]
    )
    objects = QuarterlyReportQuerySet.as_manager()

    class Meta:
        ordering = ["-financial_year", "-quarter"]
        permissions = [("publish_quarterlyreport", "Can publish quarterly performance reports")]
        constraints = [
            models.UniqueConstraint(
                fields=["financial_year", "quarter"], name="one_report_per_quarter"
            ),
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4), name="quarter_1_to_4"
            ),
        ]

    def __str__(self):
        return f"Performance report, {self.period.long_label}"

    @property
    def period(self):
        return periods.Period.quarter(self.financial_year, self.quarter)

    @property
    def slug(self):
        return self.period.slug

    def get_absolute_url(self):
        return reverse("performance:report", kwargs={"quarter": self.slug})

    def get_pdf_url(self):
        return reverse("performance:report_pdf", kwargs={"quarter": self.slug})

    def get_manage_url(self):
        return reverse("performance_manage:report", kwargs={"pk": self.pk})

    def publication_title(self):
        return f"Police and crime plan performance report: {self.period.long_label}"

    def publication_context(self):
        from .selectors import report_content

        return {"report": self, "content": report_content(report=self)}

    def publication_text(self):
        content = self.publication_context()["content"]
        parts = [self.publication_title(), markdown_to_text(self.headlines)]
        for section in content.sections:
            parts.append(section.title)
            if section.commentary:
                parts.append(markdown_to_text(section.commentary))
            parts.extend(row.measure.wording for row in section.rows)
        parts.append(markdown_to_text(self.national_statement))
        return "\n".join(part for part in parts if part)


class ReportCommentary(RendersMarkdown, models.Model):
    """What the report says about one priority this quarter."""

    report = models.ForeignKey(QuarterlyReport, on_delete=models.CASCADE, related_name="commentary")
    priority = models.ForeignKey("plans.Priority", on_delete=models.CASCADE, related_name="+")
    text = models.TextField(blank=True, help_text="Markdown.")
    text_html = MarkdownHTMLField(source="text")

    history = HistoricalRecords(excluded_fields=["text_html"])

    class Meta:
        verbose_name_plural = "report commentary"
        constraints = [
            models.UniqueConstraint(
                fields=["report", "priority"], name="one_commentary_per_priority"
            )
        ]

    def __str__(self):
        return f"{self.report}: {self.priority}"


class ScrutinyMeeting(RendersMarkdown, Publishable):
    """A strategic scrutiny (accountability board) meeting: the Commissioner holding the Chief
    Constable to account. Its published note is a versioned publication."""

    document_type = "performance"
    # Publishing and withdrawing it ask the publisher to re-authenticate, recorded in its history.
    page_template = "performance/scrutiny_body.html"
    document_template = "performance/scrutiny_document.html"

    date = models.DateField(unique=True)
    attendees = models.TextField(help_text="One person a line, with their role.")
    topics = models.TextField(help_text="One topic a line: what the meeting scrutinised.")
    note = models.TextField(
        "Note of the meeting", blank=True, help_text="Markdown: the published note."
    )
    note_html = MarkdownHTMLField(source="note")
    report = models.ForeignKey(
        QuarterlyReport,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        help_text="The quarterly performance report considered, if any.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["note_html", "updated_at"])

    class Meta:
        ordering = ["-date"]
        permissions = [("publish_scrutinymeeting", "Can publish notes of scrutiny meetings")]

    def __str__(self):
        return f"Strategic scrutiny meeting, {self.date:%-d %B %Y}"

    @property
    def attendee_list(self):
        return [line.strip() for line in self.attendees.splitlines() if line.strip()]

    @property
    def topic_list(self):
        return [line.strip() for line in self.topics.splitlines() if line.strip()]

    def get_absolute_url(self):
        return reverse("performance:meeting", kwargs={"date": self.date.isoformat()})

    def get_pdf_url(self):
        return reverse("performance:meeting_pdf", kwargs={"date": self.date.isoformat()})

    def get_manage_url(self):
        return reverse("performance_manage:meeting", kwargs={"pk": self.pk})

    def publication_title(self):
        return f"Note of the strategic scrutiny meeting, {self.date:%-d %B %Y}"

    def publication_context(self):
        return {
            "meeting": self,
            "papers": list(self.papers.all()),
            "raised": list(self.actions.order_by("due_date", "pk")),
            "carried_forward": list(ScrutinyAction.objects.carried_forward_to(self)),
        }

    def publication_text(self):
        context = self.publication_context()
        parts = [self.publication_title(), *self.topic_list, markdown_to_text(self.note)]
        parts += [paper.title for paper in context["papers"]]
        parts += [action.description for action in context["raised"]]
        return "\n".join(part for part in parts if part)


class Paper(models.Model):
    """A paper the meeting received from the Constabulary or the office."""

    meeting = models.ForeignKey(ScrutinyMeeting, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=300)
    presented_by = models.CharField(max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "pk"]

    def __str__(self):
        return self.title


class ScrutinyActionQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=ScrutinyAction.Status.CLOSED)

    def carried_forward_to(self, meeting):
        """Actions raised at earlier meetings that were still open when this one met."""
        return (
            self.filter(raised_at__date__lt=meeting.date)
            .filter(models.Q(closed_on__isnull=True) | models.Q(closed_on__gte=meeting.date))
            .select_related("raised_at")
            .order_by("due_date", "pk")
        )

    def overdue(self, *, today=None):
        today = today or timezone.localdate()
        return self.open().filter(due_date__lt=today)


class ScrutinyAction(models.Model):
    """Something the Chief Constable was asked to do, carried forward until closed."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        CLOSED = "closed", "Closed"

    raised_at = models.ForeignKey(ScrutinyMeeting, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner = models.CharField(
        max_length=200,
        help_text="Who answers for it, for example "
        "“Chief Constable” or “Assistant Chief Constable, Local Policing”.",
    )
    due_date = models.DateField()
    status = models.CharField(max_length=20, choices=Status, default=Status.OPEN)
    update = models.TextField("Latest update", blank=True)
    closed_on = models.DateField(null=True, blank=True)
    priorities = plan_priorities(
        "scrutiny_actions", help_text="The police and crime plan priorities the action is about."
    )

    history = HistoricalRecords(m2m_fields=[priorities])
    objects = ScrutinyActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(status="closed") & models.Q(closed_on__isnull=False))
                | (~models.Q(status="closed") & models.Q(closed_on__isnull=True)),
                name="closed_action_has_closing_date",
            )
        ]

    def __str__(self):
        return self.description[:80]

    def start(self):
        if self.status != self.Status.OPEN:
            raise InvalidTransition(
                "Only an open action can be started; this one is "
                f"{self.get_status_display().lower()}."
            )
        self.status = self.Status.IN_PROGRESS

    def close(self, *, on):
        if self.status == self.Status.CLOSED:
            raise InvalidTransition("This action is already closed.")
        if on < self.raised_at.date:
            raise InvalidTransition("An action cannot be closed before the meeting that raised it.")
        self.status = self.Status.CLOSED
        self.closed_on = on

    def reopen(self):
        if self.status != self.Status.CLOSED:
            raise InvalidTransition("Only a closed action can be reopened.")
        self.status = self.Status.OPEN
        self.closed_on = None

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.status != self.Status.CLOSED and self.due_date < today


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
