"""Reads for the panel's public and staff pages."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone

from pcc_portal.publications.models import Version
from pcc_portal.publications.selectors import Part

from .models import (
    AgendaPack,
    Attendance,
    Meeting,
    Member,
    MinutedAttendance,
    MinutedDeclaration,
    Minutes,
    PackBuild,
    PackItem,
    PackPaper,
    Paper,
    PaperRender,
    PaperWithdrawal,
)

# How many meetings already held a member's landing page lists.
RECENT_MEETINGS = 3
# Councils appoint their panel members at their annual meetings in May.
MUNICIPAL_YEAR_STARTS_IN = 5


class WithdrawnFromPacks:
    """What no public pack of ``meeting`` may carry (read in two queries): content withdrawn
    from its packs, and versions of documents withdrawn elsewhere in the portal.
    Call it with a paper's render id and source version id."""

    def __init__(self, meeting, version_ids):
        self.renders = set(
            PaperWithdrawal.objects.filter(meeting=meeting).values_list("render_id", flat=True)
        )
        self.versions = set(
            Version.objects.withdrawn()
            .filter(pk__in=[pk for pk in version_ids if pk])
            .values_list("pk", flat=True)
        )

    def __call__(self, render_id, version_id):
        return render_id in self.renders or version_id in self.versions


def _pack(meeting):
    """The meeting's agenda pack, if any, read once per meeting object."""
    if not hasattr(meeting, "_agenda_pack"):
        meeting._agenda_pack = AgendaPack.objects.filter(meeting=meeting).first()
    return meeting._agenda_pack


def live_build(meeting):
    """The pack build behind the meeting's latest published pack version, if any."""
    pack = _pack(meeting)
    if pack is None:
        return None
    version = Version.objects.latest_ready_for(pack)
    builds = PackBuild.objects.select_related("version", "meeting").annotate(
        has_withheld=Exists(PackPaper.objects.filter(item__build=OuterRef("pk"), withheld=True)),
        has_exempt=Exists(PackItem.objects.filter(build=OuterRef("pk"), exempt=True)),
    )
    return builds.filter(version=version).first() if version else None


def agenda(build, user):
    """The frozen agenda of ``build`` with the papers ``user`` may see (exempt ones are stubs)."""
    if build is None:
        return []
    papers = PackPaper.objects.visible_to(user).select_related("render").order_by("position")
    items = list(
        PackItem.objects.filter(build=build)
        .select_related("minutes_of")
        .order_by("number")
        .prefetch_related(Prefetch("papers", queryset=papers, to_attr="visible_papers"))
    )
    for item in items:
        item.build = build  # papers' links name the meeting through their item's build
    return items


def pack_versions(meeting):
    pack = _pack(meeting)
    if pack is None:
        return []
    return list(
        Version.objects.for_object(pack).public().select_related("pack_build").order_by("-number")
    )


def withdrawal_actions(meeting):
    """For the staff meeting page: the public pack's papers (each may be withdrawn), where to
    withdraw the whole pack, and what has been withdrawn."""
    from django.contrib.contenttypes.models import ContentType
    from django.urls import reverse

    pack = AgendaPack.objects.filter(meeting=meeting).first()
    build = live_build(meeting)
    papers = []
    if build is not None:
        papers = list(
            PackPaper.objects.public()
            .filter(item__build=build)
            .select_related("item")
            .order_by("item__number", "position")
        )
    withdraw_url = ""
    if build is not None:
        withdraw_url = reverse(
            "publications_manage:withdraw",
            kwargs={"content_type_id": ContentType.objects.get_for_model(pack).pk, "pk": pack.pk},
        )
    return {
        "public_papers": papers,
        "pack_withdraw_url": withdraw_url,
        "pack_withdrawal": pack.withdrawal() if pack and build is None else None,
        "paper_withdrawals": list(meeting.paper_withdrawals.all()),
    }


def withdrawals(meeting, *, build, minutes_version):
    """What the meeting page tells the public was withdrawn: the whole pack (when no version is
    public), papers taken out of the pack, and the minutes."""
    pack = AgendaPack.objects.withdrawn().filter(meeting=meeting).first() if not build else None
    minutes = None
    if minutes_version is None:
        minutes = Minutes.objects.withdrawn().filter(meeting=meeting).first()
    return {
        "pack_withdrawal": pack.withdrawal() if pack else None,
        "paper_withdrawals": list(meeting.paper_withdrawals.all())
        if build and build.has_withheld
        else [],
        "minutes_withdrawal": minutes.withdrawal() if minutes else None,
    }


