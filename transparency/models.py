"""Transparency: the Specified Information index, the registers, the forward plan, alerts and the
search index.

The index lists each item of the Elected Local Policing Bodies (Specified Information) Order 2011
with where the portal publishes it; its freshness is computed (``freshness.py``) from the dates the
portal reads itself (``sources.py``) or from documents staff upload. Registers are structured data
published entry by entry; every editable model keeps its history.
"""

import uuid
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from pcc_portal.errors import InvalidTransition
from pcc_portal.financial_year import financial_year_label, financial_year_of
from pcc_portal.publications.models import (
    Publishable,
    PublishableQuerySet,
    Version,
    Withdrawal,
)
from pcc_portal.terms import ends_after_it_starts
from pcc_portal.visibility import VisibilityQuerySet

# The Specified Information index ------------------------------------------------------------


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


# Registers ----------------------------------------------------------------------------------


class RegisterQuerySet(PublishableQuerySet):
    """Visibility of register entries: public while a released version of the entry is not
    withdrawn. What the public reads is that version's frozen record (``published_records``),
    never the entry's live row, which may hold unreleased edits."""

    def with_release_state(self):
        """Annotate ``is_released`` (a release is public) and ``is_withdrawn`` (released once,
        every release withdrawn since), for staff lists."""
        return self.annotate(
            is_released=models.Exists(self._outer(Version.objects.public())),
            is_withdrawn=models.Exists(self._outer(Withdrawal.objects.all()))
            & ~models.Exists(self._outer(Version.objects.public())),
        )


def _priority_served(related_name, **options):
    """The plan priority a register entry or a payment serves, if one: the entry or payment
    stays when the priority goes."""
    return models.ForeignKey(
        "plans.Priority",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        **options,
    )


def _json_value(value):
    if isinstance(value, FieldFile):  # a file is frozen by its stored name
        return value.name or ""
    if isinstance(value, (date, Decimal)):
        return value.isoformat() if isinstance(value, date) else str(value)
    return value


