"""Public questions asked online for a Panel meeting, confirmed by email."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from pcc_portal.visibility import VisibilityQuerySet

DEFAULT_QUESTION_RULES = """\
Anyone who lives or works in the police force area may ask the Panel one question for a meeting.
A question must be about the Panel's work or the Commissioner's, not about an individual case,
a matter before the courts or a complaint; it may be refused if it is defamatory, frivolous or
offensive, or substantially repeats a question asked in the last six months.
Questions are read out and answered at the meeting; the answer is given in the minutes.
Your name is published with your question unless you ask us to withhold it. Your email
address is never published."""


class QuestionWindow(models.Model):
    """The public may ask questions online for this meeting until the deadline."""

    meeting = models.OneToOneField(
        "panel.Meeting", on_delete=models.CASCADE, related_name="question_window"
    )
    deadline = models.DateTimeField(help_text="Questions must be confirmed before this moment.")
    limit_per_person = models.PositiveSmallIntegerField(
        default=1, help_text="Questions one email address may ask for this meeting."
    )
    rules = models.TextField(default=DEFAULT_QUESTION_RULES, help_text="Shown with the form.")

    history = HistoricalRecords()

    def __str__(self):
        return f"Public questions for {self.meeting.date:%-d %B %Y}"

    def get_absolute_url(self):
        return reverse("casework:questions", kwargs={"date": self.meeting.date})

    def is_open(self, now=None):
        return (now or timezone.now()) < self.deadline


class QuestionQuerySet(VisibilityQuerySet):
    def confirmed(self):
        """Questions whose asker has confirmed their email address: the only ones staff consider
        or the limit per asker counts."""
        return self.exclude(status=SubmittedQuestion.Status.UNCONFIRMED)

    def public(self):
        """Accepted questions of public meetings: the only ones anyone outside sees."""
        from panel.models import Meeting

        return self.filter(
            status=SubmittedQuestion.Status.ACCEPTED,
            window__meeting__in=Meeting.objects.public(),
        )


class SubmittedQuestion(models.Model):
    """A question asked online. Its email address and any withheld name stay with staff."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", "Waiting for the email address to be confirmed"
        SUBMITTED = "submitted", "To decide"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    window = models.ForeignKey(QuestionWindow, on_delete=models.CASCADE, related_name="questions")
    name = models.CharField(max_length=200)
    email = models.EmailField()
    question = models.TextField()
    withhold_name = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=Status, default=Status.UNCONFIRMED)
    asked_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rejection_reason = models.TextField(blank=True)
    answer = models.TextField(blank=True)
    public_question = models.OneToOneField(
        "panel.PublicQuestion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submission",
        help_text="The question as the meeting's minutes carry it.",
    )

    history = HistoricalRecords(excluded_fields=["email"])
    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["asked_at", "pk"]

    def __str__(self):
        return f"Question {self.pk} for {self.window.meeting.date:%-d %B %Y}"

    @property
    def public_asker(self):
        return "A member of the public" if self.withhold_name else self.name


class QuestionToken(models.Model):
    """The link that confirms a question's email address. Only its SHA-256 is stored; it is
    single-use and expires."""

    question = models.ForeignKey(SubmittedQuestion, on_delete=models.CASCADE, related_name="tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Confirmation link for question {self.question_id}"
