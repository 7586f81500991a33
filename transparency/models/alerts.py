"""Email alerts: subscriptions to a topic without an account, and the single-use links that
confirm or end them."""

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class Topic(models.TextChoices):
    DECISIONS = "decisions", "New decisions"
    MEETINGS = "meetings", "Police and Crime Panel meetings"
    PRIORITY = "priority", "A plan priority"
    TRANSPARENCY = "transparency", "Transparency publications and registers"


class SubscriptionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)


class Subscription(models.Model):
    """An email address following one topic, without an account. Confirmed by a link sent to
    the address (double opt-in); ended by the one-click link in every email."""

    email = models.EmailField()
    topic = models.CharField(max_length=20, choices=Topic)
    priority = models.ForeignKey(
        "plans.Priority", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(
        null=True, blank=True, help_text="Publications up to this moment have been sent."
    )

    history = HistoricalRecords()
    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(topic="priority", priority__isnull=False)
                | (~models.Q(topic="priority") & models.Q(priority__isnull=True)),
                name="subscription_priority_only_for_priority_topic",
            ),
        ]

    def __str__(self):
        return f"Subscription {self.pk} to {self.topic_label}"

    @property
    def topic_label(self):
        if self.topic == Topic.PRIORITY and self.priority_id:
            return f"priority {self.priority}"
        return self.get_topic_display().lower()


class SubscriptionToken(models.Model):
    """A link sent by email. Only its SHA-256 is stored, so a database leak cannot be turned
    into working links; each is single-use and expires."""

    class Purpose(models.TextChoices):
        CONFIRM = "confirm", "Confirm"
        UNSUBSCRIBE = "unsubscribe", "Unsubscribe"

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="tokens")
    purpose = models.CharField(max_length=20, choices=Purpose)
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.get_purpose_display()} link for subscription {self.subscription_id}"