class RegisterEntry(Publishable):
    """An entry in a public register: drafted, released through the check page as a frozen
    record (a ``Version`` of kind record), corrected by releasing again, withdrawn with a reason.
    Edits after a release stay private until the next release."""

    register = ""  # the register's slug in /transparency/<register>/
    version_kind = Version.Kind.RECORD
    search_reads_pdf = False
    # Kept out of the frozen record: bookkeeping, not what the register says.
    NOT_RELEASED = ("id", "updated_at")

    is_sample = models.BooleanField(
        "Sample entry",
        default=False,
        help_text="Demonstration data, shown to the public marked as a sample.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    # Every register keeps its entries' history alike (each gets its own historical model).
    history = HistoricalRecords(excluded_fields=["updated_at"], inherit=True)
    objects = RegisterQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_absolute_url(self):
        url = reverse("transparency:register", kwargs={"register": self.register})
        return f"{url}#entry-{self.pk}"

    def get_manage_url(self):
        return reverse(
            "transparency_manage:entry_edit", kwargs={"register": self.register, "pk": self.pk}
        )

    def get_preview_url(self):
        return ""

    def search_document(self):
        raise NotImplementedError

    def publication_title(self):
        return self.search_document()["title"]

    def publication_text(self):
        return self.search_document()["body"]

    def publication_data(self):
        """The entry's fields as the public will read them, frozen in its version, and the
        year search files it under."""
        return {
            "year": self.search_document()["year"],
            "fields": {
                field.attname: _json_value(getattr(self, field.attname))
                for field in self._meta.concrete_fields
                if field.attname not in self.NOT_RELEASED
            },
        }

    @classmethod
    def from_record(cls, *, object_id, data):
        """The entry as a version froze it: an unsaved instance for display only. Fields added
        since the release take their defaults; fields removed since are ignored."""
        fields = {f.attname: f for f in cls._meta.concrete_fields}
        values = {
            name: fields[name].to_python(value)
            for name, value in (data or {}).get("fields", {}).items()
            if name in fields and name not in cls.NOT_RELEASED
        }
        entry = cls(pk=object_id, **values)
        entry._state.adding = False
        return entry


def _document(entry, kind, title, parts, day):
    """What search indexes of a register entry: only what its public page shows."""
    sample = ["Sample entry"] if entry.is_sample else []
    return {
        "kind": kind,
        "title": title,
        "body": "\n".join(str(part) for part in [*parts, *sample] if part),
        "url": entry.get_absolute_url(),
        "year": day.year,
    }


class PeriodEntry(RegisterEntry):
    """An entry of a register kept by financial year, where an entry may be a nil return: the
    statement that there was nothing to declare for the period, so an empty period is a
    statement rather than a gap."""

    financial_year = models.PositiveSmallIntegerField(
        help_text="The financial year the entry covers, by the year it starts: 2025 for 2025-26."
    )
    is_nil_return = models.BooleanField(
        "Nil return",
        default=False,
        help_text="Nothing to declare for this person and financial year.",
    )

    period_date_field = ""  # the entry's own date, which files it by default

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # An entry saved without a period covers the financial year of its date.
        day = getattr(self, self.period_date_field)
        if self.financial_year is None and day is not None:
            self.financial_year = financial_year_of(day)
        super().save(*args, **kwargs)

    @property
    def period(self):
        return financial_year_label(self.financial_year)


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
                date(self.financial_year, 4, 1),
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


CONTRACT_THRESHOLD = Decimal("10000")
SPENDING_THRESHOLD = Decimal("500")


def _contract_copy_path(instance, filename):
    # Unguessable names in private storage: a copy reaches the public only through the view
    # that serves the file its entry's release froze (``transparency:contract_copy``).
    return f"transparency/contracts/{uuid.uuid4().hex}.pdf"


def _private_storage():
    from decisions.models import attachment_storage

    return attachment_storage()


class ContractCopy(models.TextChoices):
    """The documents the Order asks for with each contract over £10,000 (para 4(b) and 4(c))."""

    CONTRACT = "contract", "The contract"
    TENDER = "tender", "The invitation to tender"


class Contract(RegisterEntry):
    register = "contracts"
    document_type = "contract"

    reference = models.CharField(max_length=100)
    title = models.CharField(max_length=200)
    supplier = models.CharField(max_length=200)
    value = models.DecimalField(max_digits=14, decimal_places=2)
    starts_on = models.DateField()
    ends_on = models.DateField()
    procurement = models.CharField(
        "How it was procured", max_length=200, blank=True, help_text="Open tender, framework..."
    )
    priority = _priority_served(
        "contracts", help_text="The plan priority the contract serves, if one."
    )
    # The copies, cleaned on upload of scripts, actions and embedded files (as decision
    # attachments are) and kept privately: the public reads the copy a release froze.
    contract_copy = models.FileField(
        upload_to=_contract_copy_path, storage=_private_storage, blank=True, max_length=200
    )
    contract_copy_tagged = models.BooleanField(null=True, blank=True, editable=False)
    contract_copy_redacted_because = models.CharField(
        "Why the copy of the contract is redacted", max_length=500, blank=True
    )
    tender_copy = models.FileField(
        upload_to=_contract_copy_path, storage=_private_storage, blank=True, max_length=200
    )
    tender_copy_tagged = models.BooleanField(null=True, blank=True, editable=False)
    tender_copy_redacted_because = models.CharField(
        "Why the copy of the invitation to tender is redacted", max_length=500, blank=True
    )

    class Meta:
        ordering = ["-starts_on", "-pk"]
        permissions = [("publish_contract", "Can release and withdraw entries")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__gt=CONTRACT_THRESHOLD), name="contract_over_10000"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="contract_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"{self.reference}: {self.title}"

    def copy_file(self, kind):
        return getattr(self, f"{ContractCopy(kind).value}_copy")

    def copy_url(self, kind):
        """The public address of a copy, or "" when the entry has none."""
        if not self.copy_file(kind) or self.pk is None:
            return ""
        return reverse("transparency:contract_copy", kwargs={"pk": self.pk, "kind": kind})

    def search_document(self):
        return _document(
            self,
            "contract",
            f"Contract {self.reference}: {self.title}",
            [self.supplier, f"£{self.value:,.2f}", self.procurement, str(self.priority or "")],
            self.starts_on,
        )


class SmallContract(RegisterEntry):
    """A contract worth £10,000 or less, listed with its value, parties and purpose (para 4(d));
    no copy is asked for."""

    register = "small-contracts"
    document_type = "small-contract"

    reference = models.CharField(max_length=100, blank=True)
    parties = models.CharField(
        max_length=300, help_text="Every party to the contract, the Commissioner's office included."
    )
    purpose = models.TextField(help_text="What the money is spent on.")
    value = models.DecimalField(max_digits=9, decimal_places=2)
    agreed_on = models.DateField("Date agreed")

    class Meta:
        ordering = ["-agreed_on", "-pk"]
        permissions = [("publish_smallcontract", "Can release and withdraw entries")]
        verbose_name = "contract of £10,000 or less"
        verbose_name_plural = "contracts of £10,000 or less"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__gt=0, value__lte=CONTRACT_THRESHOLD),
                name="small_contract_value_up_to_10000",
            ),
        ]

    def __str__(self):
        return f"£{self.value:,.2f} with {self.parties}"

    def get_absolute_url(self):
        return f"{reverse('transparency:small_contracts')}#entry-{self.pk}"

    def search_document(self):
        return _document(
            self,
            "contract",
            f"Contract of £10,000 or less: {self.parties}",
            [self.reference, self.purpose, f"£{self.value:,.2f}"],
            self.agreed_on,
        )


