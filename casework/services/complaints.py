"""Recording complaints about the Commissioner and the Deputy in the Regulations' order."""

from django.db import transaction

from ..models import CaseworkError, Complaint
from .cases import _saved


def _check_complaint(complaint):
    dates = {
        "recording_decided_on": complaint.recording_decided_on,
        "became_clear_on": complaint.became_clear_on,
        "referred_on": complaint.referred_on,
        "informal_resolution_started_on": complaint.informal_resolution_started_on,
        "outcome_on": complaint.outcome_on,
    }
    for field, day in dates.items():
        if day and day < complaint.received_on:
            raise CaseworkError("It cannot be before the complaint was received.", field)
    if complaint.recording != Complaint.Recording.PENDING and not complaint.recording_decided_on:
        raise CaseworkError(
            "Give the date of the decision whether to record it.", "recording_decided_on"
        )
    if (
        complaint.recording == Complaint.Recording.NOT_RECORDED
        and not complaint.not_recorded_reason
    ):
        raise CaseworkError(
            "Say why it is not recorded: the complainant is told.", "not_recorded_reason"
        )
    if complaint.referred_on and not (complaint.serious or complaint.conduct_matter):
        raise CaseworkError(
            "Only a serious complaint or a conduct matter is referred to the IOPC.", "referred_on"
        )
    if complaint.informal_resolution_started_on:
        if complaint.serious:
            raise CaseworkError(
                "A serious complaint goes to the IOPC, not informal resolution.",
                "informal_resolution_started_on",
            )
        if complaint.recording != Complaint.Recording.RECORDED:
            raise CaseworkError(
                "Only a recorded complaint is resolved informally.",
                "informal_resolution_started_on",
            )
    if complaint.outcome and not complaint.outcome_on:
        raise CaseworkError("Give the date of the outcome.", "outcome_on")
    if (
        complaint.outcome == Complaint.Outcome.RESOLVED
        and not complaint.informal_resolution_started_on
    ):
        raise CaseworkError(
            "Give the date informal resolution started.", "informal_resolution_started_on"
        )


@transaction.atomic
def save_complaint(*, complaint, by):
    """Record a complaint, or what has happened to it since, after checking the Regulations'
    order of things: the decision whether to record it, a referral to the IOPC only for a
    serious complaint or conduct matter, informal resolution only for the others."""
    _check_complaint(complaint)
    return _saved(complaint, f"{'Changed' if complaint.pk else 'Recorded'} by {by}")
