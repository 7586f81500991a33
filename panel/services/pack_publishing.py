"""Publishing an agenda pack: freezing the agenda as the pack's next version and queuing its
build, or queuing a failed build again."""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications import jobs
from pcc_portal.publications import pdf as publications_pdf
from pcc_portal.publications.models import Version
from pcc_portal.publications.pdf_safety import extract_text, inspect_pdf
from pcc_portal.publications.services import NothingToPublish

from ..models import AgendaPack, Meeting, PackBuild, PackItem, PackPaper, Paper, PaperRender
from ..selectors import WithdrawnFromPacks


class PackInProgress(NothingToPublish):
    """A pack for this meeting is still being built."""


def _sha(text):
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()


def paper_document_html(*, report):
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


def render_key(*, paper):
    """The key of ``paper``'s render as it is now: what its PDF is made from, hashed."""
    if paper.kind == Paper.Kind.REPORT:
        return _report_key(paper_document_html(report=paper.report))
    if paper.kind == Paper.Kind.UPLOAD:
        return f"upload-{paper.upload_sha256}"
    return f"version-{paper.version_id}-{paper.version.sha256}"


def _render_for(paper):
    """The cached render of ``paper`` as it is now, created (pending) if this content is new."""
    if paper.kind == Paper.Kind.REPORT:
        html = paper_document_html(report=paper.report)
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
        key = render_key(paper=paper)
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
    key = render_key(paper=paper)
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
