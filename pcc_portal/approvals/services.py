"""What people do with approval requests: ask, withdraw, return; and approving, which the
publishing paths call in the same transaction as they publish or release. Each step checks the
state and who takes it, and emails the people concerned inside its transaction."""

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from pcc_portal.errors import InvalidTransition, NotPermitted
from pcc_portal.links import portal_url

from .kinds import kind_of
from .models import ApprovalRequest
from .selectors import who_may_approve

Status = ApprovalRequest.Status


def _name(user):
    return user.get_full_name() or user.get_username()


def _email(*, template, subject, recipients, context):
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return
    send_mail(
        subject=subject,
        message=render_to_string(template, {"base_url": portal_url(), **context}),
        from_email=None,
        recipient_list=recipients,
    )


def _locked(approval):
    return ApprovalRequest.objects.select_for_update().get(pk=approval.pk)


@transaction.atomic
def request_approval(*, obj, by, note):
    """``by``, who may edit ``obj`` but not publish or release it, asks those who may. One
    request is pending per object at a time."""
    kind = kind_of(obj)
    if kind is None:
        raise InvalidTransition(f"\u201c{obj}\u201d is not published through approvals.")
    if by.has_perm(kind.approve_permission):
        raise NotPermitted(f"You may {kind.verb} this {kind.noun} yourself: no approval is needed.")
    if not by.has_perm(kind.request_permission):
        raise NotPermitted(f"You may not ask for approval to {kind.verb} this {kind.noun}.")
    note = (note or "").strip()
    if not note:
        raise InvalidTransition("Say what the approver should know: the note is required.")
    refusal = kind.refusal(obj)
    if refusal:
        raise InvalidTransition(refusal)
    if obj.pk is None:
        obj.save()  # a quarter's figures are named by a row made when first asked about
    type(obj).objects.select_for_update().filter(pk=obj.pk).first()
    if ApprovalRequest.objects.for_object(obj).pending().exists():
        raise InvalidTransition(
            f"Approval to {kind.verb} \u201c{obj}\u201d is already asked for: wait for the answer."
        )
    approval = ApprovalRequest(
        kind=kind.slug,
        content_object=obj,
        title=obj.publication_title(),
        note=note,
        fingerprint=kind.fingerprint(obj),
        requested_by=by,
    )
    approval._change_reason = "Asked for approval"
    approval.save()
    _email(
        template="approvals/email/requested.txt",
        subject=f"Approval asked: {approval.title}",
        recipients=[a.user.email for a in who_may_approve(kind=kind, exclude=by)],
        context={"approval": approval, "kind": kind, "requester": _name(by)},
    )
    return approval


@transaction.atomic
def withdraw_request(*, approval, by):
    """The one who asked takes the request back (no longer needed, or to change it first)."""
    locked = _locked(approval)
    if locked.requested_by_id != by.pk:
        raise NotPermitted("Only the person who asked can withdraw the request.")
    if not locked.is_pending:
        raise InvalidTransition(f"The request is {locked.get_status_display().lower()}.")
    locked.status = Status.WITHDRAWN
    locked.decided_at = timezone.now()
    locked._change_reason = "Withdrawn by the person who asked"
    locked.save()
    approval.refresh_from_db()
    return approval


def check_approver(*, obj, by):
    """``by`` is doing part of what the pending request for ``obj`` asks, without settling it
    (it is settled by ``approve_pending`` once all of it is done): refused (NotPermitted), as
    approving it would be, when ``by`` asked for it themselves."""
    if kind_of(obj) is None or obj.pk is None:
        return
    approval = ApprovalRequest.objects.for_object(obj).pending().select_for_update().first()
    if approval is not None:
        _check_approver(approval, by)


def _check_approver(locked, by):
    kind = locked.kind_spec
    if not by.has_perm(kind.approve_permission):
        raise NotPermitted(f"You may not {kind.verb} this {kind.noun}.")
    if locked.requested_by_id == by.pk:
        raise NotPermitted(
            "You asked for this approval: someone else must approve or return it. Withdraw "
            "your request first to act on it yourself."
        )


def _decide(approval, *, status, by, outcome, change):
    """An approver's answer (``outcome``, "Approved" or "Returned"): recorded on the request,
    and emailed to the one who asked."""
    approval.status = status
    approval.decided_by = by
    approval.decided_at = timezone.now()
    approval._change_reason = f"{outcome}: {change}"[:100]
    approval.save()
    _email(
        template=f"approvals/email/{outcome.lower()}.txt",
        subject=f"{outcome}: {approval.title}",
        recipients=[approval.requested_by.email],
        context={"approval": approval, "kind": approval.kind_spec, "approver": _name(by)},
    )


@transaction.atomic
def return_request(*, approval, by, reason):
    """An approver sends the request back, with the reason the one who asked reads (by email
    and on the object's page)."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidTransition("Say why it is returned: the reason is required.")
    locked = _locked(approval)
    _check_approver(locked, by)
    if not locked.is_pending:
        raise InvalidTransition(f"The request is {locked.get_status_display().lower()}.")
    locked.reason = reason
    _decide(locked, status=Status.RETURNED, by=by, outcome="Returned", change=reason)
    approval.refresh_from_db()
    return approval


def approve_pending(*, obj, by):
    """``obj`` is being published or released by ``by``: the pending request for it, if any,
    is approved, and the one who asked is told. Refused (NotPermitted) when ``by`` asked for it
    themselves. Call it inside the publishing transaction, after publishing, so a refusal
    undoes the publication."""
    kind = kind_of(obj)
    if kind is None or obj.pk is None:
        return None
    approval = ApprovalRequest.objects.for_object(obj).pending().select_for_update().first()
    if approval is None:
        return None
    _check_approver(approval, by)
    _decide(
        approval, status=Status.APPROVED, by=by, outcome="Approved", change=f"{kind.verb}d by {by}"
    )
    return approval
