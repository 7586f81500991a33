"""Publishing agenda packs: freeze the agenda, render the papers that changed, assemble.

``publish_pack`` freezes the agenda as it stands (``PackItem``/``PackPaper``) and a numbered
``Version`` of the meeting's ``AgendaPack``, and after commit starts the build: a Celery chord
renders, longest first and in parallel, only the papers whose frozen content has no cached PDF
yet (``PaperRender``), then ``assemble_pack`` counts pages, renders the front sheet and agenda
with the real page ranges, merges the structure trees and stamps the page numbers, once for the
members (exempt papers included) and once for the public. Page numbers are the members' pack's
in both: the public pack leaves exempt pages out rather than renumbering, so "page 40" is the
same page for everyone. A supplementary pack is a new version whose late papers follow all the
others, so the pages of the first pack keep their numbers.

A build is a worker job like a version's render job (``publications.jobs``): each attempt is
claimed under the build's row lock, and assembly claims it again, so two workers never assemble
one build; papers beat for the build while they render and assembly beats while it runs, so the
stall sweep restarts only a build whose worker died; a failed attempt is retried after a backoff
up to a cap, then the build is dead with its reason, and staff may build it again.
"""

import hashlib
import logging
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications import jobs
from pcc_portal.publications import pdf as publications_pdf
from pcc_portal.publications import services as publishing
from pcc_portal.publications.models import Version
from pcc_portal.publications.pdf_safety import extract_text, inspect_pdf
from pcc_portal.publications.services import NothingToPublish, version_went_public

from .. import assembly
from ..models import (
    AgendaPack,
    Meeting,
    Member,
    PackBuild,
    PackItem,
    PackPaper,
    Paper,
    PaperRender,
    PaperWithdrawal,
)
from ..selectors import WithdrawnFromPacks

logger = logging.getLogger(__name__)

MAX_FRONT_SHEET_PASSES = 4


class PackInProgress(NothingToPublish):
    """A pack for this meeting is still being built."""


# --- Freezing ---------------------------------------------------------------------------------


def _sha(text):
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()


def paper_document_html(report):
    """A report as it is rendered for a pack: the same document with the pack's print styles
    (no page footers of its own: the pack stamps continuous numbers)."""
    return render_to_string(
        report.document_template,
        {
            "object": report,
            **report.publication_context(),
            "document_title": report.publication_title(),
            "document_type": "panel-paper",
        },
    )


def _report_key(html):
    return f"report-{_sha(html + publications_pdf.RENDERER_VERSION)}"


def render_key(paper):
    """The key of ``paper``'s render as it is now: what its PDF is made from, hashed."""
    if paper.kind == Paper.Kind.REPORT:
        return _report_key(paper_document_html(paper.report))
    if paper.kind == Paper.Kind.UPLOAD:
        return f"upload-{paper.upload_sha256}"
    return f"version-{paper.version_id}-{paper.version.sha256}"


def _render_for(paper):
    """The cached render of ``paper`` as it is now, created (pending) if this content is new."""
    if paper.kind == Paper.Kind.REPORT:
        html = paper_document_html(paper.report)
        key = _report_key(html)
        render, created = PaperRender.objects.get_or_create(
            key=key,
            defaults={
                "title": paper.title,
                "document_html": html,
                "estimated_size": len(html),
                "text": paper.report.publication_text(),
            },
        )
        if not created and render.status == PaperRender.Status.FAILED:
            render.status, render.error = PaperRender.Status.PENDING, ""
            render.save(update_fields=["status", "error"])
        return render
    if paper.kind == Paper.Kind.UPLOAD:
        key = render_key(paper)
        render = PaperRender.objects.filter(key=key).first()
        if render is None:
            with paper.upload.open("rb") as handle:
                text = extract_text(handle.read(), max_pages=100)
            render = PaperRender.objects.create(
                key=key,
                title=paper.title,
                status=PaperRender.Status.READY,
                pdf=paper.upload.name,
                page_count=paper.upload_page_count,
                tagged=paper.upload_tagged,
                text=text,
            )
        return render
    version = paper.version
    if version.status != Version.Status.READY:
        raise NothingToPublish(f"“{paper.title}” is not published yet: its PDF is not ready.")
    key = render_key(paper)
    render = PaperRender.objects.filter(key=key).first()
    if render is None:
        with version.pdf.open("rb") as handle:
            content = handle.read()
        info = inspect_pdf(content)
        render = PaperRender(
            key=key,
            title=paper.title,
            status=PaperRender.Status.READY,
            page_count=info.page_count,
            tagged=info.tagged,
            text=version.text,
        )
        # A copy beside the other papers: the pack reads every paper from one storage.
        render.pdf.save(f"{key}.pdf", ContentFile(content), save=False)
        render.save()
    return render