def published_minutes(meeting):
    minutes = Minutes.objects.public().filter(meeting=meeting).first()
    return (minutes, Version.objects.latest_ready_for(minutes)) if minutes else (None, None)


def my_meetings(user, today=None):
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
        meeting.live_build = live_build(meeting)
    return {
        "memberships": memberships,
        "upcoming": upcoming,
        "recent": recent,
        "shows_exempt": any(
            m.live_build and (m.live_build.has_exempt or m.live_build.has_withheld)
            for m in upcoming + recent
        ),
    }


def _live_minutes_versions():
    """The ids of the version of each meeting's minutes the public reads (the newest not
    withdrawn): members' pages count only what those published."""
    content_type = ContentType.objects.get_for_model(Minutes)
    newest = {}
    for object_id, pk, number in (
        Version.objects.public()
        .filter(content_type=content_type)
        .values_list("object_id", "pk", "number")
    ):
        if number > newest.get(object_id, (0, None))[0]:
            newest[object_id] = (number, pk)
    return [pk for _, pk in newest.values()]


def municipal_year_of(day):
    """The municipal year (from the councils' annual meetings in May) ``day`` falls in, by the
    year it starts: 1 May 2021 to 30 April 2022 is 2021."""
    return day.year if day.month >= MUNICIPAL_YEAR_STARTS_IN else day.year - 1


@dataclass
class AttendanceYear:
    year: int
    counts: dict

    @property
    def label(self):
        return f"{self.year}/{str(self.year + 1)[-2:]}"

    @property
    def meetings(self):
        return sum(self.counts.values())

    @property
    def percentage(self):
        """Present at what share of the meetings they were expected at, to the whole percent."""
        present = self.counts.get(Attendance.Status.PRESENT, 0)
        return round(100 * present / self.meetings) if self.meetings else None

    def count(self, status):
        return self.counts.get(status, 0)


def member_record(member):
    """A member's public page: attendance (by municipal year, with the share present) and
    declarations of interest as the published minutes record them, and their groups."""
    live = _live_minutes_versions()
    attendance = list(
        MinutedAttendance.objects.filter(member=member, version__in=live)
        .select_related("meeting")
        .order_by("-meeting__date")
    )
    years = {}
    for entry in attendance:
        counts = years.setdefault(municipal_year_of(entry.meeting.date), {})
        counts[entry.status] = counts.get(entry.status, 0) + 1
    return {
        "member": member,
        "attendance": attendance,
        "years": [AttendanceYear(year, counts) for year, counts in sorted(years.items())][::-1],
        "declarations": list(
            MinutedDeclaration.objects.filter(member=member, version__in=live)
            .select_related("meeting")
            .order_by("-meeting__date", "item_number")
        ),
        "groups": list(member.groups.select_related("report_back_to")),
    }


def political_balance(members):
    """How many of ``members`` each political group has, largest first; co-opted independent
    members are counted on their own."""
    counts = {}
    for member in members:
        if member.kind == member.Kind.INDEPENDENT:
            group = "Independent co-opted members"
        else:
            group = member.political_group or "Group not recorded"
        counts[group] = counts.get(group, 0) + 1
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


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


def agenda_timeliness(meetings):
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


def meeting_by_date(date, user):
    return Meeting.objects.visible_to(user).select_related("panel").filter(date=date).first()


def untagged_papers(build):
    """The titles of ``build``'s papers without tags, which stop its packs being accessible:
    ``{"public": [...], "members": [...]}`` (exempt papers are only in the members' pack)."""
    if build is None:
        return {"public": [], "members": []}
    untagged = PackPaper.objects.filter(item__build=build, render__tagged=False).order_by(
        "item__number", "position"
    )
    return {
        "public": list(untagged.public().values_list("title", flat=True)),
        "members": list(untagged.values_list("title", flat=True)),
    }


def _paper_identity(kind, *, report_id, version_id, key):
    """What makes two papers of a meeting the same paper across pack versions."""
    return (kind, report_id) if report_id else (kind, version_id) if version_id else (kind, key)