class SpendingUploadQuerySet(RegisterQuerySet):
    def drafts(self):
        return self.filter(released_at__isnull=True)

    # Who may release or discard a draft reads it first.
    draft_permissions = (*RegisterQuerySet.draft_permissions, "delete")


class SpendingUpload(RegisterEntry):
    """One month's spending over £500 from one CSV or XLSX file. It is stored as a draft that
    staff review row by row (the redaction rule flags payments that may name a person), then
    released whole: every row at once, with the redactions chosen, as one record version. A
    draft is never public; it is released or discarded, and once released its rows never
    change. A later release for the same month withdraws the one before, which stays on
    record."""

    register = "spending"
    document_type = "spending"

    class Source(models.TextChoices):
        """Whose spending the file lists: the Order asks for the chief officer's too."""

        COMMISSIONER = "commissioner", "The Police and Crime Commissioner"
        CHIEF_OFFICER = "chief-officer", "The Chief Constable"

    month = models.DateField(help_text="The first day of the month the payments were made in.")
    source = models.CharField(
        "Whose spending",
        max_length=20,
        choices=Source,
        default=Source.COMMISSIONER,
    )
    # The file itself is not kept: it may name the individuals whose payments are redacted.
    filename = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64, help_text="The uploaded file's checksum.")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    released_at = models.DateTimeField(
        null=True, blank=True, help_text="When the draft was released; empty while a draft."
    )
    row_count = models.PositiveIntegerField(default=0)
    redacted_count = models.PositiveIntegerField(default=0)
    total = models.DecimalField(max_digits=14, decimal_places=2, default=0)

    objects = SpendingUploadQuerySet.as_manager()

    class Meta:
        ordering = ["-month", "-uploaded_at"]
        permissions = [("publish_spendingupload", "Can release a month's spending")]
        constraints = [
            # Two drafts of one month would be two reviews of which only one can count.
            models.UniqueConstraint(
                fields=["month", "source"],
                condition=models.Q(released_at__isnull=True),
                name="one_spending_draft_per_month_and_source",
            ),
            models.CheckConstraint(
                condition=models.Q(month__day=1), name="spending_month_is_first_day"
            ),
        ]

    def __str__(self):
        if self.source == self.Source.CHIEF_OFFICER:
            return f"Spending over £500 by the Chief Constable, {self.month:%B %Y}"
        return f"Spending over £500, {self.month:%B %Y}"

    def get_absolute_url(self):
        url = reverse("transparency:register", kwargs={"register": "spending"})
        return f"{url}?month={self.month:%Y-%m}&source={self.source}"

    def get_manage_url(self):
        return reverse("transparency_manage:spending_detail", kwargs={"pk": self.pk})

    def publication_data(self):
        """The month as released: its totals, and every row as the public reads it (the names
        of redacted rows are already gone)."""
        return {
            "year": self.month.year,
            "fields": {
                "month": self.month.isoformat(),
                "source": self.source,
                "row_count": self.row_count,
                "redacted_count": self.redacted_count,
                "total": str(self.total),
                "is_sample": self.is_sample,
            },
            "rows": [
                {
                    "paid_on": p.paid_on.isoformat(),
                    "transaction": p.reference,
                    "supplier": p.supplier,
                    "expense_type": p.expense_type,
                    "service_area": p.service_area,
                    "amount": str(p.amount),
                    "purpose": p.purpose,
                    "value_for_money": p.value_for_money,
                    "priority_id": p.priority_id,
                }
                for p in self.payments.order_by("paid_on", "row_number")
            ],
        }

    @property
    def is_draft(self):
        return self.released_at is None

    def check_is_draft(self, action):
        """Only a draft is reviewed, released or discarded; once released it stays released."""
        if not self.is_draft:
            raise InvalidTransition(f"“{self}” is not a draft, so it cannot be {action}.")

    def search_document(self):
        rows = self.payments.filter(is_redacted=False)
        suppliers = sorted({p.supplier for p in rows})
        expenses = sorted({p.expense_type for p in self.payments.all()})
        return _document(self, "spending", str(self), [*suppliers, *expenses], self.month)


