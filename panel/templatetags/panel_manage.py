"""What the panel secretary should look at, for the staff dashboard."""

import datetime

from django import template
from django.utils import timezone

from .. import selectors
from ..models import Meeting, PackBuild

register = template.Library()


@register.simple_tag
def panel_attention():
    today = timezone.localdate()
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
        # The next meetings' agendas against their five clear working days.
        "agendas": selectors.agenda_timeliness(upcoming),
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
