"""Police and crime plans: a Commissioner's objectives for a term, as structured content.

The core every other app links to: a ``Plan`` has numbered ``Priority`` objects and ``Measure``
objects (attached to a priority or to a cross-cutting theme). Around them: ordered ``Section``
objects, each priority's ``Commitment`` ("what I will do", with delivery progress) and
``AccountabilityItem`` ("I will hold the Chief Constable to account for") lists, finance rows
(``RevenueFigure``, ``CapitalLine``), and the statutory lifecycle as ``LifecycleStep`` records.
"""

import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from simple_history.models import HistoricalRecords

from pcc_portal.publications.markdown import markdown_to_text, render_markdown
from pcc_portal.publications.markdown_fields import MarkdownHTMLField, RendersMarkdown
from pcc_portal.publications.models import Publishable, PublishableQuerySet, Version

MARKDOWN_HELP = (
    "Markdown: a blank line between paragraphs, * for a list, ## for a heading inside this "
    "part, [text](https://link) for a link."
)


def nest_headings(html, top=3):
    """Shift an author's rendered headings so the highest becomes ``<h{top}>``: they sit under
    the section or priority heading (h2) they are written in, whichever level they typed."""
    levels = [int(level) for level in re.findall(r"<h([2-6])[\s>]", html)]
    if not levels:
        return html
    shift = top - min(levels)
    classes = {3: "govuk-heading-m", 4: "govuk-heading-s", 5: "govuk-heading-s"}

    def replace(match):
        closing, level = match.group(1), max(top, min(int(match.group(2)) + shift, 6))
        if closing:
            return f"</h{level}>"
        return f'<h{level} class="{classes.get(level, "govuk-heading-s")}">'

    return re.sub(r"<(/?)h([2-6])(?:\s[^>]*)?>", replace, html)


def render_part_markdown(text):
    return nest_headings(render_markdown(text)) if text else ""


def financial_year_validator(value):
    """A financial year written as people write it: 2021/22 (1 April 2021 to 31 March 2022)."""
    match = re.fullmatch(r"(\d{4})/(\d{2})", value or "")
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise ValidationError(
            "Enter a financial year like 2021/22: the year it starts, a slash, and the next "
            "year's last two digits."
        )


class Stage(models.TextChoices):
    """The statutory lifecycle of a plan (Police Reform and Social Responsibility Act 2011, s5)."""

    DRAFT = "draft", "Draft"
    PUBLIC_CONSULTED = "public_consulted", "Public and victims consulted"
    CONSULTED = "consulted", "Chief Constable consulted"
    SENT_TO_PANEL = "sent_to_panel", "Sent to the Panel"
    PANEL_RESPONDED = "panel_responded", "Panel report or recommendations received"
    RESPONSE_PUBLISHED = "response_published", "Commissioner's response published"
    ISSUED = "issued", "Issued"
    REVIEWED = "reviewed", "Reviewed"
    VARIED = "varied", "Varied"
    SUPERSEDED = "superseded", "Superseded"


# The statutory steps (s5(6) and s28(3) of the Act): a draft plan, and later a draft variation,
# goes to the Chief Constable, then to the Panel, whose report the Commissioner answers before
# the plan is issued (or varied). ``PUBLISH`` stands for issuing a plan never issued, and varying
# one in force. Once issued, a plan is reviewed (annually), varied (a variation takes the steps
# again, unless it is recorded as minor, with the reason), or superseded by the next term's plan.
PUBLISH = "publish"
IN_FORCE_STAGES = [Stage.ISSUED, Stage.REVIEWED, Stage.VARIED]
# The steps a draft plan or a draft variation takes before it is published.
DRAFTING_STAGES = [Stage.PUBLIC_CONSULTED, Stage.CONSULTED, Stage.SENT_TO_PANEL,
                   Stage.PANEL_RESPONDED, Stage.RESPONSE_PUBLISHED]  # fmt: skip
# A plan in force, whether issued, reviewed or varied, goes on the same ways: reviewed again, a
# variation started (consulting first or not), varied, or superseded.
IN_FORCE_NEXT_STAGES = [Stage.REVIEWED, Stage.PUBLIC_CONSULTED, Stage.CONSULTED, Stage.VARIED,
                        Stage.SUPERSEDED]  # fmt: skip
