"""Meetings of the panel and the items on their agendas."""

import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from decisions.deadlines import previous_working_day
from pcc_portal.errors import InvalidTransition
from pcc_portal.publications.markdown_fields import MarkdownHTMLField, RendersMarkdown
from pcc_portal.visibility import VisibilityQuerySet

# Who runs the panel's meetings (its secretary) reads every meeting's members' papers.
STAFF_PERMISSION = "panel.change_meeting"
# The agenda is published at least five clear working days before the meeting (Local Government
# Act 1972, s100B(3)): neither the day it is published nor the day of the meeting counts.
CLEAR_WORKING_DAYS = 5


def usual_start_time():
    """A meeting's usual start, 6 pm. A function rather than a fixed time: Django's checks take
    a fixed time within seconds of the clock for a mistaken "now", which failed the release's
    ``check --deploy`` at 6 pm."""
    return datetime.time(18, 0)


def first_clear_day(meeting_date):
    """The first of the five clear working days before a meeting on ``meeting_date``: the agenda
    is on time when it is published before this day."""
    day = meeting_date
    for _ in range(CLEAR_WORKING_DAYS):
        day = previous_working_day(day)
    return day


def agenda_due_on(meeting_date):
    """The last working day the agenda of a meeting on ``meeting_date`` may be published: for a
    meeting on Monday 6 December 2021, Friday 26 November."""
    return previous_working_day(first_clear_day(meeting_date))


