"""The check before publishing a meeting's pack: what each pack would release, what is new
since the last version, and whether each will claim PDF/UA."""

from django.db.models import Prefetch

from pcc_portal.publications.selectors import Part

from ..models import PackBuild, PackPaper, Paper, PaperRender, PaperWithdrawal
from .packs import WithdrawnFromPacks


def _paper_identity(kind, *, report_id, version_id, key):
    """What makes two papers of a meeting the same paper across pack versions."""
    return (kind, report_id) if report_id else (kind, version_id) if version_id else (kind, key)


def pack_review(*, meeting):
    """For the check page before publishing the meeting's pack: what the agenda as it stands
    would release. Each item and paper, public or members only (exempt, with its Schedule 12A
    paragraph, or withdrawn from the public pack), whether each paper is tagged, the papers new
    since the version last published, and whether each pack will claim PDF/UA."""
    # Imported here: the pack services read WithdrawnFromPacks from this package.
    from ..services.packs import render_key

    items = list(
        meeting.items.order_by("number").prefetch_related(
            Prefetch("papers", queryset=Paper.objects.select_related("report", "version"))
        )
    )
    papers = [(item, paper) for item in items for paper in item.papers.all()]
    keys = {paper.pk: render_key(paper=paper) for _, paper in papers}
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