# Obtaining the views of the people of the area and of victims of crime before a plan is issued
# (Police Act 1996, s96, as the 2011 Act amended it) comes before the Chief Constable's and the
# Panel's steps.
NEXT_STAGES = {
    Stage.DRAFT: [Stage.PUBLIC_CONSULTED, Stage.CONSULTED],
    Stage.PUBLIC_CONSULTED: [Stage.CONSULTED],
    Stage.CONSULTED: [Stage.SENT_TO_PANEL],
    # The Panel may make no report: then there is no response either, and the plan is issued.
    Stage.SENT_TO_PANEL: [Stage.PANEL_RESPONDED, PUBLISH],
    Stage.PANEL_RESPONDED: [Stage.RESPONSE_PUBLISHED],
    Stage.RESPONSE_PUBLISHED: [PUBLISH],
    Stage.ISSUED: IN_FORCE_NEXT_STAGES,
    Stage.REVIEWED: IN_FORCE_NEXT_STAGES,
    Stage.VARIED: IN_FORCE_NEXT_STAGES,
    Stage.SUPERSEDED: [],
}
# Issuing, varying and superseding a plan are the Commissioner's decisions; the other steps
# record work the office does.
STEP_PERMISSIONS = {
    Stage.PUBLIC_CONSULTED: "plans.change_plan",
    Stage.CONSULTED: "plans.change_plan",
    Stage.SENT_TO_PANEL: "plans.change_plan",
    Stage.PANEL_RESPONDED: "plans.change_plan",
    Stage.RESPONSE_PUBLISHED: "plans.change_plan",
    Stage.ISSUED: "plans.publish_plan",
    Stage.REVIEWED: "plans.change_plan",
    Stage.VARIED: "plans.publish_plan",
    Stage.SUPERSEDED: "plans.publish_plan",
}
# Stages in which the plan is in force with no variation under way.
PUBLISHABLE_STAGES = IN_FORCE_STAGES
# Stages whose step publishes a new version of the plan: issuing it, and varying it. They are
# taken from the check page that lists what becomes public, never from the plain step form.
PUBLISHING_STAGES = (Stage.ISSUED, Stage.VARIED)


class PlanQuerySet(PublishableQuerySet):
    # Whoever may create or delete plans also sees drafts: copying one starts the next term's,
    # and a draft started by mistake is deleted.
    draft_permissions = (*PublishableQuerySet.draft_permissions, "add", "delete")

    def in_public_order(self):
        """Current plan first (in force, latest term), then earlier and superseded ones."""
        return self.annotate(
            superseded_first=models.Case(
                models.When(stage=Stage.SUPERSEDED, then=1),
                default=0,
                output_field=models.IntegerField(),
            )
        ).order_by("superseded_first", "-term_start", "pk")