def _in_progress(meeting):
    """A build of the meeting's pack is queued or a worker is on it: one at a time."""
    return PackBuild.objects.filter(
        meeting=meeting,
        status__in=[
            PackBuild.Status.QUEUED,
            PackBuild.Status.RENDERING,
            PackBuild.Status.ASSEMBLING,
        ],
    ).exists()


def _give_up_retries(meeting, *, version):
    """A newer version replaces a build still waiting for its retry: it is not tried again
    (staff publishing a corrected agenda need not wait for a broken one to use its attempts)."""
    for build in PackBuild.objects.select_for_update().filter(
        meeting=meeting, status=PackBuild.Status.FAILED
    ):
        jobs.give_up(
            build, f"{build.error}\nNot tried again: version {version.number} replaced it."
        )


def _new_version(*, meeting, pack, by, note, supplementary):
    content_type = ContentType.objects.get_for_model(pack)
    number = (
        Version.objects.filter(content_type=content_type, object_id=pack.pk).aggregate(
            top=Max("number")
        )["top"]
        or 0
    ) + 1
    version = Version.objects.create(
        content_type=content_type,
        object_id=pack.pk,
        number=number,
        document_type=pack.document_type,
        title=pack.publication_title() + (" (supplementary)" if supplementary else ""),
        html="",
        document_html="",
        text="",
        change_note=note,
        published_by=by,
    )
    build = PackBuild.objects.create(version=version, meeting=meeting, supplementary=supplementary)
    return version, build


def _freeze_item(item, *, build):
    """``item`` (of the agenda, or of an earlier build) as ``build`` carries it."""
    return PackItem.objects.create(
        build=build,
        number=item.number,
        kind=item.kind,
        title=item.title,
        presenter=item.presenter,
        description_html=item.description_html,
        exempt=item.exempt,
        exempt_reason=item.exempt_reason,
        minutes_of=item.minutes_of,
    )


def _freeze_paper(paper, *, item, position, render, source_version, withheld):
    """``paper`` (of the agenda, or of an earlier build) as the frozen ``item`` carries it."""
    return PackPaper.objects.create(
        item=item,
        position=position,
        title=paper.title,
        kind=paper.kind,
        late=paper.late,
        render=render,
        source_version=source_version,
        report=paper.report,
        withheld=withheld,
    )


@transaction.atomic
def publish_pack(*, meeting, by, note, supplementary=False):
    """Freeze the agenda and its papers as the pack's next version and queue the build.
    A paper withdrawn from this meeting's public pack, or whose document was withdrawn, is
    frozen withheld: in the members' pack only."""
    note = (note or "").strip()
    if not note:
        raise NothingToPublish("Say what changed in this version: the change note is required.")
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    pack, _ = AgendaPack.objects.get_or_create(meeting=meeting)
    if _in_progress(meeting):
        raise PackInProgress("A pack for this meeting is still being built: wait for it to finish.")
    items = list(
        meeting.items.order_by("number").prefetch_related("papers__report", "papers__version")
    )
    if not items:
        raise NothingToPublish("The agenda has no items yet.")
    if supplementary and not any(p.late for item in items for p in item.papers.all()):
        raise NothingToPublish("A supplementary pack needs at least one paper marked as late.")
    if supplementary and pack.live_version() is None:
        raise NothingToPublish("Publish the agenda pack before a supplementary pack.")
    version, build = _new_version(
        meeting=meeting, pack=pack, by=by, note=note, supplementary=supplementary
    )
    _give_up_retries(meeting, version=version)
    withdrawn = WithdrawnFromPacks(
        meeting, [p.version_id for item in items for p in item.papers.all()]
    )
    for item in items:
        frozen = _freeze_item(item, build=build)
        for position, paper in enumerate(item.papers.all(), start=1):
            render = _render_for(paper)
            _freeze_paper(
                paper,
                item=frozen,
                position=position,
                render=render,
                source_version=paper.version,
                withheld=withdrawn(render.pk, paper.version_id),
            )
    transaction.on_commit(lambda: _start(build.pk))
    return version


