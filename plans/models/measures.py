"""A plan's measures: what it will count or watch, under a priority or a cross-cutting
theme, and the range a figure of each can take."""

from decimal import Decimal

from django.db import models
from simple_history.models import HistoricalRecords

from .parts import Priority
from .plan import Plan


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
