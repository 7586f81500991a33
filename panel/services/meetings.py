"""Arranging meetings and building their agendas."""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import pluralize
from django.utils import timezone

from decisions.deadlines import email_deadline_reminder, previous_working_day
from pcc_portal import reordering
from pcc_portal.errors import InvalidTransition
from pcc_portal.links import portal_url
from pcc_portal.publications.models import Version
from pcc_portal.publications.pdf_safety import make_safe, read_upload
from pcc_portal.publications.services import NothingToPublish

from ..models import AgendaItem, Meeting, Paper
from ..models.papers import UPLOAD_LIMIT

STANDARD_TITLES = {
    AgendaItem.Kind.WELCOME: "Welcome and Apologies",
    AgendaItem.Kind.MINUTES: "Minutes of the last meeting",
    AgendaItem.Kind.DECLARATIONS: "Declarations of Interest",
    AgendaItem.Kind.PUBLIC_QUESTIONS: "Public Questions",
    AgendaItem.Kind.URGENT_BUSINESS: "Urgent Business",
    AgendaItem.Kind.NEXT_MEETINGS: "Dates of Next Meetings",
}

URGENT_BUSINESS_NOTE = (
    "An item of urgent business may be considered under this heading only where, because of "
    "special circumstances recorded in the minutes, the Chair is of the opinion that it should "
    "be considered at the meeting as a matter of urgency. Members should give the Secretary "
    "advance warning of any such item wherever possible."
)


@transaction.atomic
def create_meeting(*, meeting):
    """Save a new meeting with the standard items every agenda has, in the usual order."""
    meeting.save()
    # The last meeting held before it (a postponed or cancelled one was not held).
    previous = (
        Meeting.objects.filter(
            date__lt=meeting.date, panel=meeting.panel_id, group=meeting.group_id
        )
        .exclude(status__in=[Meeting.Status.CANCELLED, Meeting.Status.POSTPONED])
        .last()
    )
    kinds = [*AgendaItem.STANDARD_OPENING, *AgendaItem.STANDARD_CLOSING]
    for number, kind in enumerate(kinds, start=1):
        title = STANDARD_TITLES[kind]
        minutes_of = None
        if kind == AgendaItem.Kind.MINUTES and previous is not None:
            minutes_of = previous
            title = f"Minutes of the Meeting held on {previous.date:%-d %B %Y}"
        AgendaItem.objects.create(
            meeting=meeting,
            number=number,
            kind=kind,
            title=title,
            minutes_of=minutes_of,
            description=URGENT_BUSINESS_NOTE if kind == AgendaItem.Kind.URGENT_BUSINESS else "",
        )
    return meeting


# An item's number is unique in its meeting; its save renders its Markdown too.
_NUMBERING = {"field": "number", "also": ("description_html", "minutes_html"), "unique": True}


@transaction.atomic
def add_item(*, meeting, item):
    """Add a business item before the closing standard items (urgent business, next meetings)."""
    items = list(Meeting.objects.select_for_update().get(pk=meeting.pk).items.order_by("number"))
    closing = [i for i in items if i.kind in AgendaItem.STANDARD_CLOSING]
    body = [i for i in items if i.kind not in AgendaItem.STANDARD_CLOSING]
    item.meeting = meeting
    item.number = (items[-1].number if items else 0) + 1 + len(items)
    item.save()
    reordering.renumber([*body, item, *closing], **_NUMBERING)
    item.refresh_from_db()
    return item


@transaction.atomic
def move_item(*, item, direction):
    meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
    reordering.move(meeting.items.order_by("number"), item, direction, **_NUMBERING)
    return item


def item_removal_refusal(*, item):
    """Why ``item`` cannot be taken off the agenda, or "": an item whose proceedings are
    recorded (declarations of interest, resolutions, minutes) is part of the meeting's record,
    as a plan's part that other records depend on is."""
    if recorded := _recorded_proceedings(item):
        return (
            f"“{item.title}” has proceedings recorded ({', '.join(recorded)}), so it stays on "
            "the agenda."
        )
    return ""


def _recorded_proceedings(item):
    """What the minutes record of ``item``, which removing it would lose."""
    recorded = []
    if count := item.declarations.count():
        recorded.append(f"{count} declaration{pluralize(count)} of interest")
    if count := item.resolutions.count():
        recorded.append(f"{count} resolution{pluralize(count)}")
    if item.minutes.strip():
        recorded.append("its minutes")
    return recorded


@transaction.atomic
def remove_item(*, item):
    """Take an item off the agenda with its papers, and number the rest again; refused (see
    ``item_removal_refusal``) for an item whose proceedings are recorded."""
    meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
    if refusal := item_removal_refusal(item=item):
        raise InvalidTransition(refusal)
    for paper in item.papers.all():
        remove_paper(paper=paper)
    item.delete()
    reordering.renumber(list(meeting.items.order_by("number")), **_NUMBERING)


@transaction.atomic
def add_report_paper(*, item, report, late=False, priorities=()):
    report.meeting = item.meeting
    report.save()
    report.priorities.set(priorities)
    return Paper.objects.create(
        item=item,
        position=reordering.next_number(item.papers, field="position"),
        title=report.title,
        kind=Paper.Kind.REPORT,
        report=report,
        late=late,
    )


