"""Reads of meetings: by date, a member's own meetings, published minutes and whether
agendas went out on time."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from pcc_portal.publications.models import Version

from ..models import Meeting, Member, Minutes, PackBuild
from .packs import live_build

# How many meetings already held a member's landing page lists.
RECENT_MEETINGS = 3


def published_minutes(*, meeting):
    minutes = Minutes.objects.public().filter(meeting=meeting).first()
    return (minutes, Version.objects.latest_ready_for(minutes)) if minutes else (None, None)


def my_meetings(*, user, today=None):
    """For a member's landing page: the panels and groups they sit on, the upcoming meetings
    whose members' papers they read, each with its live pack build, and the last few held."""
    today = today or timezone.localdate()
    memberships = list(
        Member.objects.current(today)
        .filter(user=user)
        .select_related("panel")
        .prefetch_related("groups")
    )
    meetings = Meeting.objects.with_members_papers_for(user).select_related("panel", "group")
    upcoming = list(meetings.upcoming(today))
    recent = list(meetings.past(today)[:RECENT_MEETINGS])
    for meeting in upcoming + recent:
        meeting.live_build = live_build(meeting=meeting)
    return {
        "memberships": memberships,
        "upcoming": upcoming,
        "recent": recent,
        "shows_exempt": any(
            m.live_build and (m.live_build.has_exempt or m.live_build.has_withheld)
            for m in upcoming + recent
        ),
    }


@dataclass
class AgendaTimeliness:
    """A meeting's agenda against the five clear working days before it."""

    meeting: Meeting
    due_on: object
    published_on: object  # the day its pack was first published, or None

    @property
    def late(self):
        return self.published_on is not None and self.meeting.agenda_late(self.published_on)

    @property
    def overdue(self):
        return self.published_on is None and timezone.localdate() > self.due_on

    @classmethod
    def of_versions(cls, meeting, versions):
        """From the pack's public ``versions`` already read: first published with the oldest."""
        days = [timezone.localdate(v.ready_at) for v in versions if v.ready_at]
        first = min(days, default=None)
        return cls(meeting=meeting, due_on=meeting.agenda_due_on, published_on=first)


def agenda_timeliness(*, meetings):
    """For each of ``meetings``, when its agenda was due and first published (in one query)."""
    meetings = list(meetings)
    first = {}
    for meeting_id, ready_at in (
        PackBuild.objects.published()
        .filter(meeting__in=[m.pk for m in meetings])
        .exclude(version__ready_at=None)
        .values_list("meeting_id", "version__ready_at")
    ):
        day = timezone.localdate(ready_at)
        if meeting_id not in first or day < first[meeting_id]:
            first[meeting_id] = day
    return [
        AgendaTimeliness(meeting=m, due_on=m.agenda_due_on, published_on=first.get(m.pk))
        for m in meetings
    ]


def meeting_by_date(*, date, user):
    return Meeting.objects.visible_to(user).select_related("panel").filter(date=date).first()


def dashboard_attention(*, today=None):
    """For the staff dashboard: the next meetings' agendas against their five clear working
    days, those without a pack, meetings held without published minutes, and pack builds that
    failed."""
    today = today or timezone.localdate()
    upcoming = Meeting.objects.upcoming(today).filter(status=Meeting.Status.SCHEDULED)[:3]
    recent = Meeting.objects.past(today).filter(status=Meeting.Status.HELD)[:3]
    latest = {}
    builds = PackBuild.objects.filter(meeting__date__gte=today - datetime.timedelta(days=365))
    for build in builds.select_related("meeting").order_by("meeting_id", "-version__number"):
        latest.setdefault(build.meeting_id, build)
    # A dead build, and one failing its attempts now: the secretary may retry it or fix it.
    failed = [
        build
        for build in latest.values()
        if build.status in (PackBuild.Status.FAILED, PackBuild.Status.DEAD)
    ]
    return {
        "agendas": agenda_timeliness(meetings=upcoming),
        "without_pack": [
            m
            for m in upcoming.prefetch_related("pack_builds")
            if not any(b.status == PackBuild.Status.READY for b in m.pack_builds.all())
        ],
        "without_minutes": [
            m for m in recent.select_related("minutes_record") if not _has_minutes(m)
        ],
        "failed_builds": failed,
    }


def _has_minutes(meeting):
    record = getattr(meeting, "minutes_record", None)
    return record is not None and record.live_version() is not None
