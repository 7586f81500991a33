"""What every step on a decision shares: the row locked, its state and the actor's permission
checked, the re-authentication recorded, and the caller's object refreshed."""

from django.utils import timezone

from pcc_portal.errors import InvalidTransition, NotPermitted

from ..models import Decision

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


def _refresh(decision):
    """Copy the saved state back to the caller's object."""
    decision.refresh_from_db()
    return decision
