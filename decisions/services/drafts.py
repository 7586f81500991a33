"""Changes to a draft decision beyond its form: the PDFs attached to Part 1 or Part 2, and the
exempt detail of Part 2."""

from django.core.files.base import ContentFile
from django.db import transaction

from pcc_portal.publications.pdf_safety import make_safe

from ..models import DecisionAttachment, Part2Attachment
from .common import Status, _locked, _require


def _attach(attachment, *, upload, by):
    upload.seek(0)
    original = upload.read()
    checked = make_safe(original)
    attachment.removed = list(checked.removed)
    attachment.tagged = checked.tagged
    attachment.page_count = checked.page_count
    attachment.original_file.save("original.pdf", ContentFile(original), save=False)
    attachment.file.save("cleaned.pdf", ContentFile(checked.content), save=False)
    attachment._history_user = by
    attachment._change_reason = "Uploaded" + (
        f"; removed {', '.join(checked.removed)}" if checked.removed else ""
    )
    attachment._change_reason = attachment._change_reason[:100]
    attachment.save()
    return attachment


@transaction.atomic
def add_attachment(*, decision, title, upload, by):
    """Attach a PDF to Part 1 of a draft: cleaned of scripts, actions and embedded files, the
    cleaned copy the only one served, and inspected for tags. ``InvalidPDF`` when it cannot
    be read or cleaned."""
    _require(_locked(decision), Status.DRAFT, action="given attachments")
    return _attach(DecisionAttachment(decision=decision, title=title), upload=upload, by=by)


@transaction.atomic
def add_part2_attachment(*, part2, title, upload, by):
    """Attach a PDF to Part 2, cleaned and inspected as Part 1's are."""
    _require(_locked(part2.decision), Status.DRAFT, action="given attachments")
    return _attach(Part2Attachment(part2=part2, title=title), upload=upload, by=by)


@transaction.atomic
def remove_attachment(*, decision, attachment, by):
    """Remove a PDF attached to Part 1 or Part 2 of ``decision``, while it is a draft."""
    _require(_locked(decision), Status.DRAFT, action="changed")
    attachment._history_user = by
    attachment.delete()


@transaction.atomic
def save_part2(*, decision, part2, by):
    """Record or change the exempt detail of a draft decision (Part 2, never published)."""
    _require(_locked(decision), Status.DRAFT, action="changed")
    part2.decision = decision
    part2._history_user = by
    part2.save()
    return part2
