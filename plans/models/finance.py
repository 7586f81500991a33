"""A plan's finance: headline revenue figures and capital lines, by financial year."""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from .plan import Plan


def financial_year_validator(value):
    """A financial year written as people write it: 2021/22 (1 April 2021 to 31 March 2022)."""
    match = re.fullmatch(r"(\d{4})/(\d{2})", value or "")
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise ValidationError(
            "Enter a financial year like 2021/22: the year it starts, a slash, and the next "
            "year's last two digits."
        )


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
