"""Publishing: freeze a numbered version, queue its PDF, run and guard the render job.

``publish`` is the one way anything becomes public. Render jobs are claimed under a row lock,
heartbeat while rendering, retry with backoff up to a cap, and end succeeded or dead
(``publications.jobs``): a worker killed mid-render leaves a job the next delivery or the stall
sweep picks up again.
"""

import hashlib
import logging
from importlib import import_module

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone

from pcc_portal.errors import DomainError, InvalidTransition

from . import jobs, pdf
from .models import MovedFile, RenderJob, Version, Withdrawal, private_storage

logger = logging.getLogger(__name__)


class NothingToPublish(DomainError):
    """The object is not in a state that can be published."""


def _tell_listeners(hook, *args):
    """Let each module in PUBLICATION_LISTENERS (the search index, the panel's packs) follow
    what the public sees, in the same transaction as the change. A listener implements the
    hooks it needs: ``index_version``, ``remove_object``, ``withdrawn``."""
    for path in settings.PUBLICATION_LISTENERS:
        listener = getattr(import_module(path), hook, None)
        if listener is not None:
            listener(*args)


def freeze(*, obj):
    """Render what the public will see of ``obj`` now: page HTML, PDF document HTML, text."""
    context = {"object": obj, **obj.publication_context()}
    page_html = render_to_string(obj.page_template, context)
    document_html = render_to_string(
        obj.document_template,
        {**context, "document_title": obj.publication_title(), "document_type": obj.document_type},
    )
    return page_html, document_html, obj.publication_text()


def record_release(*, obj, by, what, at=None):
    """Add a record to ``obj``'s change history (if it keeps one) saying what was released or
    withdrawn, by whom, and when they re-authenticated for it."""
    manager_name = getattr(obj._meta, "simple_history_manager_attribute", None)
    if manager_name is None:
        return None
    history_model = getattr(type(obj), manager_name).model
    kept = {field.attname for field in history_model._meta.fields}
    fresh = type(obj)._base_manager.get(pk=obj.pk)
    reason = what
    if at is not None:
        reason += f"; re-authenticated at {timezone.localtime(at):%H:%M:%S}"
    return history_model.objects.create(
        history_date=timezone.now(),
        history_type="~",
        history_user=by,
        history_change_reason=reason[:100],
        **{
            field.attname: getattr(fresh, field.attname)
            for field in fresh._meta.fields
            if field.attname in kept
        },
    )


@transaction.atomic
def publish(*, obj, by, note):
    """Freeze ``obj`` as its next version and queue the PDF. The previous version stays live
    until this one's PDF is ready."""
    note = (note or "").strip()
    if not note:
        raise NothingToPublish("Say what changed in this version: the change note is required.")
    # Lock the object's row so two publishes at once take consecutive numbers.
    type(obj).objects.select_for_update().filter(pk=obj.pk).first()
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    latest = Version.objects.filter(content_type=content_type, object_id=obj.pk).aggregate(
        latest=Max("number")
    )["latest"]
    fields = {
        "content_type": content_type,
        "object_id": obj.pk,
        "number": (latest or 0) + 1,
        "kind": obj.version_kind,
        "document_type": obj.document_type,
        "title": obj.publication_title(),
        "change_note": note,
        "published_by": by,
    }
    if obj.version_kind == Version.Kind.RECORD:
        # A record has no PDF to wait for: frozen and public in this transaction.
        now = timezone.now()
        version = Version.objects.create(
            **fields,
            html="",
            document_html="",
            text=obj.publication_text(),
            data=obj.publication_data(),
            status=Version.Status.READY,
            published_at=now,
            ready_at=now,
        )
        version_went_public(version=version)
        return version
    page_html, document_html, text = freeze(obj=obj)
    version = Version.objects.create(
        **fields, html=page_html, document_html=document_html, text=text
    )
    queue_render(version=version)
    return version


@transaction.atomic
def withdraw(*, obj, by, reason, up_to_number=None):
    """Take published versions of ``obj`` off the public site for good, with the reason the
    public is told. Every version so far is withdrawn (one still rendering too), or, with
    ``up_to_number``, those numbered up to it (an agenda pack's versions that carried a paper
    now withdrawn). Withdrawn versions are kept for the record and never served again; to put
    the object back, publish a new version with a change note."""
    reason = (reason or "").strip()
    if not reason:
        raise NothingToPublish("Say why it is being withdrawn: the reason is required.")
    type(obj).objects.select_for_update().filter(pk=obj.pk).first()
    versions = Version.objects.for_object(obj)
    if up_to_number is None:
        up_to_number = versions.aggregate(top=Max("number"))["top"] or 0
    if not versions.public().filter(number__lte=up_to_number).exists():
        raise InvalidTransition(f"{obj} is not on the public site, so cannot be withdrawn.")
    withdrawal = Withdrawal.objects.create(
        content_object=obj, up_to_number=up_to_number, reason=reason, withdrawn_by=by
    )
    for version in versions.ready().filter(number__lte=up_to_number).exclude(pdf=""):
        move_to_private(version=version)
    live = Version.objects.latest_ready_for(obj)
    if live is None:
        _tell_listeners("remove_object", obj)
    else:
        _tell_listeners("index_version", live)  # an older version went; the live one stays
    _tell_listeners("withdrawn", withdrawal)
    return withdrawal


