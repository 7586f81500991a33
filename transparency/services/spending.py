"""Actions on spending over £500: uploading a month's file as a draft, reviewing its
redactions, then releasing or discarding it."""

import hashlib

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from pcc_portal.errors import DomainError
from pcc_portal.publications import services as publishing

from ..models import Payment, SpendingUpload
from ..spending import read_spending_file


class SpendingFileInvalid(DomainError):
    """``errors`` are the problems of the first rows that have any (``RowError``s, as every
    import reports them); ``error_count`` and ``error_row_count`` count every problem and every
    row with one."""

    def __init__(self, checked):
        self.errors = checked.errors
        self.error_count = checked.error_count
        self.error_row_count = checked.error_row_count
        super().__init__(f"{checked.error_count} problem(s) in the spending file")


class SpendingDraftExists(DomainError):
    """The month already has a draft: it is released or discarded before another is uploaded."""

    def __init__(self, draft):
        self.draft = draft
        super().__init__(f"{draft} already has a draft, uploaded by {draft.uploaded_by}.")


def _draft(upload):
    return SpendingUpload.objects.select_for_update().get(pk=upload.pk)


@transaction.atomic
def upload_spending(*, month, content, filename, by, source=SpendingUpload.Source.COMMISSIONER):
    """Store a month's file whole as a draft for review, or change nothing and raise
    ``SpendingFileInvalid`` naming every bad row (``SpendingDraftExists`` if the month has a
    draft already). A draft is not public and not in search: ``release_spending`` publishes
    it. Rows the redaction rule flags are set to be redacted until a reviewer says otherwise."""
    month = month.replace(day=1)
    drafts = SpendingUpload.objects.drafts().filter(month=month, source=source)
    draft = drafts.first()
    if draft is not None:
        raise SpendingDraftExists(draft)
    checked = read_spending_file(content=content, filename=filename, month=month)
    if checked.error_count:
        raise SpendingFileInvalid(checked)
    payments = checked.rows
    upload = SpendingUpload(
        month=month,
        source=source,
        filename=filename[:200],
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=by,
        row_count=len(payments),
        redacted_count=sum(p.is_redacted for p in payments),
        total=sum(p.amount for p in payments),
    )
    upload._change_reason = f"Uploaded {filename}"[:100]
    try:
        with transaction.atomic():
            upload.save()
    except IntegrityError:  # another draft of the month was stored meanwhile
        raise SpendingDraftExists(drafts.get()) from None
    for payment in payments:
        payment.upload = upload
    Payment.objects.bulk_create(payments)
    return upload


@transaction.atomic
def choose_spending_redactions(*, upload, rows, redact, reason="", by):
    """Record a reviewer's choices for ``rows`` (payments of a draft, those of one page of its
    preview): the payees of those in ``redact`` are withheld, the others named. Publishing a
    name the rule flagged keeps ``reason`` with the row. Returns the payments whose choice
    changed."""
    upload = _draft(upload)
    upload.check_is_draft("changed")
    redact = set(redact)
    changed = []
    for payment in upload.payments.filter(pk__in=rows).order_by("row_number"):
        redacted = payment.pk in redact
        because = "" if redacted or not payment.is_flagged else reason.strip()
        if (payment.is_redacted, payment.name_published_because) != (redacted, because):
            payment.is_redacted, payment.name_published_because = redacted, because
            changed.append(payment)
    Payment.objects.bulk_update(changed, ["is_redacted", "name_published_because"])
    if changed:
        upload.redacted_count = upload.payments.filter(is_redacted=True).count()
        upload._change_reason = (
            f"Redactions changed by {by} on row{'s' if len(changed) > 1 else ''} "
            + ", ".join(str(p.row_number) for p in changed)
        )[:100]
        upload.save()
    return changed


@transaction.atomic
def release_spending(*, upload, by, reauthenticated_at=None):
    """Publish a reviewed draft whole, as one record version: every row at once, the names of
    the rows chosen for redaction dropped, indexed for search; the upload released for the
    month before is withdrawn (it stays on record). Only those who may release spending may.
    The upload's history records the release, and when ``by`` re-authenticated for it."""
    if not by.has_perm("transparency.publish_spendingupload"):
        raise PermissionDenied(f"{by} may not release spending.")
    upload = _draft(upload)
    upload.check_is_draft("released")
    now = timezone.now()
    for previous in SpendingUpload.objects.public().filter(
        month=upload.month, source=upload.source
    ):
        publishing.withdraw(
            obj=previous,
            by=by,
            reason=f"Replaced by the file for {upload.month:%B %Y} released on "
            f"{timezone.localdate(now):%-d %B %Y}.",
        )
    # A redacted row keeps no name from here on: not in the database, the search index or any
    # export, whatever reads the table later.
    upload.payments.filter(is_redacted=True).update(supplier=Payment.REDACTED)
    upload.redacted_count = upload.payments.filter(is_redacted=True).count()
    upload.released_at = now
    reason = f"Released by {by}"
    if reauthenticated_at is not None:
        reason += f"; re-authenticated at {timezone.localtime(reauthenticated_at):%H:%M:%S}"
    upload._change_reason = reason[:100]
    upload._history_user = by
    upload.save()
    publishing.publish(
        obj=upload,
        by=by,
        note=f"{upload.row_count} payments, {upload.redacted_count} without the payee's name.",
    )
    return upload


@transaction.atomic
def discard_spending(*, upload, by):
    """Delete a draft and every row of it (names included); its history records the discard."""
    upload = _draft(upload)
    upload.check_is_draft("discarded")
    upload._change_reason = f"Discarded by {by}"
    upload.delete()
