"""Staff and panel members' accounts (the public never has one), and the offices they hold.

Roles (groups) say what an account may do in the portal; offices say who it is in law: the
Commissioner, the Deputy, the Chief Executive, the monitoring officer, the chief finance officer
and officers with delegated authority. An account holds an office for a period (``OfficeHolding``),
so a step taken on a day is checked against the offices held that day, and the record says who
held which office then.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from pcc_portal.terms import ends_after_it_starts, in_force_on


class User(AbstractUser):
    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        permissions = [("access_manage", "Can use the staff area")]

    def __str__(self):
        return self.get_full_name() or self.username


class OfficeQuerySet(models.QuerySet):
    def decision_making(self):
        """Offices whose holders make decisions: the Commissioner, the Deputy and officers with
        delegated authority."""
        return self.filter(kind__in=Office.DECISION_MAKING)

    def of_kind(self, kind):
        return self.filter(kind=kind)


class Office(models.Model):
    """An office of the OPCC, as the scheme of delegation names it."""

    class Kind(models.TextChoices):
        COMMISSIONER = "commissioner", "Police and Crime Commissioner"
        DEPUTY = "deputy", "Deputy Police and Crime Commissioner"
        CHIEF_EXECUTIVE = "chief_executive", "Chief Executive"
        MONITORING_OFFICER = "monitoring_officer", "Monitoring Officer"
        CHIEF_FINANCE_OFFICER = "chief_finance_officer", "Chief Finance Officer"
        DELEGATED = "delegated", "Officer with delegated authority"

    DECISION_MAKING = (Kind.COMMISSIONER, Kind.DEPUTY, Kind.DELEGATED)

    kind = models.CharField(max_length=30, choices=Kind)
    title = models.CharField(
        max_length=200,
        unique=True,
        help_text="As it is written beside a signature, for example \u201cDirector of "
        "Resources\u201d.",
    )
    delegation = models.TextField(
        "What it may decide",
        blank=True,
        help_text="For an office that makes decisions: what the scheme of delegation lets its "
        "holder decide.",
    )
    value_limit = models.DecimalField(
        "Up to what value (\u00a3)",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="For an office that makes decisions: the largest value its holder may decide. "
        "Leave it empty for no limit.",
    )

    history = HistoricalRecords()
    objects = OfficeQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        permissions = [("manage_offices", "Can manage offices and who holds them")]
        constraints = [
            # One Commissioner, one Deputy, one Chief Executive, one monitoring officer and one
            # chief finance officer; as many officers with delegated authority as the scheme has.
            models.UniqueConstraint(
                fields=["kind"],
                condition=~models.Q(kind="delegated"),
                name="one_statutory_office_of_each_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(value_limit__isnull=True)
                | models.Q(value_limit__gte=0, kind__in=["commissioner", "deputy", "delegated"]),
                name="only_decision_making_offices_have_a_value_limit",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_decision_making(self):
        return self.kind in self.DECISION_MAKING

    def get_manage_url(self):
        return reverse("offices_manage:list") + f"#office-{self.pk}"


class OfficeHoldingQuerySet(models.QuerySet):
    def on(self, day):
        """Holdings in force on ``day``: started on or before it and not ended before it. An
        expired holding does not count."""
        return self.filter(in_force_on(day, start="starts_on", end="ends_on"))


class OfficeHolding(models.Model):
    """An account holding an office from one date to another (to now, while ``ends_on`` is
    empty). A user may hold several offices at once: the Chief Executive is usually the
    monitoring officer too."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="office_holdings"
    )
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="holdings")
    starts_on = models.DateField("From", help_text="The first day in office.")
    ends_on = models.DateField(
        "To",
        null=True,
        blank=True,
        help_text="The last day in office. Leave it empty while they hold it.",
    )

    history = HistoricalRecords()
    objects = OfficeHoldingQuerySet.as_manager()

    class Meta:
        ordering = ["office__title", "-starts_on"]
        constraints = [
            ends_after_it_starts(
                start="starts_on", end="ends_on", name="office_holding_ends_after_it_starts"
            )
        ]

    def __str__(self):
        period = f"from {self.starts_on:%-d %B %Y}"
        if self.ends_on:
            period += f" to {self.ends_on:%-d %B %Y}"
        return f"{self.user} as {self.office}, {period}"

    def is_held_on(self, day):
        return self.starts_on <= day and (self.ends_on is None or self.ends_on >= day)

    def get_manage_url(self):
        return self.office.get_manage_url()
