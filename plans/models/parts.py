"""The parts of a plan: its Markdown sections, its numbered priorities, and each priority's
commitments and accountability items."""

import re

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from pcc_portal.publications.markdown import render_markdown
from pcc_portal.publications.markdown_fields import MarkdownHTMLField, RendersMarkdown

from .plan import Plan

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
    def tag_class(self):
        """The GOV.UK tag colour its status shows in."""
        return {
            self.Status.NOT_STARTED: "govuk-tag--grey",
            self.Status.IN_PROGRESS: "govuk-tag--blue",
            self.Status.DELIVERED: "govuk-tag--green",
            self.Status.DROPPED: "govuk-tag--red",
        }[self.status]


class AccountabilityItem(PriorityListItem):
    """ "I will hold the Chief Constable to account for delivering the following": one item."""

    priority = models.ForeignKey(
        Priority, on_delete=models.CASCADE, related_name="accountability_items"
    )
