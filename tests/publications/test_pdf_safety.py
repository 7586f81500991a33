"""Cleaning an uploaded PDF: every kind of active content goes, wherever it is planted, and the
text, the tags and the ordinary links stay."""

import io

import pikepdf
import pytest

from pcc_portal.publications.pdf_safety import InvalidPDF, UncleanablePDF, clean_pdf, make_safe
from tests.pdfs import pdf_text
from tests.publications.hostile_pdfs import (
    KEPT_LINKS,
    KINDS,
    active_content,
    every_hostile_thing,
    hostile_pdf,
    links,
    structure_elements,
    tagged_pdf,
)


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_of_active_content_is_removed_and_named(kind):
    planted = hostile_pdf(kind)
    assert active_content(planted), "the test PDF should carry what it plants"

    cleaned = clean_pdf(planted)

    assert active_content(cleaned.content) == []
    assert KINDS[kind][0] in cleaned.removed


def test_cleaning_keeps_the_text_the_tags_and_ordinary_links():
    original = tagged_pdf("HOSTILE")

    cleaned = clean_pdf(every_hostile_thing())

    assert active_content(cleaned.content) == []
    assert structure_elements(cleaned.content) == structure_elements(original) > 0
    with pikepdf.open(io.BytesIO(cleaned.content)) as document:
        assert document.Root.MarkInfo.Marked
        assert len(document.pages) == 2
        for page in document.pages:
            assert "/StructParents" in page.obj
    kept = links(cleaned.content)
    assert set(links(original)) <= set(kept)
    assert {*KEPT_LINKS, "internal"} <= set(kept)
    text = pdf_text(cleaned.content)
    assert "HOSTILE first page" in text and "HOSTILE ends here" in text


def test_everything_removed_is_named_once():
    cleaned = clean_pdf(every_hostile_thing())

    assert len(cleaned.removed) == len(set(cleaned.removed))
    for label in (
        "JavaScript",
        "an action that starts a program or opens a file",
        "a link that opens another file",
        "a form action that sends data",
        "a javascript: link",
        "an embedded file (invoice.exe)",
        "an embedded file (tender.exe)",
    ):
        assert label in cleaned.removed


def test_a_clean_pdf_has_nothing_removed():
    assert clean_pdf(tagged_pdf("CLEAN")).removed == ()


def test_a_script_chained_after_a_web_link_goes_and_the_link_stays():
    cleaned = clean_pdf(hostile_pdf("chained-javascript"))

    assert active_content(cleaned.content) == []
    assert links(cleaned.content).count(KEPT_LINKS[0]) == 2


def test_a_pdf_that_cannot_be_read_cannot_be_cleaned():
    with pytest.raises(UncleanablePDF):
        clean_pdf(b"%PDF-1.7\nnot really a pdf")


def test_an_upload_is_kept_as_its_cleaned_copy_with_that_copys_pages_and_tags():
    safe = make_safe(every_hostile_thing())
    assert active_content(safe.content) == []
    assert "JavaScript" in safe.removed
    assert safe.tagged and safe.page_count == 2  # the hostile PDF's two pages


def test_an_upload_that_cannot_be_cleaned_is_refused_saying_what_to_do():
    with pytest.raises(InvalidPDF, match="save it again as a PDF and upload that copy"):
        make_safe(b"%PDF-1.7\nnot really a pdf")
