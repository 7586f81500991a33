"""PDFs that come from outside the portal: read from an upload once its size, name and content
pass (``read_upload``, which checks with ``inspect_pdf``), made safe to publish, once
(``clean_pdf``, in ``cleaning``), both in the one way every upload is kept (``make_safe``), and
read for their text, for search (``extract_text``).
pikepdf opens and rewrites them; pypdf only reads their text, which pikepdf cannot.
"""

import io
import logging
from dataclasses import dataclass

import pikepdf
from pikepdf import Dictionary

from pcc_portal.forms import too_large

from .cleaning import CleanedPDF, UncleanablePDF, clean_pdf

__all__ = [
    "MAX_PAGES",
    "CleanedPDF",
    "InvalidPDF",
    "PDFInfo",
    "SafePDF",
    "UncleanablePDF",
    "clean_pdf",
    "extract_text",
    "inspect_pdf",
    "is_tagged",
    "make_safe",
    "read_upload",
]

logger = logging.getLogger(__name__)

MAX_PAGES = 500  # of one uploaded PDF


class InvalidPDF(ValueError):
    """An uploaded file is not a PDF the portal can publish; the message says why, for the person
    who uploaded it."""


@dataclass(frozen=True)
class PDFInfo:
    page_count: int
    tagged: bool


def is_tagged(document):
    """Whether a pikepdf document says it is tagged and has the structure tree to show for it."""
    mark_info = document.Root.get("/MarkInfo")
    return (
        "/StructTreeRoot" in document.Root
        and isinstance(mark_info, Dictionary)
        and bool(mark_info.get("/Marked", False))
    )


def inspect_pdf(data):
    """Check that ``data`` is a PDF pikepdf can open, unencrypted, with 1 to ``MAX_PAGES``
    pages; count its pages and say whether it is tagged. Raises ``InvalidPDF``."""
    if not data.startswith(b"%PDF-"):
        raise InvalidPDF("The file must be a PDF: this one is not, whatever its name says.")
    try:
        with pikepdf.open(io.BytesIO(data)) as document:
            if document.is_encrypted:
                raise InvalidPDF("The PDF is password protected: upload an unprotected copy.")
            count = len(document.pages)
            tagged = is_tagged(document)
    except pikepdf.PasswordError as error:
        raise InvalidPDF("The PDF is password protected: upload an unprotected copy.") from error
    except pikepdf.PdfError as error:
        raise InvalidPDF("The PDF is damaged and cannot be opened.") from error
    if count == 0:
        raise InvalidPDF("The PDF has no pages.")
    if count > MAX_PAGES:
        raise InvalidPDF(f"The PDF has {count} pages; the most a paper may have is {MAX_PAGES}.")
    return PDFInfo(page_count=count, tagged=tagged)


def read_upload(upload, *, limit):
    """The bytes of an uploaded PDF of at most ``limit`` bytes, once its name and its content
    say it is a PDF the portal can publish (``inspect_pdf``), so a renamed Word file or a
    truncated upload is refused; the upload is left at its start. Raises ``InvalidPDF``."""
    if upload.size > limit:
        raise InvalidPDF(too_large(upload, limit))
    if not upload.name.lower().endswith(".pdf"):
        raise InvalidPDF("The file must be a PDF (its name should end in .pdf).")
    upload.seek(0)
    try:
        data = upload.read()
    finally:
        upload.seek(0)
    inspect_pdf(data)
    return data


def extract_text(source, *, max_chars=None, max_pages=None):
    """The text inside a PDF, for search: ``source`` is its bytes or a stored file (opened
    here). At most ``max_chars`` characters, from at most ``max_pages`` pages; "" when it has
    none (a scan) or cannot be read, which is logged: a damaged PDF must not stop a
    publication or a release, whose other text still counts."""
    from pypdf import PdfReader

    try:
        with io.BytesIO(source) if isinstance(source, bytes) else source.open("rb") as handle:
            parts, size = [], 0
            for page in PdfReader(handle).pages[:max_pages]:
                text = page.extract_text() or ""
                parts.append(text)
                size += len(text)
                if max_chars is not None and size > max_chars:
                    break
    except Exception:  # pypdf raises many kinds of error on a damaged file
        name = "an uploaded PDF" if isinstance(source, bytes) else source.name
        logger.warning("could not read the text of %s", name, exc_info=True)
        return ""
    return "\n".join(parts)[:max_chars]


@dataclass(frozen=True)
class SafePDF:
    """An uploaded PDF made safe to publish: the cleaned copy, the only one ever served, what
    cleaning removed, and the cleaned copy's pages and tags."""

    content: bytes
    removed: tuple
    page_count: int
    tagged: bool


def make_safe(data):
    """``data`` cleaned (``clean_pdf``) and the cleaned copy inspected (``inspect_pdf``), as
    every uploaded PDF is before it is kept. Raises ``InvalidPDF``, saying what to do."""
    try:
        cleaned = clean_pdf(data)
    except UncleanablePDF as error:
        raise InvalidPDF(
            "The PDF could not be checked for scripts and embedded files: save it again as a "
            "PDF and upload that copy."
        ) from error
    info = inspect_pdf(cleaned.content)
    return SafePDF(
        content=cleaned.content,
        removed=cleaned.removed,
        page_count=info.page_count,
        tagged=info.tagged,
    )
