"""Reads for the panel's public and staff pages."""

from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone

from pcc_portal.publications.models import Version
from pcc_portal.publications.selectors import Part

from .models import (
    AgendaPack,
    Meeting,
    Member,
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


def live_build(meeting):
    """The pack build behind the meeting's latest published pack version, if any."""
    pack = AgendaPack.objects.filter(meeting=meeting).first()
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
    pack = AgendaPack.objects.filter(meeting=meeting).first()
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
        PackBuild.objects.filter(meeting=meeting, status=PackBuild.Status.READY)
        .order_by("-version__number")
        .first()
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
