"""Recording what happened at a meeting, and publishing and approving its minutes."""

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from pcc_portal import reordering
from pcc_portal.errors import InvalidTransition
from pcc_portal.publications import services as publishing

from ..models import (
    AgendaItem,
    Attendance,
    ExemptMinutes,
    Meeting,
    MinutedAttendance,
    MinutedDeclaration,
    Minutes,
    Resolution,
)


def minutes_of(*, meeting):
    """The meeting's minutes, made (empty) the first time they are asked for."""
    minutes, _ = Minutes.objects.get_or_create(meeting=meeting)
    return minutes


@transaction.atomic
def record_attendance(*, meeting, statuses, visitors=()):
    """Set each member's attendance (``statuses``: member -> status or None to remove) and
    replace the "also in attendance" list with ``visitors`` ((name, capacity) pairs)."""
    for member, status in statuses.items():
        existing = Attendance.objects.filter(meeting=meeting, member=member).first()
        if not status:
            if existing:
                existing.delete()
            continue
        if existing is None:
            Attendance.objects.create(meeting=meeting, member=member, status=status)
        elif existing.status != status:
            existing.status = status
            existing.save(update_fields=["status"])
    wanted = [(name.strip(), capacity.strip()) for name, capacity in visitors if name.strip()]
    current = list(Attendance.objects.filter(meeting=meeting, member__isnull=True))
    for entry in current:
        if (entry.name, entry.capacity) not in wanted:
            entry.delete()
    have = {(entry.name, entry.capacity) for entry in current}
    for name, capacity in wanted:
        if (name, capacity) not in have:
            Attendance.objects.create(
                meeting=meeting,
                name=name,
                capacity=capacity,
                status=Attendance.Status.IN_ATTENDANCE,
            )


@transaction.atomic
def record_item_minutes(*, item, minutes, resolutions, webcast_start=None):
    """Save an item's minutes and its resolutions, one per entry, in order, and where it starts
    in the webcast recording (seconds, or None)."""
    item.minutes = minutes
    item.webcast_start = webcast_start
    item.save()
    existing = list(item.resolutions.order_by("position", "pk"))
    texts = [text.strip() for text in resolutions if text.strip()]
    for position, text in enumerate(texts, start=1):
        if position <= len(existing):
            resolution = existing[position - 1]
            if (resolution.text, resolution.position) != (text, position):
                resolution.text, resolution.position = text, position
                resolution.save()
        else:
            Resolution.objects.create(item=item, position=position, text=text)
    for resolution in existing[len(texts) :]:
        resolution.delete()
    return item


@transaction.atomic
def publish_minutes(*, meeting, by, note):
    """Publish the minutes as they stand; the exempt items' minutes are frozen beside the
    version for the members, never in it."""
    minutes = minutes_of(meeting=meeting)
    version = publishing.publish(obj=minutes, by=by, note=note)
    context = minutes.publication_context()
    _freeze_members_record(version, meeting, context)
    if context["exempt_items"]:
        ExemptMinutes.objects.create(
            version=version,
            html=render_to_string("panel/_exempt_minutes.html", {"items": context["exempt_items"]}),
        )
    return version


def _freeze_members_record(version, meeting, context):
    """What members' pages read from this version: attendance and declarations as published."""
    MinutedAttendance.objects.bulk_create(
        MinutedAttendance(
            version=version, meeting=meeting, member=entry.member, status=entry.status
        )
        for entry in meeting.attendance.filter(member__isnull=False).select_related("member")
    )
    MinutedDeclaration.objects.bulk_create(
        MinutedDeclaration(
            version=version,
            meeting=meeting,
            member=declaration.member,
            item_number=declaration.item.number,
            item_title=declaration.item.title,
            interest=declaration.interest,
            nature=declaration.nature,
            withdrew=declaration.withdrew,
        )
        for declaration in context["declarations"]
    )


@transaction.atomic
def approve_minutes(*, item):
    """The "Minutes" item of a meeting agreed the earlier meeting's minutes as a correct record."""
    if item.kind != AgendaItem.Kind.MINUTES or item.minutes_of is None:
        raise InvalidTransition("Only a minutes item that names its meeting approves minutes.")
    meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
    if meeting.is_called_off:
        raise InvalidTransition(
            f"The meeting of {meeting.date:%-d %B %Y} was {meeting._status_text}: minutes "
            "cannot be agreed at it."
        )
    if meeting.date > timezone.localdate():
        raise InvalidTransition(
            f"The meeting of {meeting.date:%-d %B %Y} has not happened yet: minutes are agreed "
            "at the meeting, on or after its date."
        )
    minutes = minutes_of(meeting=item.minutes_of)
    minutes.approved_at = item.meeting
    minutes.save()
    text = (
        f"The Minutes of the meeting held on {item.minutes_of.date:%-d %B %Y} were agreed as a "
        "correct record."
    )
    if not item.resolutions.filter(text=text).exists():
        Resolution.objects.create(
            item=item,
            position=reordering.next_number(item.resolutions, field="position"),
            text=text,
        )
    return minutes