def version_went_public(*, version):
    """A version has just become ready: tell the listeners (search indexes it if it is the one
    the public sees; a withdrawn version never is). Called in the transaction that marked it
    ready, by the render job or by any app that makes its versions' PDFs another way (an
    assembled agenda pack)."""
    _tell_listeners("index_version", version)
    if version.pdf and version.withdrawal() is not None:
        # Withdrawn while it was rendering: its PDF goes straight to the private store.
        move_to_private(version=version)


def move_to_private(*, version):
    """Move a withdrawn version's PDF out of the public media store, so that nothing withdrawn
    is left where a publicly readable bucket would serve it. The copy is made in the private
    store now, and the row saying where the file is (``MovedFile``) commits with the
    withdrawal; the public copy is deleted once that has committed (a rollback leaves only an
    unused private copy, never a public file the database has lost track of). A file already
    missing is recorded as moved all the same, so ``verify_published_files`` reports it."""
    if not version.pdf or MovedFile.objects.filter(version=version).exists():
        return None
    return MovedFile.objects.create(version=version, name=keep_privately(file=version.pdf))


def keep_privately(*, file):
    """Copy a withdrawn publication's ``file`` into the private store now and delete the public
    copy once the caller's transaction has committed; returns its name in the private store
    (for the caller to record in that transaction). A file already missing keeps its name, so
    ``verify_published_files`` reports it."""
    public, name = file.storage, file.name
    try:
        with public.open(name, "rb") as handle:
            saved = private_storage().save(name, File(handle, name=name))
    except FileNotFoundError:
        logger.error("withdrawn file %s was already missing from the public store", name)
        saved = name
    transaction.on_commit(lambda: remove_public_copy(storage=public, name=name))
    return saved


def remove_public_copy(*, storage, name):
    """Delete the public copy of a file now kept privately (safe to repeat)."""
    try:
        storage.delete(name)
    except OSError:
        # Left behind: verify_published_files names it, and running it again removes it.
        logger.exception("could not delete the public copy of %s", name)


def remove_public_copies():
    """Delete any public copy left of a withdrawn version's PDF (a delete that failed after
    the withdrawal committed); returns the names removed."""
    from pcc_portal.operations.backups import withdrawn_files_left_public

    removed = []
    for file in withdrawn_files_left_public():
        remove_public_copy(storage=file.storage, name=file.name)
        removed.append(file.name)
    return removed


def queue_render(*, version):
    """Create the version's render job (once) and send it to a worker after commit."""
    job, _ = RenderJob.objects.get_or_create(
        idempotency_key=f"version-{version.pk}-renderer-{pdf.RENDERER_VERSION}",
        defaults={"version": version, "renderer_version": pdf.RENDERER_VERSION},
    )
    _send_after_commit(job)
    return job


def _send(job, countdown=0):
    from .tasks import render_version_pdf

    render_version_pdf.apply_async((job.pk,), countdown=countdown)


def _send_after_commit(job, countdown=0):
    transaction.on_commit(lambda: _send(job, countdown))


def retry_render(*, job, by):
    """Staff asked to try a failed or dead render again: a fresh set of attempts."""
    job = jobs.retry(job)
    logger.info("render job %s retried by %s", job.pk, by)
    _send_after_commit(job)
    return job


def run_render_job(*, job_id, redelivered=False):
    """Render one job's PDF. Safe to call any number of times for the same job."""
    job = jobs.claim(RenderJob, job_id, status=RenderJob.Status.RUNNING, redelivered=redelivered)
    if job is None:
        return None
    try:
        with jobs.beating(RenderJob.objects.filter(pk=job.pk, claimed_by=job.claimed_by)):
            result = pdf.render_pdf(job.version.document_html)
    except Exception as error:  # any failure is recorded for staff, never lost
        logger.exception("render job %s failed", job.pk)
        jobs.record_failure(job, error, resend=_send)
        return None
    return _record_success(job.pk, result)


@transaction.atomic
def _record_success(job_id, result):
    job = RenderJob.objects.select_for_update().select_related("version").get(pk=job_id)
    if job.is_finished:
        return job  # a duplicate delivery already finished it: one PDF per version
    version = job.version
    digest = hashlib.sha256(result.content).hexdigest()
    version.pdf.save(
        f"{version.content_type.model}-{version.object_id}-v{version.number}-{digest[:12]}.pdf",
        ContentFile(result.content),
        save=False,
    )
    version.page_count = result.page_count
    version.sha256 = digest
    version.status = Version.Status.READY
    version.ready_at = timezone.now()
    version.save()
    version_went_public(version=version)
    job.status = RenderJob.Status.SUCCEEDED
    job.output = version.pdf.name
    job.error = ""
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "output", "error", "finished_at"])
    return job


def requeue_stalled_jobs(*, now=None):
    """Beat task body: send again the jobs whose worker died or whose message was lost."""
    return jobs.requeue_stalled(RenderJob, resend=_send, now=now)