@transaction.atomic
def add_upload_paper(*, item, title, upload, late=False):
    """Add an uploaded PDF: the file as it came stays private, and what every public channel
    and both packs use is a copy cleaned, once, of scripts, actions and embedded files.
    ``paper.upload_removed`` says what was taken out."""
    data = read_upload(upload, limit=UPLOAD_LIMIT)
    cleaned = make_safe(data)
    paper = Paper(
        item=item,
        position=reordering.next_number(item.papers, field="position"),
        title=title,
        kind=Paper.Kind.UPLOAD,
        upload_sha256=hashlib.sha256(cleaned.content).hexdigest(),
        upload_page_count=cleaned.page_count,
        upload_tagged=cleaned.tagged,
        upload_removed=list(cleaned.removed),
        late=late,
    )
    original_name = f"{hashlib.sha256(data).hexdigest()[:16]}.pdf"
    paper.original_upload.save(original_name, ContentFile(data), save=False)
    paper.upload.save(f"{paper.upload_sha256[:16]}.pdf", ContentFile(cleaned.content), save=False)
    paper.save()
    return paper


@transaction.atomic
def add_publication_paper(*, item, version, title="", late=False):
    """Add a published document as it was published. Only a version the public can read now:
    a withdrawn one is never released again through a pack."""
    if not Version.objects.public().filter(pk=version.pk).exists():
        raise NothingToPublish(
            f"“{version.title}” (version {version.number}) is not published or has been "
            "withdrawn: choose a version the public can read."
        )
    return Paper.objects.create(
        item=item,
        position=reordering.next_number(item.papers, field="position"),
        title=title or version.title,
        kind=Paper.Kind.PUBLICATION,
        version=version,
        late=late,
    )


@transaction.atomic
def remove_paper(*, paper):
    report = paper.report
    paper.delete()
    # A report a pack has carried stays: the priorities it was published under still show it.
    if report is not None and not (
        report.papers.exists() or report.versions.exists() or report.pack_papers.exists()
    ):
        report.delete()


@transaction.atomic
def update_report(*, report, priorities=None):
    report.save()
    if priorities is not None:
        report.priorities.set(priorities)
    for paper in report.papers.exclude(title=report.title):
        paper.title = report.title
        paper.save(update_fields=["title"])
    return report


def _arrange_on_new_date(postponed):
    """The meeting a postponed one moves to: arranged on its new date like any new meeting (the
    standard agenda), at the same time and place, unless a meeting is arranged that day."""
    if Meeting.objects.filter(date=postponed.new_date).exists():
        return Meeting.objects.get(date=postponed.new_date)
    return create_meeting(
        meeting=Meeting(
            panel=postponed.panel,
            group=postponed.group,
            date=postponed.new_date,
            start_time=postponed.start_time,
            duration_minutes=postponed.duration_minutes,
            venue=postponed.venue,
            room=postponed.room,
            kind=postponed.kind,
        )
    )


@transaction.atomic
def change_meeting_status(*, meeting, action, reason="", new_date=None):
    """Postpone, cancel or record as held: the meeting checks the transition."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if action == "postpone":
        meeting.postpone(reason=reason, new_date=new_date)
    elif action == "cancel":
        meeting.cancel(reason=reason)
    elif action == "held":
        meeting.mark_held()
    else:
        raise ValueError(f"Unknown action {action!r}")
    meeting.save()
    if meeting.new_date is not None:
        _arrange_on_new_date(meeting)
    return meeting


def send_agenda_reminders(*, today=None):
    """Email the panel's secretary on the working day before a meeting's agenda is due (five
    clear working days before it), or on the first run after that, while no pack of it has been
    published: once per meeting, however often this runs. Returns how many were sent."""
    today = today or timezone.localdate()
    sent = 0
    candidates = Meeting.objects.upcoming(today).filter(
        status=Meeting.Status.SCHEDULED, agenda_reminder_sent_at__isnull=True
    )
    for candidate in candidates.select_related("panel"):
        due = candidate.agenda_due_on
        if previous_working_day(due) > today:
            continue
        with transaction.atomic():
            meeting = (
                Meeting.objects.select_for_update().select_related("panel").get(pk=candidate.pk)
            )
            published = meeting.pack_builds.published().exists()
            if meeting.agenda_reminder_sent_at or published:
                continue
            meeting.agenda_reminder_sent_at = timezone.now()
            meeting.save(update_fields=["agenda_reminder_sent_at"])
            # Sent inside the transaction: if the mail server refuses, the reminder is not
            # recorded and the next run tries again.
            email_deadline_reminder(
                subject=f"Publish the agenda for {meeting.date:%-d %B %Y} by {due:%A %-d %B %Y}",
                template="panel/email/agenda_reminder.txt",
                context={"meeting": meeting},
                due=due,
                today=today,
                url=portal_url(meeting.get_manage_url()),
                recipient_list=[meeting.panel.secretary_email],
            )
        sent += 1
    return sent
