"""Email alerts: subscribing, confirming and ending a subscription by its emailed links, and
sending each subscriber a digest of what was published on their topic."""

import hashlib
import secrets
from datetime import timedelta

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from pcc_portal.errors import DomainError
from pcc_portal.links import portal_url

from ..models import Subscription, SubscriptionToken

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
def subscribe(*, email, topic, priority=None):
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
    link = portal_url(reverse("transparency:alerts_confirm", kwargs={"token": token}))
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


def send_digests(*, now=None):
    """Email each confirmed subscriber what was published on their topic since their last
    email, with a one-click unsubscribe link. Returns the number of emails sent."""
    from ..alerts import feed_entries

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
            unsubscribe_link = portal_url(
                reverse("transparency:alerts_unsubscribe", kwargs={"token": token})
            )
            _send_digest(subscription, entries, unsubscribe_link)
            subscription.last_sent_at = now
            subscription.save(update_fields=["last_sent_at"])
            sent += 1
    return sent


def _send_digest(subscription, entries, unsubscribe_link):
    from django.core.mail import EmailMessage

    message = EmailMessage(
        subject=f"New on {subscription.topic_label}: {len(entries)} update"
        + ("s" if len(entries) != 1 else ""),
        body=render_to_string(
            "transparency/email/digest.txt",
            {
                "subscription": subscription,
                "entries": entries,
                "base_url": portal_url(),
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
