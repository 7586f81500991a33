"""The steps of the decision form: submit, the two declarations, sign, reject, withdraw, return
for changes, and publish."""

import logging

from django.db import transaction
from django.utils import timezone

from pcc_portal.errors import InvalidTransition
from pcc_portal.financial_year import financial_year_of
from pcc_portal.publications import services as publishing

from .. import duties
from ..models import PriorityScope
from .common import (
    Status,
    _locked,
    _reauthenticated,
    _refresh,
    _refuse,
    _require,
    _require_perm,
)
from .numbering import _next_number, numbering_at_raise

logger = logging.getLogger(__name__)


def missing_for_submission(*, decision):
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
    if decision.has_financial_implications and not decision.financial_implications.strip():
        missing.append("Financial implications: say what they are, or answer that there are none")
    refusal = duties.value_refusal(decision, decision.decision_maker)
    if refusal:
        missing.append(f"A decision maker who may decide it: {refusal}")
    return missing


@transaction.atomic
def submit_decision(*, decision, by, at=None):
    """The author sends the draft to the monitoring officer and the chief finance officer (``at``:
    when, if not now, for a decision recorded after the event). Where the OPCC numbers a
    decision when it is raised, it takes its reference now, and keeps it if it comes back."""
    _require_perm(by, "decisions.change_decision", "You may not submit decisions.")
    locked = _locked(decision)
    _require(locked, Status.DRAFT, action="submitted")
    missing = missing_for_submission(decision=locked)
    if missing:
        raise InvalidTransition("Complete the form before submitting it: " + "; ".join(missing))
    locked.status = Status.SUBMITTED
    locked.submitted_at = at or timezone.now()
    locked.submitted_by = by
    if locked.has_financial_implications:
        reason = "Submitted to the monitoring officer and the chief finance officer"
    else:
        reason = "Submitted to the monitoring officer (finance declaration not needed)"
    if numbering_at_raise() and locked.number is None:
        locked.financial_year = financial_year_of(timezone.localdate(locked.submitted_at))
        locked.number = _next_number(locked.financial_year)
        reason += f"; raised as {locked.reference}"
    locked._history_user = by
    locked._change_reason = reason
    locked.save()
    return _refresh(decision)


def _declarations_complete(locked):
    if locked.declarations_complete:
        locked.status = Status.DECLARED


def _declare(decision, by, at, *, declaration, refusal):
    at = at or timezone.now()
    locked = _locked(decision)
    _require(locked, Status.SUBMITTED, action="declared")
    if getattr(locked, declaration.made):
        raise InvalidTransition(f"The {declaration.role}'s declaration on {locked} is made.")
    on = timezone.localdate(at)
    _refuse(refusal(locked, by, on=on))
    held = duties.holding(by, on=on, kind=declaration.kind)
    setattr(locked, f"{declaration.made_by}_at", at)
    setattr(locked, f"{declaration.made_by}_by", by)
    setattr(locked, f"{declaration.officer}_name", duties.holder_name(by))
    setattr(locked, f"{declaration.officer}_title", held.office.title)
    setattr(locked, f"{declaration.officer}_holding", held)
    _declarations_complete(locked)
    locked._history_user = by
    locked._change_reason = f"{declaration.role.capitalize()}'s declaration made by {by}"[:100]
    locked.save()
    return _refresh(decision)


@transaction.atomic
def declare_decision(*, decision, by, at=None):
    """The monitoring officer confirms that financial, legal and equalities advice was taken
    into account and that the proposal may go to the decision maker."""
    return _declare(
        decision, by, at, declaration=duties.LEGAL, refusal=duties.legal_declaration_refusal
    )


@transaction.atomic
def declare_decision_finance(*, decision, by, at=None):
    """The chief finance officer confirms the financial implications are set out and can be met.
    Not asked for, and refused, when the decision has none."""
    return _declare(
        decision, by, at, declaration=duties.FINANCE, refusal=duties.finance_declaration_refusal
    )