# --- Withdrawing papers -----------------------------------------------------------------------


@transaction.atomic
def withdraw_paper(*, paper, by, reason):
    """Take one paper of a published pack off the public site, with the reason the public is
    told. Every public pack version that carried it is withdrawn (its PDFs and papers answer 410
    with the notice) and a new version, the live one's agenda without the paper, is built and
    published. The members' pack keeps the paper; no public pack of this meeting carries its
    content again."""
    reason = (reason or "").strip()
    if not reason:
        raise NothingToPublish("Say why it is being withdrawn: the reason is required.")
    meeting = Meeting.objects.select_for_update().get(pk=paper.item.build.meeting_id)
    if _in_progress(meeting):
        raise PackInProgress("A pack for this meeting is still being built: wait for it to finish.")
    carrying = PackPaper.objects.published().filter(
        item__build__meeting=meeting, render=paper.render_id
    )
    if not carrying.exists():
        raise InvalidTransition(f"“{paper.title}” is not in a public pack, so cannot be withdrawn.")
    return _take_out(meeting, carrying, by=by, reason=reason)


def withdraw_carried_versions(*, withdrawal):
    """A published document was withdrawn elsewhere in the portal: take it out of every public
    pack that carried one of the withdrawn versions, in the same transaction."""
    versions = Version.objects.filter(
        content_type=withdrawal.content_type_id,
        object_id=withdrawal.object_id,
        number__lte=withdrawal.up_to_number,
    )
    carrying = PackPaper.objects.published().filter(source_version__in=versions)
    for meeting_id in sorted(set(carrying.values_list("item__build__meeting", flat=True))):
        meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
        _take_out(
            meeting,
            carrying.filter(item__build__meeting=meeting),
            by=withdrawal.withdrawn_by,
            reason=withdrawal.reason,
        )


def _take_out(meeting, carrying, *, by, reason):
    """Withdraw the papers ``carrying`` (public papers of ``meeting``'s packs) and the pack
    versions up to the newest that carried them; rebuild the live one without them."""
    carrying = list(carrying.select_related("item__build__version", "render"))
    titles = []
    for paper in carrying:
        _, created = PaperWithdrawal.objects.get_or_create(
            meeting=meeting,
            render=paper.render,
            defaults={"title": paper.title, "reason": reason, "withdrawn_by": by},
        )
        if created:
            titles.append(f"“{paper.title}”")
    named = " and ".join(titles) or "A paper"
    live = meeting.pack.live_build()
    up_to = max(paper.item.build.version.number for paper in carrying)
    withdrawal = publishing.withdraw(
        obj=meeting.pack,
        by=by,
        reason=f"{named} withdrawn from the pack: {reason}",
        up_to_number=up_to,
    )
    # A pack being built now checks for withdrawn papers before it is published.
    if live is not None and live.version.number <= up_to and not _in_progress(meeting):
        _republish_without_withdrawn(live, by=by, note=f"{named} withdrawn: {reason}")
    return withdrawal


