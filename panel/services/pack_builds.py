"""Building a pack as a worker job: rendering the papers that changed, assembling and publishing
it, emailing the members, and restarting builds whose worker died."""

import hashlib
import logging
import time

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from pcc_portal.links import portal_url
from pcc_portal.publications import jobs
from pcc_portal.publications import pdf as publications_pdf
from pcc_portal.publications.models import Version
from pcc_portal.publications.pdf_safety import inspect_pdf
from pcc_portal.publications.services import version_went_public

from ..models import Meeting, Member, PackBuild, PackPaper, PaperRender
from .pack_layout import _assemble
from .pack_withdrawals import _newly_withdrawn

logger = logging.getLogger(__name__)


def _send(build, countdown=0):
    from ..tasks import build_pack

    build_pack.apply_async((build.pk,), countdown=countdown)


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
    site = portal_url()
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
