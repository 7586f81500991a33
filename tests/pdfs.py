"""Reading PDFs in tests: the bytes of a stored one, and the text a reader searching a served or
stored one finds."""

import io

from pypdf import PdfReader


def stored_bytes(field):
    """The bytes of a stored file (a version's PDF, an uploaded paper)."""
    with field.open("rb") as handle:
        return handle.read()


def pdf_text(pdf):
    """The text of every page of ``pdf`` (the file's bytes, or the response that streams it), with
    its whitespace collapsed to single spaces, so a phrase is found wherever the PDF breaks a line
    or a page."""
    content = b"".join(pdf.streaming_content) if hasattr(pdf, "streaming_content") else pdf
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text() or "" for page in pages).split())