def _republish_without_withdrawn(build, *, by, note):
    """The next version of ``build``'s pack: the same frozen agenda, withdrawn papers withheld
    (never the draft agenda, which may hold changes nobody has published)."""
    meeting = build.meeting
    version, new = _new_version(
        meeting=meeting, pack=meeting.pack, by=by, note=note, supplementary=build.supplementary
    )
    items = list(build.items.order_by("number").prefetch_related("papers"))
    withdrawn = WithdrawnFromPacks(
        meeting, [p.source_version_id for item in items for p in item.papers.all()]
    )
    for item in items:
        frozen = _freeze_item(item, build=new)
        for paper in item.papers.all():
            _freeze_paper(
                paper,
                item=frozen,
                position=paper.position,
                render=paper.render,
                source_version=paper.source_version,
                withheld=paper.withheld or withdrawn(paper.render_id, paper.source_version_id),
            )
    transaction.on_commit(lambda: _start(new.pk))
    return version


def _newly_withdrawn(build, papers):
    """``papers`` of ``build`` bound for the public that have been withdrawn since it was
    frozen (a document withdrawn elsewhere while the pack was waiting or being built)."""
    withdrawn = WithdrawnFromPacks(build.meeting_id, [paper.source_version_id for paper in papers])
    return [
        paper
        for paper in papers
        if not paper.withheld
        and not paper.item.exempt
        and withdrawn(paper.render_id, paper.source_version_id)
    ]


def _send(build, countdown=0):
    from ..tasks import build_pack

    build_pack.apply_async((build.pk,), countdown=countdown)


def _start(build_id):
    from ..tasks import build_pack

    build_pack.delay(build_id)


@transaction.atomic
def retry_pack(*, build):
    """Staff asked for a failed build to be tried again: a fresh set of attempts. Only the
    meeting's latest version is built again: a later one has replaced it."""
    if PackBuild.objects.filter(
        meeting=build.meeting_id, version__number__gt=build.version.number
    ).exists():
        raise NothingToPublish("A later version of the pack has been published since this one.")
    try:
        build = jobs.retry(build)
    except InvalidTransition as error:
        raise NothingToPublish("Only a failed pack can be built again.") from error
    transaction.on_commit(lambda: _start(build.pk))
    return build


# --- Building ---------------------------------------------------------------------------------


def start_build(*, build_id, redelivered=False):
    """Claim the build for an attempt, send the papers that need rendering to the workers,
    longest first, then assemble. Papers that failed on an earlier attempt are tried again."""
    from celery import chord

    from ..tasks import assemble_pack, render_pack_paper

    build = jobs.claim(
        PackBuild, build_id, status=PackBuild.Status.RENDERING, redelivered=redelivered
    )
    if build is None:
        return
    renders = PaperRender.objects.filter(pack_papers__item__build=build)
    PaperRender.objects.filter(
        pk__in=renders.filter(status=PaperRender.Status.FAILED).values("pk")
    ).update(status=PaperRender.Status.PENDING, error="")
    pending = list(
        renders.filter(status=PaperRender.Status.PENDING)
        .distinct()
        .order_by("-estimated_size")
        .values_list("pk", flat=True)
    )
    PackBuild.objects.filter(pk=build_id).update(papers_rendered=len(pending))
    assemble = assemble_pack.si(build_id, build.attempts)
    if pending:
        chord([render_pack_paper.si(pk, build_id) for pk in pending])(assemble)
    else:
        assemble.delay()


def render_paper(*, render_id, build_id=None):
    """Render one paper's PDF into the cache, beating for the build that waits for it. Safe to
    call again: a ready render is kept."""
    render = PaperRender.objects.get(pk=render_id)
    if render.status == PaperRender.Status.READY:
        return render
    started = time.monotonic()
    try:
        with jobs.beating(PackBuild.objects.filter(pk=build_id)):
            result = publications_pdf.render_pdf(render.document_html)
            info = inspect_pdf(result.content)
    except Exception as error:  # recorded for staff; assembly reports which paper failed
        logger.exception("rendering paper %s failed", render_id)
        reason = jobs.describe(error)
        with transaction.atomic():
            render = PaperRender.objects.select_for_update().get(pk=render_id)
            if render.status != PaperRender.Status.READY:
                render.status, render.error = PaperRender.Status.FAILED, reason
                render.save(update_fields=["status", "error"])
        return render
    with transaction.atomic():
        render = PaperRender.objects.select_for_update().get(pk=render_id)
        if render.status == PaperRender.Status.READY:
            return render  # another worker finished it first
        render.pdf.save(f"{render.key}.pdf", ContentFile(result.content), save=False)
        render.page_count = result.page_count
        render.tagged = info.tagged
        render.seconds = time.monotonic() - started
        render.status, render.error = PaperRender.Status.READY, ""
        render.save()
    return render