class MeetingQuerySet(VisibilityQuerySet):
    def public(self):
        # A meeting's date, place and status are public from the moment it is arranged; its
        # agenda, papers and minutes are public only through their published versions.
        return self.all()

    def with_members_papers_for(self, user, on=None):
        """The meetings whose members' papers (exempt items, the members' pack, exempt minutes)
        ``user`` may read: the panel's staff every meeting; a member, while in office
        (``on``, today), the meetings of their panel and of the task and finish groups they sit
        on. Nobody else any: not the public, an account no member record is linked to, a
        former member or a member of another panel."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm(STAFF_PERMISSION):
            return self.all()
        from .members import Member

        sitting = Member.objects.current(on).filter(user=user)
        return self.filter(
            models.Q(group__isnull=True, panel__in=sitting.values("panel"))
            | models.Q(group__isnull=False, group__members__in=sitting)
        ).distinct()

    def upcoming(self, today=None):
        return self.filter(date__gte=today or timezone.localdate()).order_by("date")

    def past(self, today=None):
        return self.filter(date__lt=today or timezone.localdate()).order_by("-date")


class Meeting(models.Model):
    class Kind(models.TextChoices):
        ORDINARY = "ordinary", "Ordinary meeting"
        PRECEPT = "precept", "Precept meeting"
        IF_REQUIRED = "if_required", "“If required” meeting"
        CONFIRMATION = "confirmation", "Confirmation hearing"
        SPECIAL = "special", "Special meeting"

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        POSTPONED = "postponed", "Postponed"
        CANCELLED = "cancelled", "Cancelled"
        HELD = "held", "Held"

    panel = models.ForeignKey("panel.Panel", on_delete=models.PROTECT, related_name="meetings")
    group = models.ForeignKey(
        "panel.TaskAndFinishGroup",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name="Task and finish group",
        help_text="For a meeting of a task and finish group: only its members read its exempt "
        "papers. Leave empty for a meeting of the whole panel.",
    )
    date = models.DateField(unique=True, help_text="Its address is /panel/meetings/<yyyy-mm-dd>/.")
    start_time = models.TimeField(default=usual_start_time)
    duration_minutes = models.PositiveSmallIntegerField(default=150)
    venue = models.CharField(
        max_length=200, blank=True, help_text="For example “Blackburn Town Hall”."
    )
    room = models.CharField(max_length=200, blank=True)
    webcast_url = models.URLField(blank=True)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.ORDINARY)
    status = models.CharField(max_length=20, choices=Status, default=Status.SCHEDULED)
    status_reason = models.TextField(
        blank=True, help_text="Why it was postponed or cancelled; shown to the public."
    )
    new_date = models.DateField(
        null=True, blank=True, help_text="The date a postponed meeting moved to."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    agenda_reminder_sent_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the secretary was reminded that the agenda was due.",
    )

    history = HistoricalRecords(excluded_fields=["created_at", "agenda_reminder_sent_at"])
    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["date"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status__in=["postponed", "cancelled"])
                | ~models.Q(status_reason=""),
                name="meeting_called_off_says_why",
            ),
            models.CheckConstraint(
                condition=models.Q(new_date__isnull=True) | models.Q(status="postponed"),
                name="only_postponed_meetings_have_a_new_date",
            ),
        ]

    def __str__(self):
        return f"{self.panel.name if self.panel_id else 'Panel'}, {self.date:%-d %B %Y}"

    def get_absolute_url(self):
        return reverse("panel:meeting", kwargs={"date": self.slug})

    @property
    def tag_class(self):
        """The GOV.UK tag colour its status shows in."""
        return {
            self.Status.SCHEDULED: "govuk-tag--blue",
            self.Status.POSTPONED: "govuk-tag--orange",
            self.Status.CANCELLED: "govuk-tag--red",
            self.Status.HELD: "govuk-tag--grey",
        }[self.status]

    def get_manage_url(self):
        return reverse("panel_manage:meeting", kwargs={"pk": self.pk})

    def members_papers_open_to(self, user):
        """Whether ``user`` may read this meeting's members' papers (see
        ``MeetingQuerySet.with_members_papers_for``)."""
        return Meeting.objects.with_members_papers_for(user).filter(pk=self.pk).exists()

    @property
    def _status_text(self):
        return self.get_status_display().lower()

    @property
    def title(self):
        return f"{self.get_kind_display()} of the panel, {self.date:%-d %B %Y}"

    @property
    def starts_at(self):
        return timezone.make_aware(datetime.datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def place(self):
        return ", ".join(part for part in (self.venue, self.room) if part)

    @property
    def slug(self):
        return self.date.isoformat()

    @property
    def agenda_due_on(self):
        return agenda_due_on(self.date)

    def agenda_late(self, published_on):
        """Whether an agenda published on ``published_on`` missed the five clear working days."""
        return published_on >= first_clear_day(self.date)

    @property
    def is_called_off(self):
        return self.status in (self.Status.POSTPONED, self.Status.CANCELLED)

    def postpone(self, *, reason, new_date=None):
        if self.status != self.Status.SCHEDULED:
            raise InvalidTransition(
                f"Only a scheduled meeting can be postponed; this one is {self._status_text}."
            )
        if new_date is not None and new_date <= self.date:
            raise InvalidTransition("A postponed meeting moves to a later date.")
        self.status, self.status_reason, self.new_date = self.Status.POSTPONED, reason, new_date

    def cancel(self, *, reason):
        if self.status not in (self.Status.SCHEDULED, self.Status.POSTPONED):
            raise InvalidTransition(f"A meeting that is {self._status_text} cannot be cancelled.")
        self.status, self.status_reason, self.new_date = self.Status.CANCELLED, reason, None

    def mark_held(self):
        if self.status != self.Status.SCHEDULED:
            raise InvalidTransition(
                f"Only a scheduled meeting can be held; this one is {self._status_text}."
            )
        if self.date > timezone.localdate():
            raise InvalidTransition("A meeting cannot be recorded as held before its date.")
        self.status = self.Status.HELD


class AgendaItem(RendersMarkdown, models.Model):
    class Kind(models.TextChoices):
        WELCOME = "welcome", "Welcome and apologies"
        MINUTES = "minutes", "Minutes of the last meeting"
        DECLARATIONS = "declarations", "Declarations of interest"
        PUBLIC_QUESTIONS = "public_questions", "Public questions"
        REPORT = "report", "Report"
        VERBAL = "verbal", "Verbal update"
        URGENT_BUSINESS = "urgent_business", "Urgent business"
        NEXT_MEETINGS = "next_meetings", "Dates of next meetings"

    # Added for the secretary to every new meeting, in this order.
    STANDARD_OPENING = [Kind.WELCOME, Kind.MINUTES, Kind.DECLARATIONS, Kind.PUBLIC_QUESTIONS]
    STANDARD_CLOSING = [Kind.URGENT_BUSINESS, Kind.NEXT_MEETINGS]

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.REPORT)
    title = models.CharField(max_length=300)
    presenter = models.CharField(max_length=200, blank=True, help_text="Who presents it.")
    description = models.TextField(
        blank=True, help_text="Markdown: shown under the item on the agenda."
    )
    description_html = MarkdownHTMLField(source="description")
    exempt = models.BooleanField(
        default=False,
        help_text="Part 2: the press and public are excluded; its papers go only to members.",
    )
    exempt_reason = models.CharField(
        max_length=300,
        blank=True,
        help_text="The paragraph of Schedule 12A to the Local Government Act 1972 that applies.",
    )
    minutes_of = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approved_by_items",
        help_text="For a “Minutes” item: the meeting whose minutes it approves.",
    )
    minutes = models.TextField(blank=True, help_text="Markdown: what was said and done.")
    minutes_html = MarkdownHTMLField(source="minutes")
    webcast_start = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Where the item starts in the meeting's webcast recording, in seconds.",
    )

    history = HistoricalRecords(excluded_fields=["description_html", "minutes_html"])

    class Meta:
        ordering = ["meeting", "number"]
        permissions = [
            ("view_exempt_items", "Can see exempt (Part 2) items and the members' pack"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="unique_agenda_item_number"),
            models.CheckConstraint(
                condition=models.Q(exempt=False) | ~models.Q(exempt_reason=""),
                name="exempt_item_gives_its_reason",
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_manage_url(self):
        return reverse("panel_manage:meeting", kwargs={"pk": self.meeting_id}) + f"#item-{self.pk}"

    @property
    def webcast_time(self):
        """Its start in the recording as the recording's player shows it: 1:02:33."""
        if self.webcast_start is None:
            return ""
        hours, rest = divmod(self.webcast_start, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02}:{seconds:02}"

    @property
    def webcast_link(self):
        """The meeting's webcast at the moment this item starts (a W3C media fragment, which
        webcast players and browsers seek to), or nothing without both."""
        url = self.meeting.webcast_url
        if not url or self.webcast_start is None:
            return ""
        return f"{url.split('#')[0]}#t={self.webcast_start}"
