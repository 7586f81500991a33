"""Decision references: numbered per financial year when a decision is signed (or raised), and
continued after the last reference an earlier system issued."""

from django.conf import settings
from django.db import IntegrityError, transaction

from pcc_portal.errors import InvalidTransition

from ..models import Decision, DecisionSequence


def numbering_at_raise():
    """Whether references are taken when a decision is raised (submitted) rather than signed."""
    return getattr(settings, "DECISION_NUMBERING", "signature") == "raise"


def _next_number(financial_year):
    """Take the next reference number of a financial year, holding its sequence row locked until
    the signing transaction ends."""
    try:
        with transaction.atomic():
            DecisionSequence.objects.get_or_create(financial_year=financial_year)
    except IntegrityError:
        pass  # another signature created the year's row at the same moment: use theirs
    sequence = DecisionSequence.objects.select_for_update().get(financial_year=financial_year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number


@transaction.atomic
def continue_numbering(*, financial_year, last_number):
    """Start the portal's numbering after the last reference an earlier system issued (the year's
    next signature takes ``last_number + 1``). Numbers are never reused, so it cannot go back."""
    try:
        with transaction.atomic():
            DecisionSequence.objects.get_or_create(financial_year=financial_year)
    except IntegrityError:
        pass
    sequence = DecisionSequence.objects.select_for_update().get(financial_year=financial_year)
    taken = (
        Decision.objects.filter(financial_year=financial_year)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
        or 0
    )
    if last_number < max(sequence.last_number, taken):
        raise InvalidTransition(
            f"References up to {max(sequence.last_number, taken)}/{financial_year} are already "
            "issued: numbering cannot go back."
        )
    sequence.last_number = last_number
    sequence.save(update_fields=["last_number"])
    return sequence
