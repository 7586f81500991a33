"""Telling people about decisions: reminders before a signed decision's publication deadline,
and the Panel's report of the decisions made in a period."""

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone

from pcc_portal.errors import InvalidTransition
from pcc_portal.links import portal_url

from .. import deadlines
from ..models import Decision, DecisionsReport
from .common import Status, _locked


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


def send_publication_reminders(*, today=None):
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
                url=portal_url(decision.get_manage_url()),
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