class Plan(Publishable):
    document_type = "plan"
    page_template = "plans/plan_body.html"
    document_template = "plans/plan_document.html"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True, help_text="Its address: /plans/<slug>/")
    force_area = models.CharField(max_length=100, default="Lancashire")
    commissioner = models.CharField(max_length=200, help_text="The Commissioner whose plan it is.")
    term_start = models.DateField()
    term_end = models.DateField()
    summary = models.CharField(
        max_length=300, blank=True, help_text="One sentence shown under the title and in lists."
    )
    stage = models.CharField(max_length=30, choices=Stage, default=Stage.DRAFT, editable=False)
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies",
        editable=False,
    )  # fmt: skip
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-term_start"]
        permissions = [("publish_plan", "Can publish plans")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(term_end__gt=models.F("term_start")),
                name="plan_term_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plans:detail", kwargs={"slug": self.slug})

    def get_manage_url(self):
        return reverse("plans_manage:detail", kwargs={"pk": self.pk})

    def get_preview_url(self):
        return reverse("plans_manage:preview", kwargs={"pk": self.pk})

    def get_pdf_url(self):
        return reverse("plans:pdf", kwargs={"slug": self.slug})

    def get_commitments_url(self):
        return reverse("plans:commitments", kwargs={"slug": self.slug})

    @property
    def term_label(self):
        return f"{self.term_start:%B %Y} to {self.term_end:%B %Y}"

    # Lifecycle ---------------------------------------------------------------------------
    def next_stages(self):
        publish = Stage.VARIED if self.is_issued else Stage.ISSUED
        following = []
        for stage in NEXT_STAGES[Stage(self.stage)]:
            stage = publish if stage == PUBLISH else stage
            if stage not in following:
                following.append(stage)
        return following

    @cached_property
    def is_issued(self):
        """The plan has been issued (it may be superseded since)."""
        return self.steps.filter(stage=Stage.ISSUED).exists()

    @property
    def is_in_force(self):
        """Issued and not superseded, a variation under way or not."""
        return self.stage != Stage.SUPERSEDED and (self.stage in IN_FORCE_STAGES or self.is_issued)

    @property
    def variation_under_way(self):
        return self.is_in_force and self.stage in DRAFTING_STAGES

    @property
    def variation_may_be_minor(self):
        """Varying the plan now skips the statutory steps: only as a minor variation."""
        return self.stage in IN_FORCE_STAGES

    def publishing_stage(self):
        """The next step that would publish the plan (issuing or varying it), or None."""
        return next((s for s in self.next_stages() if s in PUBLISHING_STAGES), None)

    @property
    def is_superseded(self):
        return self.stage == Stage.SUPERSEDED

    def review_due_on(self):
        """A plan in force is reviewed every year: a year after it was issued, last varied or
        last reviewed. None when it is not in force."""
        if not self.is_in_force:
            return None
        last = self.steps.filter(stage__in=IN_FORCE_STAGES).order_by("-date", "-pk").first()
        if last is None:
            return None
        try:
            return last.date.replace(year=last.date.year + 1)
        except ValueError:  # 29 February
            return last.date.replace(year=last.date.year + 1, day=28)

    def has_unpublished_changes(self):
        live = self.live_version()
        return live is None or self.content_changed_at() > live.published_at

    def content_changed_at(self):
        """When anything in the plan's content last changed (deletions included)."""
        times = [self.updated_at]
        for model in (Section, Priority, Commitment, AccountabilityItem, Measure, RevenueFigure,
                      CapitalLine):  # fmt: skip
            latest = (
                model.history.filter(**{_plan_lookup(model): self.pk})
                .order_by("-history_date")
                .values_list("history_date", flat=True)
                .first()
            )
            if latest:
                times.append(latest)
        return max(times)

    # Publishing --------------------------------------------------------------------------
    def publication_title(self):
        return self.title

    def publication_context(self):
        from .selectors import plan_contents

        return plan_contents(plan=self)

    def publication_text(self):
        parts = [self.title, self.summary, self.commissioner, self.force_area]
        for section in self.sections.all():
            parts += [section.title, markdown_to_text(section.body)]
        for priority in self.priorities.prefetch_related("commitments", "accountability_items"):
            parts += [priority.title, priority.summary, markdown_to_text(priority.narrative)]
            parts += [c.wording for c in priority.commitments.all()]
            parts += [a.wording for a in priority.accountability_items.all()]
        parts += [m.wording for m in self.measures.all()]
        return "\n".join(p for p in parts if p)


def _plan_lookup(model):
    return (
        "plan_id"
        if model in (Section, Priority, Measure, RevenueFigure, CapitalLine)
        else ("priority__plan_id")
    )


class LifecycleStep(models.Model):
    """One statutory step a plan took: what, when, who recorded it, and why."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="steps")
    stage = models.CharField(max_length=30, choices=Stage)
    date = models.DateField(help_text="The day the step happened.")
    note = models.TextField(blank=True)
    reference = models.CharField(
        max_length=50, blank=True, help_text="The decision approving it, for example 28/2021."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    version = models.ForeignKey(
        Version, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    variation = models.BooleanField(
        default=False, help_text="A step of a variation of the plan in force, not of its draft."
    )
    consultation_opened = models.DateField(
        null=True,
        blank=True,
        help_text="For the consultation of the public and victims: the day it opened (the "
        "step's date is the day it closed).",
    )
    responses_summary = models.TextField(
        "Summary of responses",
        blank=True,
        help_text="For the consultation of the public and victims: who replied and what they said.",
    )
    minor_reason = models.TextField(
        blank=True,
        help_text="For a variation recorded as minor, so taken without the Chief Constable's "
        "and the Panel's steps: why it is minor.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "date", "pk"]

    def __str__(self):
        return f"{self.plan}: {self.get_stage_display()} on {self.date:%-d %B %Y}"

    @property
    def label(self):
        """The step as people read it: a variation's steps say so."""
        label = self.get_stage_display()
        if self.stage == Stage.VARIED and self.minor_reason:
            return "Varied (minor variation)"
        if self.variation and self.stage != Stage.VARIED:
            return f"{label} (on a variation)"
        return label


class OrderedQuerySet(models.QuerySet):
    def in_order(self):
        return self.order_by("order", "pk")