class PaymentQuerySet(VisibilityQuerySet):
    def public(self):
        """Rows of released uploads no withdrawal covers. A released upload's rows are never
        edited (``choose_spending_redactions`` works on drafts only), so they are the rows
        its version froze."""
        return self.filter(upload__in=SpendingUpload.objects.public())


class Payment(models.Model):
    """A row of a spending upload. While the upload is a draft, staff choose whether the payee's
    name is redacted; once released a row is never edited (a correction is a new upload), and a
    redacted row keeps no name: ``supplier`` holds ``REDACTED``."""

    REDACTED = "Redacted: payment to an individual"

    upload = models.ForeignKey(SpendingUpload, on_delete=models.CASCADE, related_name="payments")
    row_number = models.PositiveIntegerField(help_text="The row in the uploaded file.")
    paid_on = models.DateField()
    reference = models.CharField("Transaction number", max_length=100)
    supplier = models.CharField(max_length=200)
    supplier_type = models.CharField(
        max_length=200, blank=True, help_text="As the file says; shown to reviewers only."
    )
    is_redacted = models.BooleanField(default=False)
    redaction_flags = models.JSONField(
        default=list,
        blank=True,
        help_text="Why the redaction rule flagged the row (transparency/redaction.py); empty if "
        "it did not.",
    )
    name_published_because = models.CharField(
        max_length=500,
        blank=True,
        help_text="Why the reviewer published a name the rule flagged.",
    )
    expense_type = models.CharField(max_length=200)
    service_area = models.CharField(max_length=200, blank=True)
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    purpose = models.CharField(max_length=500, blank=True, help_text="What the payment was for.")
    value_for_money = models.TextField(
        "Why it is value for money",
        blank=True,
        help_text="The reasons the payment is considered to give value for money.",
    )
    priority = _priority_served(
        "payments", help_text="The plan priority the payment serves, if one."
    )

    objects = PaymentQuerySet.as_manager()

    class Meta:
        ordering = ["paid_on", "row_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["upload", "reference"], name="unique_transaction_per_upload"
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gt=SPENDING_THRESHOLD), name="payment_over_500"
            ),
        ]

    def __str__(self):
        return f"{self.reference}: £{self.amount:,.2f} to {self.supplier}"

    def get_absolute_url(self):
        return self.upload.get_absolute_url()

    @property
    def is_flagged(self):
        return bool(self.redaction_flags)


