"""Loading the demo Panel through the Panel's services, as its staff would: its members and task
and finish groups, and its meetings from July 2021 to February 2022."""

import datetime

from django.contrib.auth import get_user_model

from pcc_portal.publications import services as publishing
from pcc_portal.publications.models import Version
from plans.models import Priority

from ..models import (
    AgendaItem,
    Attendance,
    Meeting,
    Member,
    Minutes,
    Panel,
    Report,
    Resolution,
    TaskAndFinishGroup,
)
from ..services import meetings as meeting_services
from ..services import packs, proceedings
from .seed import (
    ALSO_ATTENDING,
    APOLOGIES,
    COUNCIL_GROUPS,
    DECEMBER,
    DECEMBER_ITEMS,
    DECISIONS,
    INDEPENDENT,
    JULY,
    OCTOBER,
    OCTOBER_ITEMS,
    PLAN_COVER,
    PRESENT,
    TERM_START,
    UPDATE,
)


def lancashire_panel():
    """The Panel of the demo (and the benchmarks): Lancashire's, hosted by Blackburn with Darwen."""
    panel, _ = Panel.objects.get_or_create(
        name="Police & Crime Panel for Lancashire",
        defaults={
            "host_authority": "Blackburn with Darwen Borough Council",
            "secretary_name": "Asad Laher",
            "secretary_email": "police.crime.panel@blackburn.example.org",
        },
    )
    return panel


def _members(panel):
    members = {}
    for name, council, role in PRESENT:
        members[name], _ = Member.objects.get_or_create(
            panel=panel,
            name=name,
            defaults={"council": council, "role": role, "term_start": TERM_START},
        )
    for name in APOLOGIES:
        members[name], _ = Member.objects.get_or_create(
            panel=panel,
            name=name,
            defaults={"council": "Lancashire County Council", "term_start": TERM_START},
        )
    members[INDEPENDENT], _ = Member.objects.get_or_create(
        panel=panel,
        name=INDEPENDENT,
        defaults={"kind": Member.Kind.INDEPENDENT, "term_start": TERM_START},
    )
    for member in members.values():
        group = COUNCIL_GROUPS.get(member.council, "")
        if member.kind == Member.Kind.COUNCILLOR and group and not member.political_group:
            member.political_group = group
            member._change_reason = "Demo political group, from the council's make-up"
            member.save()
    return members


def _meeting(panel, date, **fields):
    meeting, created = Meeting.objects.get_or_create(date=date, defaults={"panel": panel, **fields})
    return meeting, created


def _agenda_item(meeting, number, title, kind, *, previous, **fields):
    """An item of a demo meeting's agenda: a minutes item is of the ``previous`` meeting."""
    return AgendaItem.objects.create(
        meeting=meeting,
        number=number,
        title=title,
        kind=kind,
        minutes_of=previous if kind == "minutes" else None,
        **fields,
    )


def _october(panel, members, publisher):
    meeting, created = _meeting(
        panel, OCTOBER, venue="Blackburn Town Hall", status=Meeting.Status.HELD
    )
    if not created:
        return meeting
    july, _ = _meeting(panel, JULY, status=Meeting.Status.HELD)
    for number, (title, kind, minutes, resolutions) in enumerate(OCTOBER_ITEMS, start=1):
        item = _agenda_item(meeting, number, title, kind, previous=july, minutes=minutes)
        for position, text in enumerate(resolutions, start=1):
            Resolution.objects.create(item=item, position=position, text=text)
    statuses = {members[name]: Attendance.Status.PRESENT for name, _c, _r in PRESENT}
    statuses.update({members[name]: Attendance.Status.APOLOGIES for name in APOLOGIES})
    statuses[members[INDEPENDENT]] = Attendance.Status.APOLOGIES
    proceedings.record_attendance(meeting=meeting, statuses=statuses, visitors=ALSO_ATTENDING)
    version = proceedings.publish_minutes(
        meeting=meeting, by=publisher, note="Minutes of the meeting published"
    )
    # The 6 December pack carries these minutes: render them now rather than after commit.
    publishing.run_render_job(job_id=version.render_job.pk)
    return meeting


def _published_version(document_type, test):
    for version in Version.objects.ready().filter(document_type=document_type):
        if test(version):
            return version
    return None


def _report(meeting, spec):
    return Report(meeting=meeting, **spec)


# The plan priorities each demo report is about, by their titles in the 2021-2025 plan.
REPORT_PRIORITIES = {
    PLAN_COVER["title"]: None,  # every priority
    UPDATE["title"]: ["Targeting dangerous drivers", "Tackling domestic abuse and sexual violence"],
}


def _priorities(report_title):
    """Priorities of the 2021-2025 plan a demo report is about (none without the plans demo)."""
    if report_title not in REPORT_PRIORITIES:
        return []
    titles = REPORT_PRIORITIES[report_title]
    priorities = Priority.objects.filter(plan__slug="police-and-crime-plan-2021-2025")
    if titles is not None:
        priorities = priorities.filter(title__in=titles)
    return list(priorities)