class Section(RendersMarkdown, models.Model):
    """A part of the plan in Markdown, before or after the priorities."""

    class Kind(models.TextChoices):
        FOREWORD = "foreword", "Foreword"
        CHIEF_CONSTABLE = "chief_constable", "Chief Constable's message"
        INTRODUCTION = "introduction", "Introduction"
        AREA_PROFILE = "area_profile", "Area profile"
        ROLES = "roles", "Roles and responsibilities"
        CONTEXT = "context", "Context and consultation"
        FINANCE = "finance", "Finance and resources"
        COMMISSIONING = "commissioning", "Commissioning and grants"
        MONITORING = "monitoring", "Monitoring and accountability"
        OTHER = "other", "Other"

    class Placement(models.TextChoices):
        BEFORE = "before", "Before the priorities"
        AFTER = "after", "After the priorities"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(max_length=30, choices=Kind, default=Kind.OTHER)
    placement = models.CharField(max_length=10, choices=Placement, default=Placement.BEFORE)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    body_html = MarkdownHTMLField(source="body", render=render_part_markdown)
    order = models.PositiveSmallIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["body_html"])
    objects = OrderedQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "placement", "order", "pk"]

    def __str__(self):
        return self.title

    @property
    def anchor(self):
        return f"section-{self.pk}"

    def siblings(self):
        return Section.objects.filter(plan_id=self.plan_id, placement=self.placement)


class Priority(RendersMarkdown, models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="priorities")
    number = models.PositiveSmallIntegerField(help_text="Its number in the plan, from 1.")
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    narrative = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    narrative_html = MarkdownHTMLField(source="narrative", render=render_part_markdown)

    history = HistoricalRecords(excluded_fields=["narrative_html"])

    class Meta:
        ordering = ["plan", "number"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="unique_priority_number")
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return reverse("plans:priority", kwargs={"slug": self.plan.slug, "number": self.number})

    @property
    def anchor(self):
        return f"priority-{self.number}"


def plan_priorities(related_name, **options):
    """The plan priorities a thing of another app is about (a decision, a panel report, a
    scrutiny action): one link, declared the same way wherever it is made."""
    return models.ManyToManyField(
        Priority, blank=True, related_name=related_name, verbose_name="plan priorities", **options
    )


class PriorityListItem(models.Model):
    """One item of a priority's two lists (its commitments, and what the Commissioner holds the
    Chief Constable to account for): its wording, in the list's order. A subclass has its
    ``priority``."""

    wording = models.TextField()
    order = models.PositiveSmallIntegerField(default=0, editable=False)

    history = HistoricalRecords(inherit=True)
    objects = OrderedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["priority__number", "order", "pk"]

    def __str__(self):
        return self.wording[:80]

    def siblings(self):
        return type(self).objects.filter(priority_id=self.priority_id)


class Commitment(PriorityListItem):
    """ "What I will do as the Police and Crime Commissioner": one of a priority's promises,
    with its delivery status so progress can be reported."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DELIVERED = "delivered", "Delivered"
        DROPPED = "dropped", "Dropped"

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="commitments")
    status = models.CharField(
        max_length=20, choices=Status, default=Status.NOT_STARTED, editable=False
    )

    @property
    def status_tag(self):
        return {
            self.Status.NOT_STARTED: "govuk-tag--grey",
            self.Status.IN_PROGRESS: "govuk-tag--blue",
            self.Status.DELIVERED: "govuk-tag--green",
            self.Status.DROPPED: "govuk-tag--red",
        }[self.status]


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


class AccountabilityItem(PriorityListItem):
    """ "I will hold the Chief Constable to account for delivering the following": one item."""

    priority = models.ForeignKey(
        Priority, on_delete=models.CASCADE, related_name="accountability_items"
    )


class Measure(models.Model):
    class Direction(models.TextChoices):
        INCREASE = "increase", "Increase"
        REDUCE = "reduce", "Reduce"
        MONITOR = "monitor", "Monitor"
        IMPROVE = "improve", "Improve"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="measures")
    priority = models.ForeignKey(
        Priority, on_delete=models.CASCADE, null=True, blank=True, related_name="measures"
    )
    theme = models.CharField(
        max_length=200,
        blank=True,
        help_text="For a measure outside the priorities, its cross-cutting theme, for example "
        "\u201cEfficient and effective policing\u201d.",
    )
    wording = models.CharField(max_length=300)
    direction = models.CharField(max_length=20, choices=Direction)
    unit = models.CharField(
        max_length=50, blank=True, help_text="For a numeric measure: crimes, %, days..."
    )
    is_national = models.BooleanField("National crime and policing measure", default=False)
    # The range a figure of the measure can possibly take: a figure outside it is a typing
    # mistake and is refused when entered or imported. A percentage is within 0 to 100 anyway.
    minimum = models.DecimalField(
        "Lowest possible figure",
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="Optional: a figure below it is refused as a mistake.",
    )
    maximum = models.DecimalField(
        "Highest possible figure",
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="Optional: a figure above it is refused as a mistake.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "priority__number", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(priority__isnull=False) | ~models.Q(theme=""),
                name="measure_has_priority_or_theme",
            ),
            models.CheckConstraint(
                condition=models.Q(minimum__isnull=True)
                | models.Q(maximum__isnull=True)
                | models.Q(minimum__lte=models.F("maximum")),
                name="measure_minimum_not_above_maximum",
            ),
        ]

    def __str__(self):
        return self.wording

    @property
    def is_numeric(self):
        return bool(self.unit)

    @property
    def is_percentage(self):
        return self.unit.strip() == "%"

    @property
    def figure_range(self):
        """(lowest, highest) a figure may be, either None where there is no limit: the
        measure's own bounds, within 0 to 100 for a percentage."""
        low, high = self.minimum, self.maximum
        if self.is_percentage:
            low = Decimal(0) if low is None else max(low, Decimal(0))
            high = Decimal(100) if high is None else min(high, Decimal(100))
        return low, high

    @property
    def group_label(self):
        return str(self.priority) if self.priority_id else self.theme

    def siblings(self):
        if self.priority_id:
            return Measure.objects.filter(plan_id=self.plan_id, priority_id=self.priority_id)
        return Measure.objects.filter(plan_id=self.plan_id, priority__isnull=True, theme=self.theme)