def pack_review(meeting):
    """For the check page before publishing the meeting's pack: what the agenda as it stands
    would release. Each item and paper, public or members only (exempt, with its Schedule 12A
    paragraph, or withdrawn from the public pack), whether each paper is tagged, the papers new
    since the version last published, and whether each pack will claim PDF/UA."""
    # Imported here: the pack services read this module's WithdrawnFromPacks.
    from .services.packs import render_key

    items = list(
        meeting.items.order_by("number").prefetch_related(
            Prefetch("papers", queryset=Paper.objects.select_related("report", "version"))
        )
    )
    papers = [(item, paper) for item in items for paper in item.papers.all()]
    keys = {paper.pk: render_key(paper) for _, paper in papers}
    renders = {r.key: r for r in PaperRender.objects.filter(key__in=keys.values())}
    withdrawn = WithdrawnFromPacks(meeting, [paper.version_id for _, paper in papers])
    reasons = {
        w.render_id: f"Withdrawn from the public pack on {w.withdrawn_at:%-d %B %Y}: {w.reason}"
        for w in PaperWithdrawal.objects.filter(meeting=meeting)
    }
    previous = (
        PackBuild.objects.published().filter(meeting=meeting).order_by("-version__number").first()
    )
    before = {}
    if previous is not None:
        for frozen in PackPaper.objects.filter(item__build=previous).select_related("render"):
            identity = _paper_identity(
                frozen.kind,
                report_id=frozen.report_id,
                version_id=frozen.source_version_id,
                key=frozen.render.key,
            )
            before[identity] = frozen.title

    parts = [
        Part(
            title="Front sheet and agenda",
            detail="Lists every item; an exempt item by its title and paragraph only.",
            tagged=True,
        )
    ]
    seen = set()
    for item in items:
        group = f"{item.number}. {item.title}"
        exempt = f"Exempt under Schedule 12A: {item.exempt_reason}" if item.exempt else ""
        if item.exempt:
            parts.append(Part(group=group, title="Its title only", detail=exempt, pdf=False))
        elif not item.papers.all():
            parts.append(Part(group=group, title="No papers", pdf=False))
        for paper in item.papers.all():
            key = keys[paper.pk]
            render = renders.get(key)
            identity = _paper_identity(
                paper.kind, report_id=paper.report_id, version_id=paper.version_id, key=key
            )
            seen.add(identity)
            if paper.kind == Paper.Kind.UPLOAD:
                tagged = paper.upload_tagged
            else:  # rendered here, tagged throughout, unless its render says otherwise
                tagged = (
                    render.tagged if render and render.status == PaperRender.Status.READY else True
                )
            members_only = exempt
            if not exempt and withdrawn(render.pk if render else None, paper.version_id):
                members_only = reasons.get(
                    render.pk if render else None,
                    "Its document was withdrawn from the public site.",
                )
            parts.append(
                Part(
                    group=group,
                    title=paper.title,
                    detail=paper.get_kind_display() + (", late" if paper.late else ""),
                    members_only=members_only,
                    tagged=tagged,
                    new=previous is not None and identity not in before,
                )
            )

    claims, notes = [], []
    packs = [("public pack", [part for part in parts if not part.members_only])]
    if any(part.members_only for part in parts):  # otherwise the members get the public pack
        packs.append(("members' pack", parts))
    for name, checked in packs:
        untagged = [f"“{part.title}”" for part in checked if part.pdf and part.tagged is False]
        if untagged:
            claims.append(
                f"The {name} will not claim PDF/UA (accessible): not tagged: "
                + ", ".join(untagged)
                + "."
            )
        else:
            claims.append(f"The {name} will claim PDF/UA (accessible): every part is tagged.")
    removed = [title for identity, title in before.items() if identity not in seen]
    if removed:
        notes.append(
            f"No longer in the pack since version {previous.version.number}: "
            + ", ".join(f"“{title}”" for title in removed)
            + "."
        )
    return {"parts": parts, "claims": claims, "notes": notes}


def pack_progress(build):
    """How far a pack build has gone: its papers rendered (or already in the cache) of all of
    them, for the meeting page while it is built."""
    if build is None:
        return {"rendered": 0, "total": 0}
    renders = PaperRender.objects.filter(pack_papers__item__build=build).distinct()
    return {
        "rendered": renders.filter(status=PaperRender.Status.READY).count(),
        "total": renders.count(),
    }
