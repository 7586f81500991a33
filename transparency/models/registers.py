"""The registers of interests, of gifts and hospitality, and of grants."""

from django.db import models

from pcc_portal.financial_year import financial_year_bounds
from pcc_portal.terms import ends_after_it_starts

from .entries import PeriodEntry, RegisterEntry, _document, _priority_served


class Interest(PeriodEntry):
    register = "interests"
    period_date_field = "registered_on"
    document_type = "interest"

    class Category(models.TextChoices):
        EMPLOYMENT = "employment", "Employment, office, trade or profession"
        DIRECTORSHIP = "directorship", "Directorships"
        LAND = "land", "Land and property"
        MEMBERSHIP = "membership", "Membership of organisations"
        SHARES = "shares", "Shares and securities"
        SPONSORSHIP = "sponsorship", "Sponsorship"
        OTHER = "other", "Other interests"

    holder = models.CharField(max_length=200, help_text="The office holder's name.")
    office = models.CharField(max_length=100, help_text="Commissioner or Deputy Commissioner.")
    category = models.CharField(max_length=30, choices=Category, blank=True)
    description = models.TextField(blank=True)
    registered_on = models.DateField(help_text="When it was registered (for a nil return: made).")
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["holder", "category", "-registered_on"]
        permissions = [("publish_interest", "Can release and withdraw entries")]
        constraints = [
            ends_after_it_starts(
                start="registered_on", end="ended_on", name="interest_ends_after_it_is_registered"
            ),
            models.CheckConstraint(
                condition=models.Q(is_nil_return=True)
                | (~models.Q(category="") & ~models.Q(description="")),
                name="interest_says_what_it_is_unless_nil_return",
            ),
        ]

    def __str__(self):
        if self.is_nil_return:
            return f"{self.holder}: nil return for {self.period}"
        return f"{self.holder}: {self.get_category_display()}"

    @property
    def nil_return_statement(self):
        return f"Nil return: {self.holder} had no interests to declare in {self.period}."

    def search_document(self):
        if self.is_nil_return:
            return _document(
                self,
                "interest",
                f"Nil return of interests: {self.holder}, {self.office}, {self.period}",
                [self.nil_return_statement],
                self.registered_on,
            )
        return _document(
            self,
            "interest",
            f"Interest of {self.holder}, {self.office}: {self.get_category_display()}",
            [self.description],
            self.registered_on,
        )


class GiftHospitality(PeriodEntry):
    register = "gifts-and-hospitality"
    period_date_field = "offered_on"
    document_type = "gift"

    class Kind(models.TextChoices):
        GIFT = "gift", "Gift"
        HOSPITALITY = "hospitality", "Hospitality"

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    offered_on = models.DateField(null=True, blank=True)
    recipient = models.CharField(
        max_length=200, help_text="Who it was offered to (for a nil return: who makes it)."
    )
    recipient_role = models.CharField(max_length=200)
    donor = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=Kind, blank=True)
    description = models.TextField(blank=True)
    estimated_value = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome, blank=True)

    class Meta:
        ordering = ["-offered_on", "-pk"]
        permissions = [("publish_gifthospitality", "Can release and withdraw entries")]
        verbose_name = "gift or hospitality"
        verbose_name_plural = "gifts and hospitality"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(estimated_value__gte=0), name="gift_value_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(is_nil_return=True)
                | (
                    models.Q(offered_on__isnull=False, estimated_value__isnull=False)
                    & ~models.Q(donor="")
                    & ~models.Q(kind="")
                    & ~models.Q(outcome="")
                ),
                name="gift_says_what_it_was_unless_nil_return",
            ),
        ]

    def __str__(self):
        if self.is_nil_return:
            return f"Nil return of {self.recipient} for {self.period}"
        return f"{self.get_kind_display()} from {self.donor}, {self.offered_on:%d/%m/%Y}"

    @property
    def nil_return_statement(self):
        return (
            f"Nil return: no gifts or hospitality were offered to {self.recipient} in "
            f"{self.period}."
        )

    def search_document(self):
        if self.is_nil_return:
            return _document(
                self,
                "gift",
                f"Nil return of gifts and hospitality: {self.recipient}, {self.period}",
                [self.nil_return_statement, self.recipient_role],
                financial_year_bounds(self.financial_year)[0],
            )
        return _document(
            self,
            "gift",
            f"{self.get_kind_display()} offered to {self.recipient} by {self.donor}",
            [self.description, self.recipient_role, self.get_outcome_display()],
            self.offered_on,
        )


class Grant(RegisterEntry):
    register = "grants"
    document_type = "grant"

    recipient = models.CharField(max_length=200)
    fund = models.CharField(max_length=200, blank=True, help_text="The fund or scheme.")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    purpose = models.TextField()
    crime_reduction_reasons = models.TextField(
        "Why it is expected to reduce crime and disorder",
        blank=True,
        help_text="The reasons the Commissioner expects the grant to secure, or contribute to "
        "securing, crime and disorder reduction.",
    )
    conditions = models.TextField(blank=True)
    awarded_on = models.DateField()
    priority = _priority_served("grants", help_text="The plan priority the grant serves.")

    class Meta:
        ordering = ["-awarded_on", "-pk"]
        permissions = [("publish_grant", "Can release and withdraw entries")]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="grant_amount_positive")
        ]

    def __str__(self):
        return f"£{self.amount:,.2f} to {self.recipient}"

    def search_document(self):
        return _document(
            self,
            "grant",
            f"Grant to {self.recipient}: £{self.amount:,.2f}",
            [
                self.fund,
                self.purpose,
                self.crime_reduction_reasons,
                self.conditions,
                str(self.priority or ""),
            ],
            self.awarded_on,
        )
