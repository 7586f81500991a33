"""Spending over £500: a month's upload, reviewed as a draft and released whole, and its
payments."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from pcc_portal.errors import InvalidTransition
from pcc_portal.visibility import VisibilityQuerySet

from .entries import RegisterEntry, RegisterQuerySet, _document, _priority_served

SPENDING_THRESHOLD = Decimal("500")


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

    class State(models.TextChoices):
        DRAFT = "draft", "Draft: not public"
        RELEASED = "released", "Released"
        # Replaced by a later release for the month, or withdrawn by staff: its page says which.
        WITHDRAWN = "withdrawn", "Withdrawn"

    @property
    def is_draft(self):
        return self.released_at is None

    @cached_property
    def state(self):
        """Where it stands, as staff read it on the list and on its page."""
        if self.is_draft:
            return self.State.DRAFT
        return self.State.RELEASED if self.is_public else self.State.WITHDRAWN

    @property
    def tag_class(self):
        """The GOV.UK tag colour its state shows in."""
        return {
            self.State.DRAFT: "govuk-tag--blue",
            self.State.RELEASED: "govuk-tag--green",
            self.State.WITHDRAWN: "govuk-tag--grey",
        }[self.state]

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
