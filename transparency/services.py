"""Actions on the transparency hub: publishing documents and register entries, reviewing and
releasing a month's spending file, reminding officers of items falling due, and email alerts.

Each is one transaction; the search index changes in the same transaction as what it indexes.
"""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from pcc_portal.errors import DomainError, InvalidTransition
from pcc_portal.publications import services as publishing

from .models import (
    InspectionReport,
    ItemDocument,
    ItemReminder,
    Payment,
    SpendingUpload,
    Subscription,
    SubscriptionToken,
)
from .sources import SOURCES
from .spending import read_spending_file

logger = logging.getLogger(__name__)


# Index items ---------------------------------------------------------------------------------


@transaction.atomic
def publish_document(*, item, title, file, period_from, period_to, by, inspection=None):
    """Publish a document staff upload for an index item, today, with the period it covers: that
    period dates the item's freshness, not the day of the upload."""
    if period_to < period_from:
        raise InvalidTransition("The period a document covers must end on or after its start.")
    document = ItemDocument(
        item=item,
        title=title,
        file=file,
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
def withdraw_document(*, document, by):
    document = ItemDocument.objects.select_for_update().get(pk=document.pk)
    document.withdraw()
    if document.file:
        # Nothing withdrawn stays where a publicly readable bucket would serve it.
        document.private_name = publishing.keep_privately(document.file)
    document._change_reason = f"Withdrawn by {by}"
    document.save()
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
    from .freshness import Status

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
    from .selectors import index_rows

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


# Registers ----------------------------------------------------------------------------------


def release_entry(*, entry, by, note):
    """Release a register entry as it stands now: its fields are frozen in a new record
    version, which the register, its CSV and JSON, search, the feeds and the sitemap read from
    this transaction on. An earlier release stays on record; a withdrawn one stays withdrawn."""
    _check_may_publish(entry, by)
    return publishing.publish(obj=entry, by=by, note=note)


def withdraw_entry(*, entry, by, reason):
    """Take a released entry off the public register for good, with the reason the public is
    told; it leaves every channel in the same transaction and comes back only by a new
    release."""
    _check_may_publish(entry, by)
    return publishing.withdraw(obj=entry, by=by, reason=reason)


def _check_may_publish(entry, by):
    opts = entry._meta
    if not by.has_perm(f"{opts.app_label}.publish_{opts.model_name}"):
        raise PermissionDenied(f"{by} may not release or withdraw {opts.verbose_name_plural}.")


@transaction.atomic
def save_entry(*, entry, by, reason):
    """Save a staff edit. The public keeps reading the entry's last release: the edit is public
    only once released. Its history keeps every edit."""
    entry._change_reason = reason
    entry.save()
    return entry


class SpendingFileInvalid(DomainError):
    """``errors`` are those of the first rows with problems; ``error_count`` counts them all."""

    def __init__(self, errors, error_count=None):
        self.errors = errors
        self.error_count = len(errors) if error_count is None else error_count
        super().__init__(f"{self.error_count} problem(s) in the spending file")


class SpendingDraftExists(DomainError):
    """The month already has a draft: it is released or discarded before another is uploaded."""

    def __init__(self, draft):
        self.draft = draft
        super().__init__(f"{draft} already has a draft, uploaded by {draft.uploaded_by}.")


def _draft(upload):
    return SpendingUpload.objects.select_for_update().get(pk=upload.pk)


@transaction.atomic
def upload_spending(*, month, content, filename, by, source=SpendingUpload.Source.COMMISSIONER):
    """Store a month's file whole as a draft for review, or change nothing and raise
    ``SpendingFileInvalid`` naming every bad row (``SpendingDraftExists`` if the month has a
    draft already). A draft is not public and not in search: ``release_spending`` publishes
    it. Rows the redaction rule flags are set to be redacted until a reviewer says otherwise."""
    month = month.replace(day=1)
    drafts = SpendingUpload.objects.drafts().filter(month=month, source=source)
    draft = drafts.first()
    if draft is not None:
        raise SpendingDraftExists(draft)
    parsed = read_spending_file(content=content, filename=filename, month=month)
    if not parsed.is_valid:
        raise SpendingFileInvalid(parsed.errors, parsed.error_count)
    upload = SpendingUpload(
        month=month,
        source=source,
        filename=filename[:200],
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=by,
        row_count=len(parsed.payments),
        redacted_count=sum(p.is_redacted for p in parsed.payments),
        total=sum(p.amount for p in parsed.payments),
    )
    upload._change_reason = f"Uploaded {filename}"[:100]
    try:
        with transaction.atomic():
            upload.save()
    except IntegrityError:  # another draft of the month was stored meanwhile
        raise SpendingDraftExists(drafts.get()) from None
    for payment in parsed.payments:
        payment.upload = upload
    Payment.objects.bulk_create(parsed.payments)
    return upload


@transaction.atomic
def choose_spending_redactions(*, upload, rows, redact, reason="", by):
    """Record a reviewer's choices for ``rows`` (payments of a draft, those of one page of its
    preview): the payees of those in ``redact`` are withheld, the others named. Publishing a
    name the rule flagged keeps ``reason`` with the row. Returns the payments whose choice
    changed."""
    upload = _draft(upload)
    upload.check_is_draft("changed")
    redact = set(redact)
    changed = []
    for payment in upload.payments.filter(pk__in=rows).order_by("row_number"):
        redacted = payment.pk in redact
        because = "" if redacted or not payment.is_flagged else reason.strip()
        if (payment.is_redacted, payment.name_published_because) != (redacted, because):
            payment.is_redacted, payment.name_published_because = redacted, because
            changed.append(payment)
    Payment.objects.bulk_update(changed, ["is_redacted", "name_published_because"])
    if changed:
        upload.redacted_count = upload.payments.filter(is_redacted=True).count()
        upload._change_reason = (
            f"Redactions changed by {by} on row{'s' if len(changed) > 1 else ''} "
            + ", ".join(str(p.row_number) for p in changed)
        )[:100]
        upload.save()
    return changed


@transaction.atomic
def release_spending(*, upload, by, reauthenticated_at=None):
    """Publish a reviewed draft whole, as one record version: every row at once, the names of
    the rows chosen for redaction dropped, indexed for search; the upload released for the
    month before is withdrawn (it stays on record). Only those who may release spending may.
    The upload's history records the release, and when ``by`` re-authenticated for it."""
    if not by.has_perm("transparency.publish_spendingupload"):
        raise PermissionDenied(f"{by} may not release spending.")
    upload = _draft(upload)
    upload.check_is_draft("released")
    now = timezone.now()
    for previous in SpendingUpload.objects.public().filter(
        month=upload.month, source=upload.source
    ):
        publishing.withdraw(
            obj=previous,
            by=by,
            reason=f"Replaced by the file for {upload.month:%B %Y} released on "
            f"{timezone.localdate(now):%-d %B %Y}.",
        )
    # A redacted row keeps no name from here on: not in the database, the search index or any
    # export, whatever reads the table later.
    upload.payments.filter(is_redacted=True).update(supplier=Payment.REDACTED)
    upload.redacted_count = upload.payments.filter(is_redacted=True).count()
    upload.released_at = now
    reason = f"Released by {by}"
    if reauthenticated_at is not None:
        reason += f"; re-authenticated at {timezone.localtime(reauthenticated_at):%H:%M:%S}"
    upload._change_reason = reason[:100]
    upload._history_user = by
    upload.save()
    publishing.publish(
        obj=upload,
        by=by,
        note=f"{upload.row_count} payments, {upload.redacted_count} without the payee's name.",
    )
    return upload


@transaction.atomic
def discard_spending(*, upload, by):
    """Delete a draft and every row of it (names included); its history records the discard."""
    upload = _draft(upload)
    upload.check_is_draft("discarded")
    upload._change_reason = f"Discarded by {by}"
    upload.delete()


# Alerts -------------------------------------------------------------------------------------

CONFIRM_FOR = timedelta(days=3)
UNSUBSCRIBE_FOR = timedelta(days=365)


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def _issue_token(subscription, purpose, valid_for):
    token = secrets.token_urlsafe(32)
    SubscriptionToken.objects.create(
        subscription=subscription,
        purpose=purpose,
        token_hash=_hash(token),
        expires_at=timezone.now() + valid_for,
    )
    return token


class TokenInvalid(DomainError):
    """The link is unknown, used already, or expired."""


@transaction.atomic
def subscribe(*, email, topic, priority=None, base_url):
    """Start a subscription and email the address a link to confirm it. The answer is the same
    whether or not the address already follows the topic, so nobody learns who subscribes."""
    email = email.strip().lower()
    existing = (
        Subscription.objects.select_for_update(of=("self",))
        .filter(email=email, topic=topic, priority=priority, unsubscribed_at__isnull=True)
        .first()
    )
    if existing and existing.confirmed_at:
        return existing  # already following: nothing to confirm, nothing revealed
    subscription = existing or Subscription.objects.create(
        email=email, topic=topic, priority=priority
    )
    token = _issue_token(subscription, SubscriptionToken.Purpose.CONFIRM, CONFIRM_FOR)
    link = base_url + reverse("transparency:alerts_confirm", kwargs={"token": token})
    send_mail(
        subject=f"Confirm your alerts: {subscription.topic_label}",
        message=render_to_string(
            "transparency/email/confirm.txt",
            {"subscription": subscription, "link": link, "valid_days": CONFIRM_FOR.days},
        ),
        from_email=None,
        recipient_list=[email],
    )
    return subscription


def _use_token(token, purpose):
    found = (
        SubscriptionToken.objects.select_for_update(of=("self",))
        .select_related("subscription")
        .filter(token_hash=_hash(token or ""), purpose=purpose)
        .first()
    )
    if found is None or found.used_at is not None or found.expires_at < timezone.now():
        raise TokenInvalid("This link has expired or has already been used.")
    if found.subscription.unsubscribed_at is not None:
        raise TokenInvalid("This subscription has ended.")
    found.used_at = timezone.now()
    found.save(update_fields=["used_at"])
    return found.subscription


@transaction.atomic
def confirm_subscription(*, token):
    subscription = _use_token(token, SubscriptionToken.Purpose.CONFIRM)
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.last_sent_at = subscription.confirmed_at
        subscription._change_reason = "Confirmed by the subscriber"
        subscription.save()
    return subscription


@transaction.atomic
def unsubscribe(*, token):
    """End the subscription; every link it was sent stops working."""
    subscription = _use_token(token, SubscriptionToken.Purpose.UNSUBSCRIBE)
    subscription.unsubscribed_at = timezone.now()
    subscription._change_reason = "Unsubscribed by the subscriber"
    subscription.save()
    subscription.tokens.filter(used_at__isnull=True).update(used_at=timezone.now())
    return subscription


def send_digests(*, base_url, now=None):
    """Email each confirmed subscriber what was published on their topic since their last
    email, with a one-click unsubscribe link. Returns the number of emails sent."""
    from .alerts import feed_entries

    now = now or timezone.now()
    sent = 0
    for subscription_id in Subscription.objects.active().values_list("pk", flat=True):
        with transaction.atomic():
            subscription = (
                Subscription.objects.select_for_update(of=("self",))
                .active()
                .select_related("priority")
                .filter(pk=subscription_id)
                .first()
            )
            if subscription is None:
                continue
            since = subscription.last_sent_at or subscription.confirmed_at
            entries = [
                e
                for e in feed_entries(
                    topic=subscription.topic, priority=subscription.priority, since=since
                )
                if e.published_at <= now
            ]
            if not entries:
                continue
            token = _issue_token(
                subscription, SubscriptionToken.Purpose.UNSUBSCRIBE, UNSUBSCRIBE_FOR
            )
            unsubscribe_link = base_url + reverse(
                "transparency:alerts_unsubscribe", kwargs={"token": token}
            )
            _send_digest(subscription, entries, base_url, unsubscribe_link)
            subscription.last_sent_at = now
            subscription.save(update_fields=["last_sent_at"])
            sent += 1
    return sent


def _send_digest(subscription, entries, base_url, unsubscribe_link):
    from django.core.mail import EmailMessage

    message = EmailMessage(
        subject=f"New on {subscription.topic_label}: {len(entries)} update"
        + ("s" if len(entries) != 1 else ""),
        body=render_to_string(
            "transparency/email/digest.txt",
            {
                "subscription": subscription,
                "entries": entries,
                "base_url": base_url,
                "unsubscribe_link": unsubscribe_link,
            },
        ),
        to=[subscription.email],
        # RFC 8058 one-click unsubscribe, which mail programs show as a button.
        headers={
            "List-Unsubscribe": f"<{unsubscribe_link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()


__all__ = [
    "InvalidTransition",
    "SpendingDraftExists",
    "SpendingFileInvalid",
    "TokenInvalid",
    "choose_spending_redactions",
    "confirm_subscription",
    "discard_spending",
    "save_entry",
    "publish_document",
    "record_inspection",
    "reminder_fallback_recipients",
    "release_entry",
    "release_spending",
    "send_digests",
    "send_due_reminders",
    "subscribe",
    "unsubscribe",
    "upload_spending",
    "withdraw_document",
    "withdraw_entry",
]