# The forward plan ---------------------------------------------------------------------------


class ForwardPlanEntry(RegisterEntry):
    """A decision of significant public interest expected in the coming months."""

    register = "forward-plan"
    document_type = "forward-plan"

    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    expected_on = models.DateField("Expected date")
    decision_maker = models.CharField(
        max_length=200, help_text="The Commissioner, the Deputy, or an officer by delegation."
    )
    priority = _priority_served("forward_plan_entries")
    restriction_reason = models.CharField(
        max_length=300,
        blank=True,
        help_text="If part of the decision is expected to be restricted (Part 2), why: for "
        "example \u201ccommercially sensitive information\u201d.",
    )
    decision = models.ForeignKey(
        "decisions.Decision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forward_plan_entries",
        help_text="Once it is made: the decision this entry became.",
    )

    class Meta:
        ordering = ["expected_on", "pk"]
        permissions = [("publish_forwardplanentry", "Can release and withdraw entries")]
        verbose_name_plural = "forward plan entries"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{reverse('transparency:forward_plan')}#entry-{self.pk}"

    @property
    def signed_decision(self):
        """The decision this entry became, once its notice is public."""
        if self.decision_id is None:
            return None
        if not hasattr(self, "_public_decision"):  # the forward plan's selector sets it
            model = self._meta.get_field("decision").related_model
            self._public_decision = model.objects.public().filter(pk=self.decision_id).first()
        return self._public_decision

    def search_document(self):
        return _document(
            self,
            "forward-plan",
            f"Forward plan: {self.title}",
            [self.summary, self.decision_maker, str(self.priority or "")],
            self.expected_on,
        )


# Alerts -------------------------------------------------------------------------------------


class Topic(models.TextChoices):
    DECISIONS = "decisions", "New decisions"
    MEETINGS = "meetings", "Police and Crime Panel meetings"
    PRIORITY = "priority", "A plan priority"
    TRANSPARENCY = "transparency", "Transparency publications and registers"


class SubscriptionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)


class Subscription(models.Model):
    """An email address following one topic, without an account. Confirmed by a link sent to
    the address (double opt-in); ended by the one-click link in every email."""

    email = models.EmailField()
    topic = models.CharField(max_length=20, choices=Topic)
    priority = models.ForeignKey(
        "plans.Priority", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(
        null=True, blank=True, help_text="Publications up to this moment have been sent."
    )

    history = HistoricalRecords()
    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(topic="priority", priority__isnull=False)
                | (~models.Q(topic="priority") & models.Q(priority__isnull=True)),
                name="subscription_priority_only_for_priority_topic",
            ),
        ]

    def __str__(self):
        return f"Subscription {self.pk} to {self.topic_label}"

    @property
    def topic_label(self):
        if self.topic == Topic.PRIORITY and self.priority_id:
            return f"priority {self.priority}"
        return self.get_topic_display().lower()


class SubscriptionToken(models.Model):
    """A link sent by email. Only its SHA-256 is stored, so a database leak cannot be turned
    into working links; each is single-use and expires."""

    class Purpose(models.TextChoices):
        CONFIRM = "confirm", "Confirm"
        UNSUBSCRIBE = "unsubscribe", "Unsubscribe"

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="tokens")
    purpose = models.CharField(max_length=20, choices=Purpose)
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.get_purpose_display()} link for subscription {self.subscription_id}"


# The search index ---------------------------------------------------------------------------


class SearchEntry(models.Model):
    """One published thing, as search sees it. Only published, unrestricted content is ever
    written here; on PostgreSQL a generated tsvector column with a GIN index backs the search
    (added by migration 0003), elsewhere a simpler match runs over ``title`` and ``body``."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=40, help_text="The type filter: decision, plan...")
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    published_at = models.DateTimeField()
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_search_entry_per_object"
            )
        ]
        indexes = [models.Index(fields=["kind", "year"])]
        verbose_name_plural = "search entries"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.url