def format_pounds(amount):
    """£319.0m for millions, £226.45 for smaller sums."""
    if amount is None:
        return ""
    if abs(amount) >= Decimal(1_000_000):
        return f"£{amount / Decimal(1_000_000):,.1f}m"
    return f"£{amount:,.2f}"


class RevenueFigure(models.Model):
    """One headline revenue figure for a financial year: the net revenue budget, the Band D
    precept, what is delegated to the Chief Constable..."""

    class Kind(models.TextChoices):
        NET_REVENUE_BUDGET = "net_revenue_budget", "Net revenue budget"
        BAND_D_PRECEPT = "band_d_precept", "Band D precept"
        PRECEPT_INCREASE = "precept_increase", "Band D precept increase"
        DELEGATED = "delegated", "Delegated to the Chief Constable"
        GRANT = "grant", "Specific grants"
        OTHER = "other", "Other"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="revenue_figures")
    kind = models.CharField(max_length=30, choices=Kind)
    label = models.CharField(
        max_length=200, blank=True, help_text="Only if the kind alone does not say what it is."
    )
    financial_year = models.CharField(
        max_length=7, validators=[financial_year_validator], help_text="For example 2021/22."
    )
    amount = models.DecimalField(
        "Amount (£)", max_digits=14, decimal_places=2, help_text="In pounds: 319000000 or 226.45."
    )
    note = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "financial_year", "kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="revenue_figure_not_negative"
            )
        ]

    def __str__(self):
        return f"{self.display_label} {self.financial_year}: {self.display_amount}"

    @property
    def display_label(self):
        return self.label or self.get_kind_display()

    @property
    def display_amount(self):
        return format_pounds(self.amount)


class CapitalLine(models.Model):
    """One scheme's capital investment in one financial year, in £ millions."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="capital_lines")
    scheme = models.CharField(max_length=200, help_text="For example \u201cIS/IT Strategy\u201d.")
    financial_year = models.CharField(
        max_length=7, validators=[financial_year_validator], help_text="For example 2021/22."
    )
    amount_millions = models.DecimalField(
        "Amount (£m)", max_digits=9, decimal_places=3, help_text="In £ millions: 12.751."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "scheme", "financial_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "scheme", "financial_year"], name="unique_capital_line"
            ),
            models.CheckConstraint(
                condition=models.Q(amount_millions__gte=0), name="capital_line_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.scheme} {self.financial_year}: £{self.amount_millions}m"


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
        from .selectors import delivery_contents

        return delivery_contents(plan=self.plan)

    def publication_text(self):
        context = self.publication_context()
        parts = [self.publication_title()]
        for _priority, rows in context["groups"]:
            for commitment, notes in rows:
                parts.append(commitment.wording)
                parts += [note.note for note in notes]
        return "\n".join(parts)


class PublishedPart(models.Model):
    """A part of a published plan version frozen on its own, for the pages that show one part:
    each priority's page and the commitments tracker. Written with the version, never after."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="plan_parts")
    key = models.CharField(max_length=50)
    title = models.CharField(max_length=300)
    html = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="unique_published_part")
        ]

    def __str__(self):
        return f"{self.title} ({self.version})"
