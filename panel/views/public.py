"""Public panel pages: meetings, a meeting's agenda, papers and minutes, packs, the calendar
feed and the membership. Agendas and papers come only from published pack versions."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from casework.statistics import latest_complaint_figures
from pcc_portal.caching import lazy_context, may_use_cache
from pcc_portal.publications.models import Version
from pcc_portal.publications.public import (
    Withdrawn,
    live_version,
    published_or_gone,
    version_changes_response,
    version_pdf_or_gone,
)
from pcc_portal.publications.responses import pdf_response, version_pdf_response

from .. import selectors
from ..models import (
    AgendaPack,
    ExemptMinutes,
    Meeting,
    Member,
    Minutes,
    PackBuild,
    PackPaper,
    Panel,
    PaperWithdrawal,
    TaskAndFinishGroup,
)

CALENDAR_DOMAIN = "panel.pcc-portal"


def _meeting(date, user):
    meeting = selectors.meeting_by_date(date=date, user=user)
    if meeting is None:
        raise Http404("No meeting on that date.")
    return meeting


def _meetings_content(today):
    queryset = Meeting.objects.public().select_related("panel", "pack")
    return {
        "upcoming": list(queryset.upcoming(today)),
        "past": list(queryset.past(today)),
        "panel": Panel.objects.first(),
    }


def meetings(request):
    today = timezone.localdate()
    if may_use_cache(request):
        # Read only when the list's cached part is missing for this generation and day.
        content = lazy_context(["upcoming", "past", "panel"], lambda: _meetings_content(today))
    else:
        content = _meetings_content(today)
    return render(request, "panel/meetings.html", {"today": today, **content})


MEETING_CONTENT = [
    "build",
    "pack_withdrawal",
    "paper_withdrawals",
    "minutes_withdrawal",
    "items",
    "versions",
    "minutes",
    "minutes_version",
    "minutes_versions",
    "may_see_exempt",
    "shows_exempt",
    "exempt_minutes",
    "approved_by",
    "timeliness",
]


def _meeting_content(meeting, user):
    build = selectors.live_build(meeting=meeting)
    minutes, minutes_version = selectors.published_minutes(meeting=meeting)
    may_see_exempt = meeting.members_papers_open_to(user)
    versions = selectors.pack_versions(meeting=meeting)
    exempt_minutes = None
    if may_see_exempt and minutes_version is not None:
        exempt_minutes = ExemptMinutes.objects.filter(version=minutes_version).first()
    return {
        "build": build,
        **selectors.withdrawals(meeting=meeting, build=build, minutes_version=minutes_version),
        "items": selectors.agenda(build=build, user=user),
        "versions": versions,
        "minutes": minutes,
        "minutes_version": minutes_version,
        "minutes_versions": list(Version.objects.for_object(minutes).public())
        if minutes_version
        else [],
        "may_see_exempt": may_see_exempt,
        "shows_exempt": bool(may_see_exempt and build and (build.has_exempt or build.has_withheld))
        or exempt_minutes is not None,
        "exempt_minutes": exempt_minutes,
        "approved_by": meeting.approved_by_items.select_related("meeting").first(),
        "timeliness": selectors.AgendaTimeliness.of_versions(meeting, versions),
    }


def meeting(request, date):
    meeting = _meeting(date, request.user)
    if may_use_cache(request):
        # Read only when the page's cached part is not in the cache for this generation: the
        # public sees no member's papers, so one cached part serves every visitor.
        content = lazy_context(MEETING_CONTENT, lambda: _meeting_content(meeting, request.user))
    else:
        content = _meeting_content(meeting, request.user)
    return render(
        request,
        "panel/meeting.html",
        {"meeting": meeting, "today": timezone.localdate(), **content},
    )


def pack_pdf(request, date):
    meeting = _meeting(date, request.user)
    pack = published_or_gone(AgendaPack.objects, meeting=meeting)
    return version_pdf_response(
        live_version(pack), filename=f"panel-agenda-pack-{meeting.slug}.pdf"
    )


def _meeting_and_pack(date, user):
    """The meeting and its agenda pack, whose versions' PDFs and changes stay at their
    addresses once withdrawn (they answer with the notice)."""
    meeting = _meeting(date, user)
    pack = AgendaPack.objects.filter(meeting=meeting).first()
    if pack is None:
        raise Http404("No such published pack.")
    return meeting, pack


def pack_version_pdf(request, date, number):
    meeting, pack = _meeting_and_pack(date, request.user)
    return version_pdf_or_gone(
        pack,
        number,
        filename=f"panel-agenda-pack-{meeting.slug}-version-{number}.pdf",
        current_url=meeting.get_absolute_url(),
    )


def pack_version_changes(request, date, number):
    meeting, pack = _meeting_and_pack(date, request.user)
    return version_changes_response(
        request,
        pack,
        number,
        current_url=meeting.get_absolute_url(),
        version_pdf=("panel:pack_version_pdf", {"date": meeting.date}),
    )


def _members_build(meeting, number=None):
    builds = PackBuild.objects.published().filter(meeting=meeting).select_related("version")
    if number is not None:
        builds = builds.filter(version__number=number)
    build = builds.order_by("-version__number").first()
    if build is None:
        raise Http404("No members' pack has been published for this meeting.")
    return build


def _members_meeting(request, date):
    """The meeting, if ``request.user`` may read its members' papers; refused otherwise."""
    meeting = _meeting(date, request.user)
    if not meeting.members_papers_open_to(request.user):
        raise PermissionDenied("Only the panel's members in office read its members' papers.")
    return meeting


