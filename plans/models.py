"""Police and crime plans: a Commissioner's objectives for a term, as structured content.

The core every other app links to: a ``Plan`` has numbered ``Priority`` objects and ``Measure``
objects (attached to a priority or to a cross-cutting theme). Sections, commitments,
accountability items, finance and the lifecycle build on these.
"""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from pcc_portal.publications.models import Publishable, PublishableQuerySet


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
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = PublishableQuerySet.as_manager()

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


class Priority(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="priorities")
    number = models.PositiveSmallIntegerField(help_text="Its number in the plan, from 1.")
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)

    history = HistoricalRecords()

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
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "priority__number", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(priority__isnull=False) | ~models.Q(theme=""),
                name="measure_has_priority_or_theme",
            )
        ]

    def __str__(self):
        return self.wording

    @property
    def is_numeric(self):
        return bool(self.unit)
