"""PDFs attached to a decision, made safe once, on upload, as the Panel's uploaded papers are:
scripts, actions and embedded files removed (``publications.pdf_safety``), the cleaned copy the
only one ever served, the original kept privately; and inspected for tags, so the check page and
the notice can say which attachments are not accessible."""

import io
from dataclasses import dataclass

import pikepdf

from pcc_portal.publications.pdf_safety import UncleanablePDF, clean_pdf, is_tagged


class UnsafeAttachment(ValueError):
    """The PDF could not be read or cleaned: it is refused, with what to do, beside the field."""


@dataclass(frozen=True)
class CheckedPDF:
    original: bytes
    content: bytes  # the cleaned copy
    removed: tuple
    tagged: bool
    page_count: int


def check_pdf(upload):
    """Clean an uploaded PDF and inspect the cleaned copy."""
    upload.seek(0)
    original = upload.read()
    upload.seek(0)
    try:
        cleaned = clean_pdf(original)
        with pikepdf.open(io.BytesIO(cleaned.content)) as document:
            tagged, page_count = is_tagged(document), len(document.pages)
    except (UncleanablePDF, pikepdf.PdfError) as error:
        raise UnsafeAttachment(
            "The PDF could not be checked for scripts and embedded files: save it again as a "
            "PDF and upload that copy."
        ) from error
    return CheckedPDF(
        original=original,
        content=cleaned.content,
        removed=cleaned.removed,
        tagged=tagged,
        page_count=page_count,
    )
