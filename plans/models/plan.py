"""The plan itself: its term and Commissioner, its statutory steps, and the parts of each
published version frozen for the pages that show one part."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from simple_history.models import HistoricalRecords

from pcc_portal.publications.markdown import markdown_to_text
from pcc_portal.publications.models import Publishable, PublishableQuerySet, Version

from .lifecycle import (
    DRAFTING_STAGES,
    IN_FORCE_STAGES,
    NEXT_STAGES,
    PUBLISH,
    PUBLISHING_STAGES,
    Stage,
)


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
    def tag_class(self):
        """The GOV.UK tag colour its stage shows in: in force, superseded, or on its way."""
        if self.stage == Stage.SUPERSEDED:
            return "govuk-tag--grey"
        return "govuk-tag--green" if self.is_in_force else "govuk-tag--blue"

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
        return last.date + relativedelta(years=1)  # 29 February moves to 28 February

    def has_unpublished_changes(self):
        live = self.live_version()
        return live is None or self.content_changed_at() > live.published_at

    def content_changed_at(self):
        """When anything in the plan's content last changed (deletions included)."""
        from .finance import CapitalLine, RevenueFigure
        from .measures import Measure
        from .parts import AccountabilityItem, Commitment, Priority, Section

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
        from ..selectors import plan_contents

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
    # The parts link to the plan, so they are imported when the plan's lookups are made.
    from .finance import CapitalLine, RevenueFigure
    from .measures import Measure
    from .parts import Priority, Section

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
