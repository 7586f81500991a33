"""Before publishing, staff see what changes against the version the public reads now: lines
removed and added are marked, unchanged stretches folded away."""

import pytest
from django.urls import reverse

from pcc_portal.publications.diff import Line, record_changes, text_changes


def test_only_the_lines_that_changed_are_marked_with_a_little_context():
    old = "\n".join(f"Paragraph {n}." for n in range(1, 21))
    new = old.replace("Paragraph 10.", "Paragraph ten, reworded.") + "\nA closing line."
    lines = text_changes(old, new)
    assert [line for line in lines if line.kind in ("added", "removed")] == [
        Line("removed", "Paragraph 10."),
        Line("added", "Paragraph ten, reworded."),
        Line("added", "A closing line."),
    ]
    assert lines[0] == Line("gap", folded=7)
    assert Line("same", "Paragraph 9.") in lines and Line("same", "Paragraph 11.") in lines
    assert Line("same", "Paragraph 15.") not in lines  # folded away


def test_nothing_is_marked_when_nothing_changed_whatever_the_line_endings():
    assert text_changes("One.\nTwo.\n", "One.\r\nTwo.") == []


def test_a_records_fields_are_compared_field_by_field():
    lines = record_changes({"title": "Gift", "value": "£40"}, {"title": "Gift", "value": "£45"})
    assert [(line.kind, line.text) for line in lines if line.kind != "same"] == [
        ("removed", "value: £40"),
        ("added", "value: £45"),
    ]


@pytest.mark.django_db
def test_the_check_page_marks_what_changes_against_the_live_version(client, page, editor, publish):
    appoints = "The Commissioner appoints the Chief Constable."
    page.body = f"The Commissioner sets the police budget.\n\n{appoints}"
    page.save()
    publish(page, editor)
    page.body = f"The Commissioner sets the police budget and the precept.\n\n{appoints}"
    page.save()
    client.force_login(editor)
    html = client.get(reverse("pages_manage:publish", kwargs={"pk": page.pk})).content.decode()
    assert "What changes against version 1" in html
    assert "<del>The Commissioner sets the police budget.</del>" in html
    assert "<ins>The Commissioner sets the police budget and the precept.</ins>" in html
    assert "<ins>The Commissioner appoints the Chief Constable.</ins>" not in html


@pytest.mark.django_db
def test_the_check_page_says_when_the_text_is_unchanged_or_nothing_is_public(
    client, page, editor, publish
):
    client.force_login(editor)
    url = reverse("pages_manage:publish", kwargs={"pk": page.pk})
    assert "What changes against" not in client.get(url).content.decode()
    publish(page, editor)
    html = client.get(url).content.decode()
    assert "The text is the same as version 1: nothing the public reads changes." in html
