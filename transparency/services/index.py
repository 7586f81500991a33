"""Actions on the Specified Information index: publishing and withdrawing documents, recording
HMICFRS reports, and reminding officers of items falling due."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications import services as publishing

from ..documents import publishable
from ..models import DocumentWithdrawal, InspectionReport, ItemDocument, ItemReminder
from ..sources import SOURCES

logger = logging.getLogger(__name__)


@transaction.atomic
def publish_document(*, item, title, file, period_from, period_to, by, inspection=None):
    """Publish a document staff upload for an index item, today, with the period it covers: that
    period dates the item's freshness, not the day of the upload. The file is published as
    ``publishable`` gives it: a PDF, which opens in the browser, as its cleaned copy; a CSV with
    any cell a spreadsheet would run marked as text; any other kind once its content is found to
    be what its name says. Raises ``UnfitDocument`` else."""
    if period_to < period_from:
        raise InvalidTransition("The period a document covers must end on or after its start.")
    document = ItemDocument(
        item=item,
        title=title,
        file=publishable(file),
        published_on=timezone.localdate(),
        period_from=period_from,
        period_to=period_to,
        inspection=inspection,
        published_by=by,
    )
    document._change_reason = "Published"
    document.save()
    return document


@transaction.atomic
def withdraw_document(*, document, by, reason):
    """Take a document off the public site with the reason the public is told: its address
    answers 410 Gone with the notice, and its file moves to the private store."""
    document = ItemDocument.objects.select_for_update().get(pk=document.pk)
    document.withdraw()
    if document.file:
        # Nothing withdrawn stays where a publicly readable bucket would serve it.
        document.private_name = publishing.keep_privately(file=document.file)
    document._history_user = by
    document._change_reason = f"Withdrawn: {reason}"[:100]
    document.save()
    DocumentWithdrawal.objects.create(
        document=document, reason=reason, withdrawn_by=by, withdrawn_at=document.withdrawn_at
    )
    return document


@transaction.atomic
def record_inspection(*, title, kind, published_on, url="", by):
    """Record an HMICFRS report on the force: the Commissioner's comments on it fall due 56 days
    later, and a PEEL report supersedes the one before on the index."""
    report = InspectionReport(title=title, kind=kind, published_on=published_on, url=url)
    report._change_reason = f"Recorded by {by}"
    report.save()
    return report


def reminder_fallback_recipients():
    """Who is reminded about an item with no responsible officer: the transparency lead's
    address when one is configured (``TRANSPARENCY_LEAD_EMAIL``), otherwise everyone who may
    edit the index items and so name an officer for each."""
    lead = getattr(settings, "TRANSPARENCY_LEAD_EMAIL", "")
    if lead:
        return [lead]
    emails = (
        get_user_model()
        .objects.with_perm(
            "transparency.change_specifieditem",
            include_superusers=False,
            backend="django.contrib.auth.backends.ModelBackend",
        )
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    return sorted(set(emails))


def _reminder_key(freshness, today):
    """(kind, due date) of the reminder ``freshness`` calls for, or None. An item never
    published is reminded once a month until it is; the others once per due date and kind."""
    from ..freshness import Status

    if freshness.status == Status.MISSING:
        return ItemReminder.Kind.MISSING, today.replace(day=1)
    if freshness.status == Status.DUE_SOON and freshness.due_on:
        return ItemReminder.Kind.DUE_SOON, freshness.due_on
    if freshness.status == Status.OVERDUE and freshness.due_on:
        return ItemReminder.Kind.OVERDUE, freshness.due_on
    return None


def send_due_reminders(*, today=None, rows=None):
    """Email each item's responsible officer when it is never published, falls due soon and
    becomes overdue; an item with no responsible officer, to the fallback recipients
    (``reminder_fallback_recipients``). Once per item, kind and due date (a missing item once a
    month), however often this runs. Returns the emails sent."""
    from ..selectors import index_rows

    today = today or timezone.localdate()
    fallback = None
    sent = 0
    for row in rows if rows is not None else index_rows(today=today):
        item, freshness = row.item, row.freshness
        key = _reminder_key(freshness, today)
        if key is None:
            continue
        kind, due_on = key
        if ItemReminder.objects.filter(item=item, due_on=due_on, kind=kind).exists():
            continue
        if item.responsible_email:
            recipients = [item.responsible_email]
        else:
            fallback = reminder_fallback_recipients() if fallback is None else fallback
            recipients = fallback
        if not recipients:
            logger.warning("Nobody to remind about %s: no officer and no fallback", item.code)
            continue
        if kind == ItemReminder.Kind.MISSING:
            subject = f"Never published: {item.title}"
        else:
            subject = f"{freshness.label}: {item.title} (due {freshness.due_on:%d %B %Y})"
        if not item.responsible_email:
            subject = f"{subject} - no responsible officer"
        try:
            with transaction.atomic():
                ItemReminder.objects.create(
                    item=item, due_on=due_on, kind=kind, sent_to=", ".join(recipients)
                )
                # Sent inside the transaction: if the mail server refuses, the reminder is not
                # recorded and tomorrow's run tries again.
                send_mail(
                    subject=subject,
                    message=render_to_string(
                        "transparency/email/reminder.txt",
                        {
                            "item": item,
                            "freshness": freshness,
                            "missing": kind == ItemReminder.Kind.MISSING,
                            "no_officer": not item.responsible_email,
                            "source_label": getattr(
                                SOURCES.get(item.portal_source), "label", item.portal_source
                            ),
                        },
                    ),
                    from_email=None,
                    recipient_list=recipients,
                )
        except IntegrityError:
            continue  # already reminded for this due date
        sent += 1
    return sent