def _read(render):
    with render.pdf.open("rb") as handle:
        return handle.read()


@dataclass
class _Sheet:
    """A front sheet (the agenda, or a supplementary agenda) and the papers that follow it."""

    rows: list  # (item, [papers on this sheet]) for every item the sheet lists
    papers: list
    supplement: bool = False
    page_count: int = 0
    rendered: dict = field(default_factory=dict)  # members? -> (content, pages, html)


def _sheets(build, items):
    """The agenda with every paper, or, for a supplementary pack, the agenda without the late
    papers (its pages as before) and a supplementary agenda for them after all the others."""
    late = [p for item in items for p in item.papers.all() if build.supplementary and p.late]
    main = _Sheet(
        rows=[(item, [p for p in item.papers.all() if p not in late]) for item in items],
        papers=[p for item in items for p in item.papers.all() if p not in late],
    )
    if not late:
        return [main]
    supplement = _Sheet(
        rows=[(item, [p for p in item.papers.all() if p in late]) for item in items],
        papers=late,
        supplement=True,
    )
    supplement.rows = [(item, papers) for item, papers in supplement.rows if papers]
    return [main, supplement]


def _agenda_context(build, sheet, members, pad_pages):
    meeting = build.meeting
    return {
        "meeting": meeting,
        "panel": meeting.panel,
        "rows": sheet.rows,
        "supplement": sheet.supplement,
        "members": members,
        "build": build,
        "pad_pages": range(pad_pages),
        "published_on": build.version.published_at,
        "document_title": build.version.title,
        "document_type": "panel-pack",
    }


def _render_agenda(context):
    """A front sheet, rendered once per distinct content (cached like papers)."""
    html = render_to_string("panel/pack_document.html", context)
    key = f"agenda-{_sha(html + publications_pdf.RENDERER_VERSION)}"
    cached = PaperRender.objects.filter(key=key, status=PaperRender.Status.READY).first()
    if cached is not None:
        return _read(cached), cached.page_count, html
    result = publications_pdf.render_pdf(html)
    render = PaperRender(
        key=key,
        title="Front sheet and agenda",
        status=PaperRender.Status.READY,
        page_count=result.page_count,
        tagged=True,
    )
    render.pdf.save(f"{key}.pdf", ContentFile(result.content), save=False)
    render.save()
    return result.content, result.page_count, html


def _number_papers(papers, after_page):
    page = after_page + 1
    for paper in papers:
        paper.first_page = page
        paper.last_page = page + paper.render.page_count - 1
        page = paper.last_page + 1
    return page - 1


def _lay_out(build, sheet, first_page, guess, variants):
    """Render the sheet for members and public with page ranges true of the final PDFs.

    The ranges depend on how many pages the sheet itself takes, which depends on the ranges'
    text: start from a guess and re-render until it stops changing. Both variants must take the
    same number of pages (numbers are shared), so the shorter one is padded with blank pages.
    Returns the last page number used by the sheet's papers."""
    pages, pads = guess, dict.fromkeys(variants, 0)
    for _attempt in range(MAX_FRONT_SHEET_PASSES):
        last = _number_papers(sheet.papers, first_page - 1 + pages)
        sheet.rendered = {
            members: _render_agenda(_agenda_context(build, sheet, members, pads[members]))
            for members in variants
        }
        counts = {members: rendered[1] for members, rendered in sheet.rendered.items()}
        longest = max(counts.values())
        if set(counts.values()) == {pages}:
            sheet.page_count = pages
            return last
        for members, count in counts.items():
            pads[members] += longest - count
        pages = longest
    raise RuntimeError("The agenda's length did not settle; check the items for very long text.")