@login_required
def members_pack_pdf(request, date):
    meeting = _members_meeting(request, date)
    build = _members_build(meeting)
    return pdf_response(
        build.members_pdf.open("rb"),
        filename=f"panel-members-pack-{meeting.slug}.pdf",
        etag=build.members_sha256,
    )


@login_required
def members_pack_version_pdf(request, date, number):
    meeting = _members_meeting(request, date)
    build = _members_build(meeting, number)
    return pdf_response(
        build.members_pdf.open("rb"),
        filename=f"panel-members-pack-{meeting.slug}-version-{number}.pdf",
        etag=build.members_sha256,
    )


def _refuse_withdrawn(paper, meeting):
    """Raise ``Withdrawn`` for a paper the public may no longer have: withdrawn itself, its
    document withdrawn, or in a pack version withdrawn (the most particular notice first)."""
    withdrawal = (
        PaperWithdrawal.objects.withholding(paper)
        or (paper.source_version and paper.source_version.withdrawal())
        or paper.item.build.version.withdrawal()
    )
    if withdrawal is not None:
        raise Withdrawn(
            title=paper.title, withdrawal=withdrawal, current_url=meeting.get_absolute_url()
        )
    if paper.withheld:
        raise Http404("No such published paper.")


def paper_pdf(request, date, pk):
    """A paper of a published pack. The meeting's members in office (and the panel's staff)
    keep every paper the members' pack has, withdrawn from the public or not."""
    meeting = _meeting(date, request.user)
    paper = (
        PackPaper.objects.select_related("render", "item__build__version", "source_version")
        .in_published_packs()
        .filter(pk=pk, item__build__meeting=meeting)
        .first()
    )
    members = meeting.members_papers_open_to(request.user)
    if paper is None or (paper.item.exempt and not members):
        raise Http404("No such published paper.")
    if not members:
        _refuse_withdrawn(paper, meeting)
    return pdf_response(
        paper.render.pdf.open("rb"),
        filename=f"panel-{meeting.slug}-item-{paper.item.number}.pdf",
        etag=paper.render.key,
    )


@login_required
def my_meetings(request):
    """Where a member lands after signing in: the upcoming meetings of the panel and groups they
    sit on, with their packs, and the meetings held lately."""
    return render(request, "panel/my_meetings.html", selectors.my_meetings(user=request.user))


def minutes_pdf(request, date):
    meeting = _meeting(date, request.user)
    minutes = published_or_gone(Minutes.objects, meeting=meeting)
    return version_pdf_response(live_version(minutes), filename=f"panel-minutes-{meeting.slug}.pdf")


def minutes_version_pdf(request, date, number):
    meeting = _meeting(date, request.user)
    minutes = published_or_gone(Minutes.objects, meeting=meeting)
    return version_pdf_or_gone(
        minutes, number, filename=f"panel-minutes-{meeting.slug}-version-{number}.pdf"
    )


def minutes_version_changes(request, date, number):
    meeting = _meeting(date, request.user)
    minutes = published_or_gone(Minutes.objects, meeting=meeting)
    return version_changes_response(
        request,
        minutes,
        number,
        version_pdf=("panel:minutes_version_pdf", {"date": meeting.date}),
    )


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


def member(request, pk):
    member = get_object_or_404(Member.objects.select_related("panel"), pk=pk)
    return render(request, "panel/member.html", selectors.member_record(member=member))


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
            "balance": selectors.political_balance(members=current),
            "groups": TaskAndFinishGroup.objects.prefetch_related(
                Prefetch("members", queryset=Member.objects.order_by("name"))
            ).select_related("report_back_to"),
            "complaints": latest_complaint_figures(),
            "calendar_url": request.build_absolute_uri(reverse("panel:calendar")),
        },
    )
