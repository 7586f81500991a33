"""The contracts registers: contracts over £10,000 with their copies kept privately, and
contracts of £10,000 or less."""

import uuid
from decimal import Decimal

from django.db import models
from django.urls import reverse

from decisions.models import attachment_storage

from .entries import RegisterEntry, _document, _priority_served

CONTRACT_THRESHOLD = Decimal("10000")


def _contract_copy_path(instance, filename):
    # Unguessable names in private storage: a copy reaches the public only through the view
    # that serves the file its entry's release froze (``transparency:contract_copy``).
    return f"transparency/contracts/{uuid.uuid4().hex}.pdf"


def _private_storage():
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