def _add_report(item, meeting, spec):
    meeting_services.add_report_paper(
        item=item, report=_report(meeting, spec), priorities=_priorities(spec["title"])
    )


def _december(panel, october, publisher):
    meeting, created = _meeting(
        panel,
        DECEMBER,
        venue="Blackburn Town Hall",
        room="Meeting Room A",
        webcast_url="https://webcast.example.org/lancashire-police-and-crime-panel/2021-12-06",
        status=Meeting.Status.HELD,
    )
    if not created:
        return meeting, False
    for number, (title, kind, paper, description) in enumerate(DECEMBER_ITEMS, start=1):
        item = _agenda_item(
            meeting,
            number,
            title,
            kind,
            previous=october,
            description=description,
            presenter="The Commissioner" if number in (5, 6, 7) else "",
        )
        if paper == "minutes":
            minutes = Minutes.objects.get(meeting=october)
            meeting_services.add_publication_paper(
                item=item,
                version=minutes.live_version(),
                title="Police and Crime Panel for Lancashire Minutes Oct 2021",
            )
        elif paper == "plan":
            _add_report(item, meeting, PLAN_COVER)
            plan = _published_version("plan", lambda v: "2021-2025" in v.title)
            if plan is not None:
                meeting_services.add_publication_paper(item=item, version=plan)
        elif paper == "decisions":
            published = _published_version(
                "decisions-report",
                lambda v: getattr(v.content_object, "meeting_date", None) == DECEMBER,
            )
            if published is not None:
                meeting_services.add_publication_paper(item=item, version=published)
            else:
                _add_report(item, meeting, DECISIONS)
        elif isinstance(paper, dict):
            _add_report(item, meeting, paper)
    return meeting, True


def _2022(panel):
    meeting, _ = _meeting(
        panel,
        datetime.date(2022, 1, 17),
        status=Meeting.Status.POSTPONED,
        status_reason="Cancelled following a request from the Commissioner's Office.",
        new_date=datetime.date(2022, 2, 1),
    )
    _meeting(panel, datetime.date(2022, 2, 1))
    _meeting(
        panel,
        datetime.date(2022, 2, 15),
        kind=Meeting.Kind.IF_REQUIRED,
    )
    return meeting


def _groups(panel, members):
    for title, names, scope in [
        (
            "101 Service",
            ["Roger Berry", "Stella Brunskill"],
            "The 101 non-emergency service, including a visit to the Force Control Room. "
            "Three members; one more volunteer needed.",
        ),
        (
            "Neighbourhood Policing",
            ["Peter Le Marinel"],
            "Neighbourhood policing across Lancashire. Two more volunteers needed.",
        ),
    ]:
        group, created = TaskAndFinishGroup.objects.get_or_create(
            panel=panel,
            title=title,
            defaults={"scope": scope, "report_back_by": datetime.date(2021, 12, 24)},
        )
        if created:
            group.members.set([members[name] for name in names])


# The demo ``member`` account signs in as this member (who sits on the 101 Service group).
DEMO_MEMBER = "Stella Brunskill"


def _link_demo_account(members):
    account = get_user_model().objects.filter(username="member").first()
    member = members[DEMO_MEMBER]
    if account is not None and member.user_id is None:
        member.user = account
        member.save(update_fields=["user"])


# Assumed for the demo (the seed's pack precedes the meeting): who sent apologies or a substitute
# on 6 December 2021, and the minute of the webcast at which each item started.
DECEMBER_APOLOGIES = ["Williamson", "Threllfall"]
DECEMBER_SUBSTITUTED = ["McGladdery"]
DECEMBER_WEBCAST_MINUTES = [0, 2, 3, 4, 6, 9, 41, 72, 90, 104, 106, 108]


def _december_proceedings(meeting, members):
    if meeting.attendance.exists():
        return
    statuses = dict.fromkeys(members.values(), Attendance.Status.PRESENT)
    statuses.update({members[n]: Attendance.Status.APOLOGIES for n in DECEMBER_APOLOGIES})
    statuses.update({members[n]: Attendance.Status.SUBSTITUTED for n in DECEMBER_SUBSTITUTED})
    proceedings.record_attendance(meeting=meeting, statuses=statuses, visitors=ALSO_ATTENDING)
    items = meeting.items.order_by("number")
    for item, minute in zip(items, DECEMBER_WEBCAST_MINUTES, strict=False):
        item.webcast_start = minute * 60
        item.save(update_fields=["webcast_start"])


def load(*, publisher):
    secretary = get_user_model().objects.filter(username="secretary").first() or publisher
    panel = lancashire_panel()
    members = _members(panel)
    _link_demo_account(members)
    october = _october(panel, members, secretary)
    december, created = _december(panel, october, secretary)
    _december_proceedings(december, members)
    _2022(panel)
    _groups(panel, members)
    published = ""
    if not december.pack_builds.exists():
        packs.publish_pack(
            meeting=december, by=secretary, note="Agenda published on 26 November 2021"
        )
        published = ", agenda pack of 6 December 2021 queued"
    return f"{len(members)} members, {Meeting.objects.count()} meetings{published}"