@transaction.atomic
def sign_decision(*, decision, by, signed_at=None, reauthenticated_at=None):
    """The holder of the decision's office approves and signs it, after both declarations.
    Numbered at signature, the decision takes its reference now, so drafts that are never signed
    leave no gaps; numbered at raise, it keeps the one it took when submitted."""
    signed_at = signed_at or timezone.now()
    signed_on = timezone.localdate(signed_at)
    locked = _locked(decision)
    _require(locked, Status.SUBMITTED, Status.DECLARED, action="signed")
    if not locked.declarations_complete:
        waiting = [] if locked.legal_declared else ["the monitoring officer's"]
        if locked.finance_declaration_needed and not locked.finance_declared:
            waiting.append("the chief finance officer's")
        raise InvalidTransition(
            f"{locked} cannot be signed before {' and '.join(waiting)} declaration"
            f"{'s are' if len(waiting) > 1 else ' is'} made."
        )
    _refuse(duties.signature_refusal(locked, by, on=signed_on))
    held = duties.holding(by, on=signed_on, office=locked.decision_maker)
    if locked.number is None:
        locked.financial_year = financial_year_of(signed_on)
        locked.number = _next_number(locked.financial_year)
    locked.status = Status.SIGNED
    locked.signed_at = signed_at
    locked.signed_by = by
    locked.signatory_name = duties.holder_name(by)
    locked.signatory_title = held.office.title
    locked.signatory_holding = held
    locked.decision_date = signed_on
    locked._history_user = by
    locked._change_reason = _reauthenticated(
        f"Signed as decision {locked.reference} by {by}", reauthenticated_at
    )[:100]
    locked.save()
    logger.info("decision %s signed by %s", locked.reference, by)
    return _refresh(decision)


@transaction.atomic
def reject_decision(*, decision, by, reason):
    """The holder of the decision's office declines the proposal; the reason is kept."""
    _refuse(duties.rejection_refusal(decision, by, on=timezone.localdate()))
    return _close(decision, by, reason, Status.REJECTED, "rejected")


@transaction.atomic
def withdraw_decision(*, decision, by, reason):
    """Staff withdraw a proposal that will not go ahead."""
    _require_perm(by, "decisions.change_decision", "You may not withdraw decisions.")
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
    locked._history_user = by
    locked._change_reason = f"{action.capitalize()}: {reason}"[:100]
    locked.save()
    return _refresh(decision)


@transaction.atomic
def return_to_draft(*, decision, by, reason):
    """Send a submitted decision back to its author for changes; its declarations are cleared
    because the advice must be confirmed again for what is finally signed."""
    _require_perm(by, "decisions.change_decision", "You may not return decisions for changes.")
    reason = (reason or "").strip()
    if not reason:
        raise InvalidTransition("Say what needs to change: the reason is required.")
    locked = _locked(decision)
    _require(locked, Status.SUBMITTED, Status.DECLARED, action="returned for changes")
    locked.status = Status.DRAFT
    locked.declared_at = locked.declared_by = locked.monitoring_officer_holding = None
    locked.monitoring_officer_name = locked.monitoring_officer_title = ""
    locked.finance_declared_at = locked.finance_declared_by = None
    locked.finance_officer_holding = None
    locked.finance_officer_name = locked.finance_officer_title = ""
    locked._history_user = by
    locked._change_reason = f"Returned for changes: {reason}"[:100]
    locked.save()
    return _refresh(decision)


@transaction.atomic
def publish_decision(*, decision, by, note, reauthenticated_at=None):
    """Publish Part 1 (or, for a restricted decision, its stub) as the decision notice. The
    first publication records whether it came within three working days of the signature."""
    _require_perm(by, "decisions.publish_decision", "You may not publish decisions.")
    locked = _locked(decision)
    _require(locked, Status.SIGNED, action="published")
    version = publishing.publish(obj=locked, by=by, note=note)
    if not locked.is_published:
        locked.published_at = timezone.now()
        locked.published_on_time = (
            timezone.localdate(locked.published_at) <= locked.publication_due_on
        )
        locked._history_user = by
        locked._change_reason = _reauthenticated(f"Published by {by}", reauthenticated_at)[:100]
        locked.save()
    _refresh(decision)
    return version