def _sections(sheets, *, members):
    sections = []
    first_page = 1
    for sheet in sheets:
        rendered = sheet.rendered.get(members) or sheet.rendered[False]
        sections.append(
            assembly.Section(
                content=rendered[0],
                bookmark="Supplementary agenda" if sheet.supplement else "Front sheet and agenda",
                numbers=list(range(first_page, first_page + sheet.page_count)),
            )
        )
        for paper in sheet.papers:
            item = paper.item
            first_page = paper.last_page + 1
            if (item.exempt or paper.withheld) and not members:
                continue
            sections.append(
                assembly.Section(
                    content=_read(paper.render),
                    bookmark=paper.title + (" (supplementary)" if paper.late else ""),
                    item_label=f"Agenda Item {item.number}",
                    item_bookmark=f"{item.number}. {item.title}",
                    numbers=list(range(paper.first_page, paper.last_page + 1)),
                    exempt_reason=(item.exempt_reason or "Exempt information")
                    if item.exempt
                    else "",
                )
            )
        if not sheet.papers:
            first_page += sheet.page_count
    return sections


def assemble_pack(*, build_id, attempt=None, redelivered=False):
    """Put the pack together from cached renders and publish it (or record why it failed).

    Claimed under the build's row lock, so two workers never assemble the same build: it
    carries on the attempt whose papers were just rendered; otherwise it goes ahead only if
    the build's worker died (its heartbeat stopped, or this message was redelivered)."""
    build = jobs.claim(
        PackBuild,
        build_id,
        status=PackBuild.Status.ASSEMBLING,
        redelivered=redelivered,
        carries_on=lambda build: (
            build.status == PackBuild.Status.RENDERING and build.attempts == attempt
        ),
    )
    if build is None:
        return None
    started = time.monotonic()
    try:
        with jobs.beating(PackBuild.objects.filter(pk=build_id, claimed_by=build.claimed_by)):
            assembled = _assemble(build)
    except Exception as error:  # recorded for staff; the previous version stays live
        logger.exception("assembling pack build %s failed", build_id)
        jobs.record_failure(build, error, resend=_send)
        return None
    return _publish_build(build, *assembled, time.monotonic() - started)


def _assemble(build):
    """The public and members' PDFs of ``build``, with what publishing them needs."""
    items = list(build.items.order_by("number").prefetch_related("papers__render"))
    for item in items:
        for paper in item.papers.all():
            paper.item = item  # the frozen item, without a query per paper
    papers = [paper for item in items for paper in item.papers.all()]
    broken = [p for p in papers if p.render.status != PaperRender.Status.READY]
    if broken:
        raise RuntimeError(
            "These papers could not be rendered: "
            + "; ".join(f"“{p.title}”: {p.render.error or 'not rendered'}" for p in broken)
        )
    newly_withdrawn = _newly_withdrawn(build, papers)
    for paper in newly_withdrawn:
        paper.withheld = True
    PackPaper.objects.bulk_update(newly_withdrawn, ["withheld"])
    sheets = _sheets(build, items)
    previous = (
        PackBuild.objects.published()
        .filter(meeting=build.meeting)
        .exclude(front_page_count=None)
        .order_by("-version__number")
        .values_list("front_page_count", flat=True)
        .first()
    )
    # Without exempt or withdrawn papers the members' pack is the public pack: build it once.
    exempt = any(paper.item.exempt or paper.withheld for paper in papers)
    variants = (True, False) if exempt else (False,)
    last = _lay_out(build, sheets[0], 1, previous or 1, variants)
    for sheet in sheets[1:]:
        last = _lay_out(build, sheet, last + 1, 1, variants)
    title = build.version.title
    public_pdf = assembly.assemble(_sections(sheets, members=False), title=title)
    members_pdf = public_pdf
    if exempt:
        members_pdf = assembly.assemble(
            _sections(sheets, members=True),
            title=f"{title} (members' pack, includes exempt items)",
        )
    return items, papers, sheets, members_pdf, public_pdf


