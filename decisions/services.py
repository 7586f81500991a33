"""What staff do to a decision: submit it, declare the advice taken, sign, publish, reject,
withdraw. Each step checks the current state and raises ``InvalidTransition`` otherwise, runs in
one transaction, and records who did it and when.
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from pcc_portal.publications import services as publishing

from . import deadlines
from .models import (
    Decision,
    DecisionSequence,
    DecisionsReport,
    InvalidTransition,
    NotPermitted,
    PriorityScope,
)

logger = logging.getLogger(__name__)

Status = Decision.Status


def _locked(decision):
    """Re-read the decision under a row lock, so two steps at once cannot both pass the check."""
    return Decision.objects.select_for_update().get(pk=decision.pk)


def _require(decision, *allowed, action):
    if decision.status not in allowed:
        raise InvalidTransition(
            f"{decision} is {decision.get_status_display().lower()}: it cannot be {action}."
        )


def _require_perm(user, permission, message):
    if not user.has_perm(permission):
        raise NotPermitted(message)


def _refresh(decision):
    """Copy the saved state back to the caller's object."""
    decision.refresh_from_db()
    return decision


def missing_for_submission(decision):
    """What a draft still needs before it can go to the monitoring officer."""
    missing = []
    for field in ("title", "report_by", "executive_summary", "recommendation", "background"):
        if not getattr(decision, field).strip():
            missing.append(decision._meta.get_field(field).verbose_name.capitalize())
    if decision.priority_scope == PriorityScope.PLAN and not decision.priorities.exists():
        missing.append(
            "The plan priorities it serves (or \u201cAll priorities\u201d/\u201cGovernance\u201d)"
        )
    if decision.is_restricted and not hasattr(decision, "part2"):
        missing.append("Part 2: a restricted decision needs its exempt detail recorded")
    return missing


@transaction.atomic
def submit_decision(*, decision, by, at=None):
    """The author sends the draft to the monitoring officer (``at``: when, if not now, for a
    decision recorded after the event)."""
    locked = _locked(decision)
    _require(locked, Status.DRAFT, action="submitted")
    missing = missing_for_submission(locked)
    if missing:
        raise InvalidTransition("Complete the form before submitting it: " + "; ".join(missing))
    locked.status = Status.SUBMITTED
    locked.submitted_at = at or timezone.now()
    locked.submitted_by = by
    locked._change_reason = "Submitted to the monitoring officer"
    locked.save()
    return _refresh(decision)


@transaction.atomic
def declare_decision(*, decision, by, at=None):
    """The monitoring officer confirms financial, legal and equalities advice was taken."""
    _require_perm(by, "decisions.declare_decision", "Only the monitoring officer may declare.")
    locked = _locked(decision)
    _require(locked, Status.SUBMITTED, action="declared")
    locked.status = Status.DECLARED
    locked.declared_at = at or timezone.now()
    locked.declared_by = by
    locked.monitoring_officer_name = by.get_full_name() or by.get_username()
    locked._change_reason = "Monitoring officer's declaration made"
    locked.save()
    return _refresh(decision)


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
def sign_decision(*, decision, signed_by, signed_at=None):
    """The decision maker approves and signs: the decision takes its reference now, so drafts
    that are never signed leave no gaps in the numbering."""
    _require_perm(
        signed_by, "decisions.sign_decision", "Only a decision maker may sign a decision."
    )
    locked = _locked(decision)
    _require(locked, Status.DECLARED, action="signed")
    signed_at = signed_at or timezone.now()
    signed_on = timezone.localdate(signed_at)
    locked.financial_year = deadlines.financial_year_of(signed_on)
    locked.number = _next_number(locked.financial_year)
    locked.status = Status.SIGNED
    locked.signed_at = signed_at
    locked.signed_by = signed_by
    locked.signatory_name = signed_by.get_full_name() or signed_by.get_username()
    locked.decision_date = signed_on
    locked._change_reason = f"Signed as decision {locked.reference}"
    locked.save()
    logger.info("decision %s signed by %s", locked.reference, signed_by)
    return _refresh(decision)


@transaction.atomic
def reject_decision(*, decision, by, reason):
    """The decision maker declines the proposal; the reason is kept with the record."""
    _require_perm(by, "decisions.sign_decision", "Only a decision maker may reject a decision.")
    return _close(decision, by, reason, Status.REJECTED, "rejected")


@transaction.atomic
def withdraw_decision(*, decision, by, reason):
    """The author withdraws a proposal that will not go ahead."""
    return _close(decision, by, reason, Status.WITHDRAWN, "withdrawn")


def _close(decision, by, reason, status, action):
    reason = (reason or "").strip()
    if not reason:
        raise InvalidTransition(f"Say why the decision is {action}: the reason is required.")
    locked = _locked(decision)
    _require(locked, Status.DRAFT, Status.SUBMITTED, Status.DECLARED, action=action)
    locked.status = status
    locked.closed_at = timezone.now()
    locked.closed_by = by
    locked.closed_reason = reason
    locked._change_reason = f"{action.capitalize()}: {reason}"[:100]
    locked.save()
    return _refresh(decision)


@transaction.atomic
def return_to_draft(*, decision, by, reason):
    """Send a submitted decision back to its author for changes; its declaration is cleared
    because the advice must be confirmed again for what is finally signed."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidTransition("Say what needs to change: the reason is required.")
    locked = _locked(decision)
    _require(locked, Status.SUBMITTED, Status.DECLARED, action="returned for changes")
    locked.status = Status.DRAFT
    locked.declared_at = locked.declared_by = None
    locked.monitoring_officer_name = ""
    locked._change_reason = f"Returned for changes: {reason}"[:100]
    locked.save()
    return _refresh(decision)


@transaction.atomic
def publish_decision(*, decision, by, note):
    """Publish Part 1 (or, for a restricted decision, its stub) as the decision notice."""
    _require_perm(by, "decisions.publish_decision", "You may not publish decisions.")
    locked = _locked(decision)
    _require(locked, Status.SIGNED, Status.PUBLISHED, action="published")
    version = publishing.publish(obj=locked, by=by, note=note)
    if locked.status == Status.SIGNED:
        locked.status = Status.PUBLISHED
        locked.published_at = timezone.now()
        locked._change_reason = "Published"
        locked.save()
    _refresh(decision)
    return version


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


@transaction.atomic
def prepare_decisions_report(*, period_start, period_end, meeting_date=None, contact=""):
    """The Panel's decisions report for a period (between two of its meetings): the existing one
    for exactly that period, or a new draft. Publish it like any document."""
    if period_end < period_start:
        raise InvalidTransition("The period must end on or after its start.")
    report, _ = DecisionsReport.objects.get_or_create(
        period_start=period_start,
        period_end=period_end,
        defaults={"meeting_date": meeting_date, "contact": contact},
    )
    return report
