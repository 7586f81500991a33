"""The Specified Information index: the Order's items, the documents staff publish for them,
HMICFRS inspection reports and the reminders sent when an item falls due."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications.models import WithdrawalNotice
from pcc_portal.visibility import VisibilityQuerySet


class Paragraph(models.TextChoices):
    """The groups of the Order's Schedule, in the order OPCCs set out their index."""

    OFFICE_HOLDERS = "office-holders", "Who we are: the office holders"
    STAFF = "staff", "Staff"
    MONEY = "income-and-expenditure", "Income and expenditure"
    PROPERTY = "property", "Property, rights and liabilities"
    DECISIONS = "decisions", "Decisions and meetings"
    POLICIES = "policies", "Policies and procedures"
    REPORTS = "reports", "Crime and disorder reports"
    NATIONAL = "national", "National priorities, HMICFRS and complaints"
    CUSTODY = "custody-visiting", "Independent custody visiting"


class Cadence(models.TextChoices):
    """How often an item is published, read against the period its latest publication covers
    (``freshness.py``)."""

    AS_MADE = "as-made", "As they are made"
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    YEARLY = "yearly", "Yearly"
    FINANCIAL_YEAR = "financial-year", "For each financial year, after it ends"
    BEFORE_FINANCIAL_YEAR = "before-financial-year", "Before each financial year"


class SpecifiedItemQuerySet(models.QuerySet):
    def in_order(self):
        order = models.Case(
            *[models.When(paragraph=value, then=i) for i, value in enumerate(Paragraph.values)],
            output_field=models.IntegerField(),
        )
        return self.annotate(paragraph_order=order).order_by("paragraph_order", "order", "pk")


class SpecifiedItem(models.Model):
    class Source(models.TextChoices):
        PORTAL = "portal", "Published by the portal"
        UPLOAD = "upload", "Uploaded by staff"

    paragraph = models.CharField(max_length=40, choices=Paragraph)
    order = models.PositiveSmallIntegerField(default=0, help_text="Its place in its paragraph.")
    code = models.SlugField(max_length=80, unique=True, help_text="A short fixed name for it.")
    reference = models.CharField(
        max_length=80,
        blank=True,
        help_text="Its paragraph of the Order's Schedule, for example “3(f)”; for an item the "
        "Order does not list, the law or practice it comes from.",
    )
    title = models.CharField(max_length=200)
    description = models.TextField(help_text="What the Order asks for, in plain English.")
    source = models.CharField(max_length=20, choices=Source, default=Source.UPLOAD)
    portal_source = models.CharField(
        max_length=40,
        blank=True,
        help_text="For an item the portal publishes itself: where it reads its dates.",
    )
    cadence = models.CharField(max_length=30, choices=Cadence, default=Cadence.YEARLY)
    responsible_name = models.CharField("Responsible officer", max_length=200, blank=True)
    responsible_email = models.EmailField(
        "Responsible officer's email",
        blank=True,
        help_text="Reminded once when the item falls due and once if it becomes overdue.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = SpecifiedItemQuerySet.as_manager()

    class Meta:
        ordering = ["paragraph", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(source="portal") & ~models.Q(portal_source=""))
                | (models.Q(source="upload") & models.Q(portal_source="")),
                name="specified_item_source_is_consistent",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{reverse('transparency:index')}#{self.code}"

    @property
    def reference_label(self):
        """“para 3(f)” for a paragraph of the Order; any other basis as it is written."""
        if self.reference[:1].isdigit():
            return f"para {self.reference}"
        return self.reference


class ItemDocumentQuerySet(VisibilityQuerySet):
    def public(self):
        return self.filter(withdrawn_at__isnull=True)

    def withdrawn(self):
        return self.filter(withdrawn_at__isnull=False)


def _document_path(instance, filename):
    return f"transparency/{instance.item.code}/{filename}"


class InspectionReport(models.Model):
    """A report of HMICFRS on the force (Police Act 1996 s54). The Commissioner comments on
    each within 56 days (s55); the latest PEEL report and its summary assessment are published
    on the index (para 7B) and a newer PEEL inspection supersedes the one before."""

    RESPONSE_DAYS = 56

    class Kind(models.TextChoices):
        PEEL = "peel", "PEEL inspection (effectiveness, efficiency and legitimacy)"
        OTHER = "other", "Other inspection"

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.PEEL)
    published_on = models.DateField(help_text="The day HMICFRS published the report.")
    url = models.URLField("Link to the report on the HMICFRS website", blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "-pk"]

    def __str__(self):
        return self.title

    @property
    def response_due_on(self):
        return self.published_on + timedelta(days=self.RESPONSE_DAYS)


class ItemDocument(models.Model):
    """A document or dataset staff publish for an index item (the senior salaries, a policy),
    with the period it covers: its item's freshness follows from that period, not from the day
    it was uploaded."""

    item = models.ForeignKey(SpecifiedItem, on_delete=models.PROTECT, related_name="documents")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=_document_path)
    published_on = models.DateField(
        default=timezone.localdate, help_text="The day it was published here."
    )
    period_from = models.DateField(
        "Covers the period from",
        null=True,
        help_text="The first day of the period it covers, or the day it is “as at”.",
    )
    period_to = models.DateField(
        "to",
        null=True,
        help_text="The last day of the period it covers, or the day it is “as at”.",
    )
    inspection = models.ForeignKey(
        InspectionReport,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        help_text="For the PEEL report or a response to an HMICFRS report: the report it is.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    private_name = models.CharField(
        max_length=500,
        blank=True,
        help_text="Once withdrawn, the file's name in the private store it was moved to.",
    )

    history = HistoricalRecords()
    objects = ItemDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("transparency:document", kwargs={"pk": self.pk})

    def withdraw(self):
        if self.withdrawn_at:
            raise InvalidTransition(f"“{self}” is already withdrawn.")
        self.withdrawn_at = timezone.now()

    def withdrawal(self):
        """The notice of its withdrawal (``DocumentWithdrawal``), if it was withdrawn."""
        try:
            return self.withdrawal_notice
        except DocumentWithdrawal.DoesNotExist:
            return None


class DocumentWithdrawal(WithdrawalNotice):
    """A document of the index taken off the public site, with the reason the public is told:
    its address answers 410 Gone with the notice, as everything withdrawn does."""

    document = models.OneToOneField(
        ItemDocument, on_delete=models.PROTECT, related_name="withdrawal_notice"
    )

    def __str__(self):
        return f"Withdrawal of “{self.document}” ({self.withdrawn_at:%d %b %Y})"


class ItemReminder(models.Model):
    """One reminder per item, kind and due date: the daily task sends each once, not every day
    (an item never published: once a month, keyed by the month's first day). An item with no
    responsible officer is reminded to the fallback recipients."""

    class Kind(models.TextChoices):
        DUE_SOON = "due-soon", "Due soon"
        OVERDUE = "overdue", "Overdue"
        MISSING = "missing", "Never published"

    item = models.ForeignKey(SpecifiedItem, on_delete=models.CASCADE, related_name="reminders")
    due_on = models.DateField()
    kind = models.CharField(max_length=20, choices=Kind)
    sent_to = models.TextField(help_text="The addresses it was sent to, separated by commas.")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["item", "due_on", "kind"], name="one_reminder_per_item_due_date"
            )
        ]

    def __str__(self):
        return f"{self.item}: {self.get_kind_display().lower()} for {self.due_on}"