@transaction.atomic
def _publish_build(claimed, items, papers, sheets, members_pdf, public_pdf, took):
    # The meeting's lock orders this after a withdrawal that takes a paper out of its packs.
    Meeting.objects.select_for_update().filter(pk=claimed.meeting_id).first()
    build = (
        PackBuild.objects.select_for_update()
        .select_related("version", "meeting")
        .get(pk=claimed.pk)
    )
    if build.is_finished:
        return build
    newly_withdrawn = _newly_withdrawn(build, papers)
    if newly_withdrawn:
        # The next attempt leaves it out of the public pack.
        jobs.record_failure(
            claimed,
            ", ".join(f"“{paper.title}”" for paper in newly_withdrawn)
            + " was withdrawn while the pack was being built: it is built again without it.",
            resend=_send,
        )
        return build
    PackPaper.objects.bulk_update(papers, ["first_page", "last_page"])
    version = build.version
    public_digest = hashlib.sha256(public_pdf.content).hexdigest()
    name = f"panel-pack-{build.meeting.slug}-v{version.number}"
    version.pdf.save(
        f"{name}-{public_digest[:12]}.pdf", ContentFile(public_pdf.content), save=False
    )
    version.page_count = public_pdf.page_count
    version.sha256 = public_digest
    version.document_html = "\n".join(sheet.rendered[False][2] for sheet in sheets)
    version.html = render_to_string(
        "panel/pack_body.html", {"items": items, "build": build, "meeting": build.meeting}
    )
    version.text = _public_text(items)
    version.status = Version.Status.READY
    version.ready_at = timezone.now()
    version.save()
    version_went_public(version=version)  # the public pack's text goes into site search
    members_digest = hashlib.sha256(members_pdf.content).hexdigest()
    build.members_pdf.save(
        f"{name}-members-{members_digest[:12]}.pdf", ContentFile(members_pdf.content), save=False
    )
    build.members_page_count = members_pdf.page_count
    build.members_sha256 = members_digest
    build.front_page_count = sheets[0].page_count
    build.tagged = public_pdf.tagged
    build.members_tagged = members_pdf.tagged
    build.assembly_seconds = took
    build.status, build.error, build.finished_at = PackBuild.Status.READY, "", timezone.now()
    build.save()
    _email_members(build)
    return build


def _public_text(items):
    lines = []
    for item in items:
        lines.append(f"{item.number}. {item.title}")
        if item.exempt:
            lines.append(f"Exempt: {item.exempt_reason}")
            continue
        for paper in item.papers.all():
            if not paper.withheld:
                lines.extend([paper.title, paper.render.text])
    return "\n".join(line for line in lines if line)


def _email_members(build):
    meeting = build.meeting
    site = settings.PORTAL_BASE_URL.rstrip("/")
    # The members who sit on the meeting's panel (or its task and finish group) that day.
    sitting = Member.objects.current(meeting.date).filter(panel=meeting.panel_id)
    if meeting.group_id:
        sitting = sitting.filter(groups=meeting.group_id)
    recipients = list(sitting.exclude(email="").values_list("email", flat=True))
    if not recipients:
        return
    kind = "supplementary agenda pack" if build.supplementary else "agenda pack"
    subject = f"{meeting.panel.name}, {meeting.date:%-d %B %Y}: {kind} published"
    body = render_to_string(
        "panel/email/pack_published.txt",
        {"build": build, "meeting": meeting, "kind": kind, "site": site},
    )
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))


def requeue_stalled_builds(*, now=None):
    """Beat task body: start again the builds whose worker died (their heartbeat stopped) or
    whose message was lost; a build out of attempts is dead instead. A long build whose worker
    still beats is left alone. Safe to repeat: ready papers are not rendered again."""
    return jobs.requeue_stalled(PackBuild, resend=_send, now=now)
