"""Checking an uploaded PDF and reading its text: one pikepdf check for every upload (papers,
imported notices, decision attachments, transparency documents) and one text reader for search."""

import io

import pikepdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from decisions.models import validate_pdf
from pcc_portal.publications.pdf_safety import (
    MAX_PAGES,
    InvalidPDF,
    extract_text,
    inspect_pdf,
    read_upload,
)
from tests.publications.hostile_pdfs import tagged_pdf


def _blank_pdf(pages, *, password=""):
    document = pikepdf.new()
    for _ in range(pages):
        document.add_blank_page()
    output = io.BytesIO()
    encryption = pikepdf.Encryption(owner=password, user=password) if password else False
    document.save(output, encryption=encryption)
    return output.getvalue()


def test_a_pdf_is_counted_and_its_tags_noticed():
    info = inspect_pdf(tagged_pdf("Tagged"))
    assert info.page_count == 2 and info.tagged
    assert inspect_pdf(_blank_pdf(3)).page_count == 3 and not inspect_pdf(_blank_pdf(3)).tagged


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04 a word document", "whatever its name says"),
        (b"%PDF-1.7\n truncated", "damaged"),
        (_blank_pdf(0), "no pages"),
        (_blank_pdf(1, password="secret"), "password protected"),
        (_blank_pdf(MAX_PAGES + 1), f"the most a paper may have is {MAX_PAGES}"),
    ],
)
def test_a_file_that_cannot_be_published_as_a_pdf_is_refused_saying_why(content, message):
    with pytest.raises(InvalidPDF, match=message):
        inspect_pdf(content)


def test_a_decision_attachment_is_checked_by_the_same_rules_as_a_paper():
    """Attachments were checked by a second reader that let any number of pages through."""
    upload = SimpleUploadedFile("case.pdf", _blank_pdf(MAX_PAGES + 1), "application/pdf")
    with pytest.raises(ValidationError, match=f"the most a paper may have is {MAX_PAGES}"):
        validate_pdf(upload)
    assert upload.tell() == 0  # left ready for saving, had it passed
    validate_pdf(SimpleUploadedFile("case.pdf", _blank_pdf(2), "application/pdf"))


def test_an_upload_is_read_once_its_size_name_and_content_pass():
    """Papers, attachments, register copies and casework documents are all read this way."""
    pdf = _blank_pdf(1)
    upload = SimpleUploadedFile("Appendix A.PDF", pdf)
    assert read_upload(upload, limit=len(pdf)) == pdf
    assert upload.tell() == 0  # left ready for saving


@pytest.mark.parametrize(
    ("name", "content", "limit", "message"),
    [
        ("big.pdf", _blank_pdf(1), 100, "; the largest allowed is 100\xa0bytes."),
        ("case.docx", _blank_pdf(1), 10**6, "its name should end in .pdf"),
        ("case.pdf", b"PK\x03\x04 a renamed word document", 10**6, "whatever its name says"),
        ("case.pdf", _blank_pdf(0), 10**6, "no pages"),
    ],
)
def test_an_upload_that_fails_a_check_is_refused_saying_which(name, content, limit, message):
    with pytest.raises(InvalidPDF, match=message):
        read_upload(SimpleUploadedFile(name, content), limit=limit)


def test_a_pdfs_text_is_read_within_its_limits_and_a_damaged_one_gives_none(caplog):
    document = tagged_pdf("Findings of the review")
    assert "Findings of the review" in extract_text(document)
    assert extract_text(document, max_chars=8) == "Findings"
    assert extract_text(b"%PDF-1.7\n truncated") == ""
    assert "could not read the text of an uploaded PDF" in caplog.text
