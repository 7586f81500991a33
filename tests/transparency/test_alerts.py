"""Email alerts without an account: double opt-in, digests, one-click unsubscribe, and links
that cannot be guessed, reused or used after they expire."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.transparency.factories import GrantFactory
from transparency import services
from transparency.models import Subscription, SubscriptionToken


def _link(message, name):
    base = re.escape(settings.PORTAL_BASE_URL.rstrip("/"))
    return re.search(rf"{base}(/alerts/{name}/[^/\s]+/)", message.body).group(1)


def _subscribe(client, email="reader@example.org", topic="transparency"):
    response = client.post(reverse("transparency:alerts"), {"email": email, "topic": topic})
    assert response.status_code == 302
    return mail.outbox[-1]


@pytest.mark.django_db
def test_subscribing_needs_the_link_in_the_email_pressed(client):
    message = _subscribe(client)
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    confirm = _link(message, "confirm")
    assert client.get(confirm).status_code == 200  # a mail scanner fetching it confirms nothing
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    response = client.post(confirm)
    assert "You are subscribed" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None


@pytest.mark.django_db
def test_tokens_are_stored_only_as_hashes_and_cannot_be_guessed(client):
    message = _subscribe(client)
    token = _link(message, "confirm").split("/")[-2]
    assert len(token) >= 40
    stored = SubscriptionToken.objects.get()
    assert token not in stored.token_hash
    assert client.post(f"/alerts/confirm/{token[:-1]}x/").status_code == 410
    assert client.post("/alerts/confirm/0/").status_code == 410


@pytest.mark.django_db
def test_a_confirmation_link_expires_and_cannot_be_used_twice(client):
    message = _subscribe(client)
    confirm = _link(message, "confirm")
    SubscriptionToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.post(confirm).status_code == 410
    second = _link(_subscribe(client), "confirm")
    assert client.post(second).status_code == 200
    assert client.post(second).status_code == 410


@pytest.mark.django_db
def test_the_answer_is_the_same_for_a_new_and_an_existing_subscriber(client):
    client.post(_link(_subscribe(client), "confirm"))
    sent = len(mail.outbox)
    first = client.post(
        reverse("transparency:alerts"), {"email": "reader@example.org", "topic": "transparency"}
    )
    second = client.post(
        reverse("transparency:alerts"), {"email": "new@example.org", "topic": "transparency"}
    )
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert len(mail.outbox) == sent + 1  # only the new address is asked to confirm


@pytest.mark.django_db
def test_a_digest_lists_what_was_published_and_unsubscribes_in_one_click(client, editor):
    client.post(_link(_subscribe(client), "confirm"))
    grant = GrantFactory(released=False, recipient="Sample Youth Trust")
    services.release_entry(entry=grant, by=editor, note="First release")
    assert services.send_digests() == 1
    digest = mail.outbox[-1]
    assert "Sample Youth Trust" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert services.send_digests() == 0  # nothing new: no email

    unsubscribe = _link(digest, "unsubscribe")
    assert client.post(unsubscribe).status_code == 200  # as a mail program posts it
    assert Subscription.objects.active().count() == 0
    assert client.post(unsubscribe).status_code == 410  # not reusable
    services.release_entry(entry=GrantFactory(released=False), by=editor, note="First release")
    assert services.send_digests() == 0


@pytest.mark.django_db
def test_a_priority_subscription_must_name_the_priority(client):
    response = client.post(
        reverse("transparency:alerts"), {"email": "a@example.org", "topic": "priority"}
    )
    assert response.status_code == 400  # the form again, with its errors
    page = response.content.decode()
    assert "Choose the plan priority you want to follow." in page
    assert 'value="a@example.org"' in page
    assert Subscription.objects.count() == 0


@pytest.mark.django_db
def test_a_priority_feed_lists_its_grants_and_the_transparency_feed_everything(client, editor):
    from tests.plans.factories import PlanFactory, PriorityFactory
    from transparency import tasks

    plan = PlanFactory(slug="plan-feed")
    priority = PriorityFactory(plan=plan, number=2)
    from pcc_portal.publications import services as publishing

    version = publishing.publish(obj=plan, by=editor, note="First")
    publishing.run_render_job(job_id=version.render_job.pk)
    services.release_entry(
        entry=GrantFactory(released=False, priority=priority, recipient="Sample Feed Trust"),
        by=editor,
        note="First release",
    )
    services.release_entry(
        entry=GrantFactory(released=False, recipient="Elsewhere"), by=editor, note="First release"
    )
    feed = client.get("/alerts/priorities/plan-feed/2/feed/").content.decode()
    assert "Sample Feed Trust" in feed and "Elsewhere" not in feed
    assert "<feed" in feed
    everything = client.get("/alerts/transparency/feed/").content.decode()
    assert "Sample Feed Trust" in everything and "Elsewhere" in everything

    client.post(_link(_subscribe(client, topic="transparency"), "confirm"))
    Subscription.objects.update(
        confirmed_at=timezone.now() - datetime.timedelta(days=1),
        last_sent_at=timezone.now() - datetime.timedelta(days=1),
    )
    assert tasks.send_alert_digests.delay().get() == 1


@pytest.mark.django_db
def test_confirmation_emails_to_one_address_are_limited(client):
    for n in range(3):
        client.post(
            reverse("transparency:alerts"),
            {"email": "victim@example.org", "topic": "transparency"},
            REMOTE_ADDR=f"203.0.113.{n}",
        )
    refused = client.post(
        reverse("transparency:alerts"),
        {"email": "Victim@example.org", "topic": "decisions"},
        REMOTE_ADDR="203.0.113.99",
    )
    assert refused.status_code == 400  # the form again, with the reason
    assert "try again in an hour" in refused.content.decode()
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_alert_sign_ups_from_one_connection_are_limited(client):
    for n in range(10):
        _subscribe(client, email=f"reader{n}@example.org")
    refused = client.post(
        reverse("transparency:alerts"), {"email": "one-more@example.org", "topic": "transparency"}
    )
    assert refused.status_code == 400
    assert "try again in an hour" in refused.content.decode()
    assert len(mail.outbox) == 10


@pytest.mark.django_db
@pytest.mark.parametrize("priority", ["²", "٣", "99999999999999999999", "-1"])
def test_a_strange_priority_in_the_alerts_address_is_ignored(client, priority):
    response = client.get("/alerts/", {"priority": priority})
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_emailed_link_names_the_portal_not_the_host_the_request_named(client, settings):
    """A visitor picks a request's Host header; the link they have mailed must not follow it."""
    settings.ALLOWED_HOSTS = ["testserver", "portal.internal"]
    settings.PORTAL_BASE_URL = "https://portal.example.org"
    client.post(
        reverse("transparency:alerts"),
        {"email": "reader@example.org", "topic": "transparency"},
        HTTP_HOST="portal.internal",
    )
    body = mail.outbox[-1].body
    assert "https://portal.example.org/alerts/confirm/" in body
    assert "portal.internal" not in body
