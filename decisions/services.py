"""What staff do to a decision: submit it, make the monitoring officer's and the chief finance
officer's declarations, sign, publish, reject, withdraw; continue the numbering; remind about
publication deadlines. Each step checks the current state and raises ``InvalidTransition``
otherwise, checks who may take it (``duties``) and raises ``NotPermitted`` with the reason, runs in
one transaction, and records who did it, in which office, and when.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from pcc_portal.errors import InvalidTransition, NotPermitted
from pcc_portal.financial_year import financial_year_of
from pcc_portal.publications import services as publishing

from . import attachments, deadlines, duties
from .models import (
    Decision,
    DecisionAttachment,
    DecisionSequence,
    DecisionsReport,
    Part2Attachment,
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


def _refuse(refusal):
    if refusal:
        raise NotPermitted(refusal)


def _reauthenticated(reason, reauthenticated_at):
    """The history's change reason, saying when the user re-authenticated for this step."""
    if reauthenticated_at is None:
        return reason
    return f"{reason}; re-authenticated at {timezone.localtime(reauthenticated_at):%H:%M:%S}"


def numbering_at_raise():
    """Whether references are taken when a decision is raised (submitted) rather than signed."""
    return getattr(settings, "DECISION_NUMBERING", "signature") == "raise"


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
    missing = missing_for_submission(locked)
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
        locked._change_reason = _reauthenticated(f"Published by {by}", reauthenticated_at)[:100]
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


def _publication_reminder_recipients(decision):
    """The decision's author and everyone who may publish decisions, by email address."""
    user_model = get_user_model()
    may_publish = models.Q(
        groups__permissions__codename="publish_decision",
        groups__permissions__content_type__app_label="decisions",
    ) | models.Q(
        user_permissions__codename="publish_decision",
        user_permissions__content_type__app_label="decisions",
    )
    authors = models.Q(pk__in={decision.created_by_id, decision.submitted_by_id} - {None})
    emails = (
        user_model.objects.filter(is_active=True)
        .filter(may_publish | authors)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    return sorted(set(emails))


def send_publication_reminders(*, today=None, base_url=""):
    """Email each signed decision's author and its publishers on the working day before its
    publication deadline (or the first run after it, if that one was missed): once per decision,
    however often this runs. Returns how many decisions were reminded about."""
    today = today or timezone.localdate()
    sent = 0
    for candidate in Decision.objects.filter(
        status=Status.SIGNED, published_at__isnull=True, publication_reminder_sent_at__isnull=True
    ):
        due = candidate.publication_due_on
        if deadlines.previous_working_day(due) > today:
            continue
        with transaction.atomic():
            decision = _locked(candidate)
            if decision.is_published or decision.publication_reminder_sent_at:
                continue  # published or reminded by another run meanwhile
            recipients = _publication_reminder_recipients(decision)
            if not recipients:
                continue
            decision.publication_reminder_sent_at = timezone.now()
            decision._change_reason = "Publication reminder sent"
            decision.save(update_fields=["publication_reminder_sent_at"])
            # Sent inside the transaction: if the mail server refuses, the reminder is not
            # recorded and the next run tries again.
            deadlines.email_deadline_reminder(
                subject=f"Publish decision {decision.reference} by {due:%A %-d %B %Y}",
                template="decisions/email/publication_reminder.txt",
                context={"decision": decision},
                due=due,
                today=today,
                url=f"{base_url}{decision.get_manage_url()}",
                recipient_list=recipients,
            )
        sent += 1
    return sent


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


def _attach(attachment, *, upload, by):
    checked = attachments.check_pdf(upload)
    attachment.removed = list(checked.removed)
    attachment.tagged = checked.tagged
    attachment.page_count = checked.page_count
    attachment.original_file.save("original.pdf", ContentFile(checked.original), save=False)
    attachment.file.save("cleaned.pdf", ContentFile(checked.content), save=False)
    attachment._history_user = by
    attachment._change_reason = "Uploaded" + (
        f"; removed {', '.join(checked.removed)}" if checked.removed else ""
    )
    attachment._change_reason = attachment._change_reason[:100]
    attachment.save()
    return attachment


@transaction.atomic
def add_attachment(*, decision, title, upload, by):
    """Attach a PDF to Part 1 of a draft: cleaned of scripts, actions and embedded files, the
    cleaned copy the only one served, and inspected for tags. ``UnsafeAttachment`` when it
    cannot be read or cleaned."""
    _require(_locked(decision), Status.DRAFT, action="given attachments")
    return _attach(DecisionAttachment(decision=decision, title=title), upload=upload, by=by)


@transaction.atomic
def add_part2_attachment(*, part2, title, upload, by):
    """Attach a PDF to Part 2, cleaned and inspected as Part 1's are."""
    _require(_locked(part2.decision), Status.DRAFT, action="given attachments")
    return _attach(Part2Attachment(part2=part2, title=title), upload=upload, by=by)


@transaction.atomic
def remove_attachment(*, decision, attachment, by):
    """Remove a PDF attached to Part 1 or Part 2 of ``decision``, while it is a draft."""
    _require(_locked(decision), Status.DRAFT, action="changed")
    attachment._history_user = by
    attachment.delete()


@transaction.atomic
def save_part2(*, decision, part2, by):
    """Record or change the exempt detail of a draft decision (Part 2, never published)."""
    _require(_locked(decision), Status.DRAFT, action="changed")
    part2.decision = decision
    part2._history_user = by
    part2.save()
    return part2
