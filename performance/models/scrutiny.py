"""Strategic scrutiny (accountability board) meetings, the papers they received and the
actions they raised."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications.markdown import markdown_to_text
from pcc_portal.publications.markdown_fields import MarkdownHTMLField, RendersMarkdown
from pcc_portal.publications.models import Publishable, PublishableQuerySet
from pcc_portal.visibility import VisibilityQuerySet
from plans.models import plan_priorities

from .reports import QuarterlyReport


class ScrutinyMeetingQuerySet(PublishableQuerySet):
    # Those who add papers and actions to a meeting's record see it while it is a draft.
    draft_permissions = (
        *PublishableQuerySet.draft_permissions,
        "performance.add_paper",
        "performance.add_scrutinyaction",
    )


class ScrutinyMeeting(RendersMarkdown, Publishable):
    """A strategic scrutiny (accountability board) meeting: the Commissioner holding the Chief
    Constable to account. Its published note is a versioned publication."""

    document_type = "performance"
    # Publishing and withdrawing it ask the publisher to re-authenticate, recorded in its history.
    page_template = "performance/scrutiny_body.html"
    document_template = "performance/scrutiny_document.html"

    date = models.DateField(unique=True)
    attendees = models.TextField(help_text="One person a line, with their role.")
    topics = models.TextField(help_text="One topic a line: what the meeting scrutinised.")
    note = models.TextField(
        "Note of the meeting", blank=True, help_text="Markdown: the published note."
    )
    note_html = MarkdownHTMLField(source="note")
    report = models.ForeignKey(
        QuarterlyReport,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        help_text="The quarterly performance report considered, if any.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["note_html", "updated_at"])

    objects = ScrutinyMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        permissions = [("publish_scrutinymeeting", "Can publish notes of scrutiny meetings")]

    def __str__(self):
        return f"Strategic scrutiny meeting, {self.date:%-d %B %Y}"

    @property
    def attendee_list(self):
        return [line.strip() for line in self.attendees.splitlines() if line.strip()]

    @property
    def topic_list(self):
        return [line.strip() for line in self.topics.splitlines() if line.strip()]

    def get_absolute_url(self):
        return reverse("performance:meeting", kwargs={"date": self.date.isoformat()})

    def get_pdf_url(self):
        return reverse("performance:meeting_pdf", kwargs={"date": self.date.isoformat()})

    def get_manage_url(self):
        return reverse("performance_manage:meeting", kwargs={"pk": self.pk})

    def publication_title(self):
        return f"Note of the strategic scrutiny meeting, {self.date:%-d %B %Y}"

    def publication_context(self):
        return {
            "meeting": self,
            "papers": list(self.papers.all()),
            "raised": list(self.actions.order_by("due_date", "pk")),
            "carried_forward": list(ScrutinyAction.objects.carried_forward_to(self)),
        }

    def publication_text(self):
        context = self.publication_context()
        parts = [self.publication_title(), *self.topic_list, markdown_to_text(self.note)]
        parts += [paper.title for paper in context["papers"]]
        parts += [action.description for action in context["raised"]]
        return "\n".join(part for part in parts if part)


class Paper(models.Model):
    """A paper the meeting received from the Constabulary or the office."""

    meeting = models.ForeignKey(ScrutinyMeeting, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=300)
    presented_by = models.CharField(max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "pk"]

    def __str__(self):
        return self.title


class ScrutinyActionQuerySet(VisibilityQuerySet):
    """An action is seen with the meeting that raised it: the public's are those of published
    notes; whoever may view, change or publish scrutiny meetings, or records and progresses
    actions, sees them all."""

    draft_permissions = (
        "view",
        "add",
        "change",
        "performance.view_scrutinymeeting",
        "performance.change_scrutinymeeting",
        "performance.publish_scrutinymeeting",
    )

    def public(self):
        return self.filter(raised_at__in=ScrutinyMeeting.objects.public())

    def open(self):
        return self.exclude(status=ScrutinyAction.Status.CLOSED)

    def carried_forward_to(self, meeting):
        """Actions raised at earlier meetings that were still open when this one met."""
        return (
            self.filter(raised_at__date__lt=meeting.date)
            .filter(models.Q(closed_on__isnull=True) | models.Q(closed_on__gte=meeting.date))
            .select_related("raised_at")
            .order_by("due_date", "pk")
        )

    def overdue(self, *, today=None):
        today = today or timezone.localdate()
        return self.open().filter(due_date__lt=today)


class ScrutinyAction(models.Model):
    """Something the Chief Constable was asked to do, carried forward until closed."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        CLOSED = "closed", "Closed"

    raised_at = models.ForeignKey(ScrutinyMeeting, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner = models.CharField(
        max_length=200,
        help_text="Who answers for it, for example "
        "“Chief Constable” or “Assistant Chief Constable, Local Policing”.",
    )
    due_date = models.DateField()
    status = models.CharField(max_length=20, choices=Status, default=Status.OPEN)
    update = models.TextField("Latest update", blank=True)
    closed_on = models.DateField(null=True, blank=True)
    priorities = plan_priorities(
        "scrutiny_actions", help_text="The police and crime plan priorities the action is about."
    )

    history = HistoricalRecords(m2m_fields=[priorities])
    objects = ScrutinyActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(status="closed") & models.Q(closed_on__isnull=False))
                | (~models.Q(status="closed") & models.Q(closed_on__isnull=True)),
                name="closed_action_has_closing_date",
            )
        ]

    def __str__(self):
        return self.description[:80]

    @property
    def tag_class(self):
        """The GOV.UK tag colour its status shows in."""
        return {
            self.Status.OPEN: "govuk-tag--grey",
            self.Status.IN_PROGRESS: "govuk-tag--blue",
            self.Status.CLOSED: "govuk-tag--green",
        }[self.status]

    def start(self):
        if self.status != self.Status.OPEN:
            raise InvalidTransition(
                "Only an open action can be started; this one is "
                f"{self.get_status_display().lower()}."
            )
        self.status = self.Status.IN_PROGRESS

    def close(self, *, on):
        if self.status == self.Status.CLOSED:
            raise InvalidTransition("This action is already closed.")
        if on < self.raised_at.date:
            raise InvalidTransition("An action cannot be closed before the meeting that raised it.")
        self.status = self.Status.CLOSED
        self.closed_on = on

    def reopen(self):
        if self.status != self.Status.CLOSED:
            raise InvalidTransition("Only a closed action can be reopened.")
        self.status = self.Status.OPEN
        self.closed_on = None

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.status != self.Status.CLOSED and self.due_date < today
