"""The steps of the decision form: the fields recording who took each and when, the words of
the statutory officers' declarations, and the reference numbers issued per financial year."""

from django.conf import settings
from django.db import models

from pcc_portal.financial_year import financial_year_label

MONITORING_OFFICER_DECLARATION = (
    "I have been informed about the proposal and confirm that financial, legal and equalities "
    "advice has been taken into account in the preparation of this report. I am satisfied that "
    "this is an appropriate request to be submitted to the decision maker."
)
CHIEF_FINANCE_OFFICER_DECLARATION = (
    "I have been informed about the proposal and confirm that its financial implications are "
    "set out in the report and can be met from the resources available."
)


def _taken_by(**options):
    """The account that took a step of the form (submitting, declaring, signing, closing)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        **options,
    )


def _taken_at():
    """When a step of the form was taken (empty until it is)."""
    return models.DateTimeField(null=True, blank=True, editable=False)


def _as_printed():
    """A person's name or office title as the form printed it the day they took their step."""
    return models.CharField(max_length=200, blank=True, editable=False)


def _holding_as_taken():
    """The office holding a declaration or the signature was made under."""
    return models.ForeignKey(
        "accounts.OfficeHolding",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )


class DecisionSequence(models.Model):
    """The last reference number issued in a financial year. Signing locks this row, so two
    signatures at once take consecutive numbers; numbers are never given back."""

    financial_year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveSmallIntegerField(default=0)

    def __str__(self):
        return f"{financial_year_label(self.financial_year)}: last number {self.last_number}"

    @property
    def financial_year_label(self):
        return financial_year_label(self.financial_year)

    @property
    def next_reference(self):
        return f"{self.last_number + 1:02d}/{self.financial_year}"
