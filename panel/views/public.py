"""Public panel pages: meetings, a meeting's agenda, papers and minutes, packs, the calendar
feed and the membership. Agendas and papers come only from published pack versions."""

from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from pcc_portal.publications.responses import version_pdf_response

from .. import selectors
from ..models import Complaint, Meeting, Member, PackBuild, PackPaper, Panel, TaskAndFinishGroup

CALENDAR_DOMAIN = "panel.pcc-portal"


def _meeting(date, user):
    meeting = selectors.meeting_by_date(date, user)
    if meeting is None:
        raise Http404("No meeting on that date.")
    return meeting


def meetings(request):
    today = timezone.localdate()
    queryset = Meeting.objects.public().select_related("panel", "pack")
    return render(
        request,
        "panel/meetings.html",
        {
            "upcoming": list(queryset.upcoming(today)),
            "past": list(queryset.past(today)),
            "panel": Panel.objects.first(),
        },
    )


def meeting(request, date):
    meeting = _meeting(date, request.user)
    build = selectors.live_build(meeting)
    minutes, minutes_version = selectors.published_minutes(meeting)
    return render(
        request,
        "panel/meeting.html",
        {
            "meeting": meeting,
            "build": build,
            "items": selectors.agenda(build, request.user),
            "versions": selectors.pack_versions(meeting),
            "minutes": minutes,
            "minutes_version": minutes_version,
            "may_see_exempt": request.user.has_perm("panel.view_exempt_items"),
            "approved_by": meeting.approved_by_items.select_related("meeting").first(),
        },
    )


def _pdf(file, filename, etag):
    response = FileResponse(file.open("rb"), content_type="application/pdf", filename=filename)
    response["Content-Disposition"] = response["Content-Disposition"].replace(
        "attachment", "inline"
    )
    response["ETag"] = f'"{etag}"'
    return response


def pack_pdf(request, date):
    meeting = _meeting(date, request.user)
    build = selectors.live_build(meeting)
    if build is None:
        raise Http404("No agenda pack has been published for this meeting.")
    return version_pdf_response(build.version, filename=f"panel-agenda-pack-{meeting.slug}.pdf")


def pack_version_pdf(request, date, number):
    meeting = _meeting(date, request.user)
    version = next((v for v in selectors.pack_versions(meeting) if v.number == number), None)
    if version is None:
        raise Http404("No such published pack.")
    return version_pdf_response(
        version, filename=f"panel-agenda-pack-{meeting.slug}-version-{number}.pdf"
    )


def _members_build(meeting, number=None):
    builds = PackBuild.objects.filter(
        meeting=meeting, status=PackBuild.Status.READY
    ).select_related("version")
    if number is not None:
        builds = builds.filter(version__number=number)
    build = builds.order_by("-version__number").first()
    if build is None:
        raise Http404("No members' pack has been published for this meeting.")
    return build


@login_required
@permission_required("panel.view_exempt_items", raise_exception=True)
def members_pack_pdf(request, date):
    meeting = _meeting(date, request.user)
    build = _members_build(meeting)
    return _pdf(build.members_pdf, f"panel-members-pack-{meeting.slug}.pdf", build.members_sha256)


@login_required
@permission_required("panel.view_exempt_items", raise_exception=True)
def members_pack_version_pdf(request, date, number):
    meeting = _meeting(date, request.user)
    build = _members_build(meeting, number)
    return _pdf(
        build.members_pdf,
        f"panel-members-pack-{meeting.slug}-version-{number}.pdf",
        build.members_sha256,
    )


def paper_pdf(request, date, pk):
    meeting = _meeting(date, request.user)
    paper = (
        PackPaper.objects.visible_to(request.user)
        .select_related("render", "item__build")
        .filter(pk=pk, item__build__meeting=meeting, item__build__status=PackBuild.Status.READY)
        .first()
    )
    if paper is None:
        raise Http404("No such published paper.")
    return _pdf(
        paper.render.pdf, f"panel-{meeting.slug}-item-{paper.item.number}.pdf", paper.render.key
    )


def minutes_pdf(request, date):
    meeting = _meeting(date, request.user)
    _minutes, version = selectors.published_minutes(meeting)
    if version is None:
        raise Http404("The minutes of this meeting are not published yet.")
    return version_pdf_response(version, filename=f"panel-minutes-{meeting.slug}.pdf")


def _event(meeting, request):
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{CALENDAR_DOMAIN}")
    event.add("dtstamp", meeting.created_at)
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", f"{meeting.panel.name}: {meeting.get_kind_display().lower()}")
    if meeting.place:
        event.add("location", meeting.place)
    event.add("url", request.build_absolute_uri(meeting.get_absolute_url()))
    description = [f"{meeting.get_kind_display()} of the {meeting.panel.name}."]
    if meeting.is_called_off:
        description.append(f"{meeting.get_status_display()}: {meeting.status_reason}")
        if meeting.new_date:
            description.append(f"Moved to {meeting.new_date:%-d %B %Y}.")
    if meeting.webcast_url:
        description.append(f"Webcast: {meeting.webcast_url}")
    event.add("description", "\n".join(description))
    event.add("status", "CANCELLED" if meeting.is_called_off else "CONFIRMED")
    # Calendars apply an update only when its sequence goes up: calling a meeting off is one.
    event.add("sequence", 1 if meeting.is_called_off else 0)
    return event


def calendar(request):
    panel = Panel.objects.first()
    feed = Calendar()
    feed.add("prodid", "-//PCC governance portal//Police and Crime Panel meetings//EN")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", f"{panel.name if panel else 'Police and Crime Panel'} meetings")
    feed.add("x-wr-timezone", "Europe/London")
    # A handful of meetings a year: the whole history stays in the feed, so links keep working.
    for meeting in Meeting.objects.public().select_related("panel"):
        feed.add_component(_event(meeting, request))
    response = HttpResponse(feed.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="panel-meetings.ics"'
    return response


def members(request):
    today = timezone.localdate()
    current = list(Member.objects.current(today).select_related("panel"))
    order = {Member.Role.CHAIR: 0, Member.Role.VICE_CHAIR: 1, Member.Role.MEMBER: 2}
    current.sort(key=lambda m: (order[m.role], m.kind != Member.Kind.COUNCILLOR, m.surname))
    panel = Panel.objects.first()
    return render(
        request,
        "panel/members.html",
        {
            "panel": panel,
            "members": current,
            "groups": TaskAndFinishGroup.objects.prefetch_related(
                Prefetch("members", queryset=Member.objects.order_by("name"))
            ).select_related("report_back_to"),
            "complaints": Complaint.objects.counts_by_status(),
            "complaints_total": Complaint.objects.count(),
            "calendar_url": request.build_absolute_uri(reverse("panel:calendar")),
        },
    )
