"""The record of strategic scrutiny meetings: their papers and the actions they raise."""

from django.db import transaction
from django.utils import timezone

from pcc_portal import reordering
from pcc_portal.errors import InvalidTransition

from ..models import ScrutinyAction, ScrutinyMeeting


@transaction.atomic
def update_action(*, action, status, update, closed_on, by, priorities=None):
    """Record progress on an action: started, closed on a date, or reopened; and which plan
    priorities it is about."""
    action = (
        ScrutinyAction.objects.select_for_update().select_related("raised_at").get(pk=action.pk)
    )
    if status != action.status:
        if status == ScrutinyAction.Status.CLOSED:
            action.close(on=closed_on or timezone.localdate())
        elif action.status == ScrutinyAction.Status.CLOSED:
            action.reopen()
            if status == ScrutinyAction.Status.IN_PROGRESS:
                action.start()
        elif status == ScrutinyAction.Status.IN_PROGRESS:
            action.start()
        else:
            raise InvalidTransition("An action in progress stays in progress until it is closed.")
    elif status == ScrutinyAction.Status.CLOSED and closed_on and closed_on != action.closed_on:
        if closed_on < action.raised_at.date:
            raise InvalidTransition("An action cannot be closed before the meeting that raised it.")
        action.closed_on = closed_on
    action.update = update
    action._history_user = by
    action.save()
    if priorities is not None:
        action.priorities.set(priorities)
    return action


@transaction.atomic
def add_paper(*, meeting, paper, by):
    """Add a paper received to a meeting's record, after those it has."""
    ScrutinyMeeting.objects.select_for_update().get(pk=meeting.pk)
    paper.meeting = meeting
    paper.order = reordering.next_number(meeting.papers, field="order")
    paper._history_user = by
    paper.save()
    return paper


@transaction.atomic
def add_action(*, meeting, action, priorities, by):
    """Add an action for the Chief Constable raised at a meeting, about these plan
    priorities; it is carried forward until closed."""
    action.raised_at = meeting
    action._history_user = by
    action.save()
    action.priorities.set(priorities)
    return action
