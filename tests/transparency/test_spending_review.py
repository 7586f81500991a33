"""Spending over £500 is reviewed before release: an upload is a draft that no public channel
shows, its preview flags the rows that may name a person and why, and staff confirm or change
each flag, a page at a time. Releasing or discarding the month is in test_spending_release.py."""

import pytest
from django.urls import reverse

from tests.transparency.spending_review_helpers import (
    HEADING,
    MISSED,
    NAMES,
    OCTOBER,
    _public_channels,
    _review,
    _row,
    _surnames,
)
from transparency import services
from transparency.models import Payment, SearchEntry
from transparency.views import manage_spending


@pytest.mark.django_db
def test_an_uploaded_file_is_a_draft_with_every_missed_case_flagged(draft):
    assert draft.is_draft
    for key, (supplier, _kind, _expense, reason) in MISSED.items():
        row = _row(draft, supplier)
        assert row.is_redacted, key  # flagged rows start set to be redacted
        assert any(reason in flag for flag in row.redaction_flags), (key, row.redaction_flags)
    for supplier in ("Sample Stationers Ltd", "Olive Stanmore"):
        row = _row(draft, supplier)
        assert not row.is_flagged and not row.is_redacted
    assert draft.redacted_count == len(MISSED) + 1  # with the cleaning company's "Sir"


@pytest.mark.django_db
def test_an_unreviewed_upload_is_in_no_public_channel(client, draft):
    words = [*_surnames(NAMES), "Stanmore", "Stationers"]
    for url, body in _public_channels(client, words).items():
        for word in words:
            assert word not in body, f"{word} leaked at {url}"
        if url.startswith("/search/"):
            assert "0 results" in body, url
    assert not SearchEntry.objects.filter(kind="spending").exists()
    assert not Payment.objects.public().exists()
    assert "T1" not in client.get("/transparency/spending.csv").getvalue().decode()


@pytest.mark.django_db
def test_the_preview_shows_every_row_with_its_flags_and_why(client, editor, draft):
    client.force_login(editor)
    page = client.get(draft.get_manage_url()).content.decode()
    for supplier in [*NAMES, "Sample Stationers Ltd", "Olive Stanmore"]:
        assert supplier in page
    assert page.count(">Flagged</strong>") == len(MISSED) + 1
    assert "The expense type “Witness expenses” is paid to people." in page
    assert page.count(" checked>") == len(MISSED) + 1
    assert "Release this month's spending" in page  # the heading; the button is not theirs
    assert 'action="/manage/transparency/spending/' in page
    assert f'action="{reverse("transparency_manage:spending_release", args=[draft.pk])}"' not in (
        page
    )


@pytest.mark.django_db
def test_the_form_is_shown_again_with_its_error_and_the_ticks_kept(client, editor, draft):
    flagged = _row(draft, "Nora Fenwicke")
    unflagged_person = _row(draft, "Olive Stanmore")
    redact = [p for p in draft.payments.all() if p.is_flagged and p != flagged]
    client.force_login(editor)
    response = _review(client, draft, redact=[*redact, unflagged_person])
    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Error: " in page
    assert "There is a problem" in page
    assert f"Say why the names the rule flagged may be published (row {flagged.row_number})" in page
    # What was ticked is kept, what was unticked is kept unticked, and nothing is saved.
    assert f'value="{unflagged_person.pk}" checked' in page
    assert f'value="{flagged.pk}" checked' not in page
    for payment in redact:
        assert f'value="{payment.pk}" checked' in page
    flagged.refresh_from_db()
    unflagged_person.refresh_from_db()
    assert flagged.is_redacted and not unflagged_person.is_redacted

    response = _review(client, draft, redact=[*redact, unflagged_person], reason="A trader's name")
    assert response.status_code == 302
    flagged.refresh_from_db()
    unflagged_person.refresh_from_db()
    assert not flagged.is_redacted and unflagged_person.is_redacted
    assert flagged.name_published_because == "A trader's name"


@pytest.mark.django_db
def test_a_row_from_elsewhere_is_refused_with_the_ticks_kept(client, editor, draft, monkeypatch):
    monkeypatch.setattr(manage_spending, "PREVIEW_PAGE_SIZE", 5)
    first_page = list(draft.payments.order_by("row_number")[:5])
    elsewhere = draft.payments.order_by("row_number")[7]
    client.force_login(editor)
    response = _review(client, draft, redact=[*first_page, elsewhere], query="?page=1")
    assert response.status_code == 400
    page = response.content.decode()
    assert "A row ticked is not on this page any more" in page
    assert f'value="{first_page[0].pk}" checked' in page
    elsewhere.refresh_from_db()
    assert elsewhere.is_redacted  # unchanged


@pytest.mark.django_db
def test_a_long_preview_is_paginated_and_each_page_saves_only_its_rows(
    client, editor, draft, monkeypatch
):
    monkeypatch.setattr(manage_spending, "PREVIEW_PAGE_SIZE", 5)
    rows = list(draft.payments.order_by("row_number"))
    client.force_login(editor)
    page = client.get(draft.get_manage_url() + "?page=2").content.decode()
    assert 'href="?page=2" aria-label="Page 2" aria-current="page"' in page
    assert 'href="?page=3" aria-label="Page 3"' in page
    assert rows[5].supplier in page and rows[0].supplier not in page
    # Page 2's form unticks its rows; page 1's are not touched.
    response = _review(client, draft, redact=[], reason="Checked with finance", query="?page=2")
    assert response.status_code == 302
    assert response["Location"] == draft.get_manage_url() + "?page=2"
    assert [p.is_redacted for p in draft.payments.order_by("row_number")][:5] == [True] * 5
    assert not draft.payments.filter(pk__in=[p.pk for p in rows[5:10]], is_redacted=True).exists()
    # The flagged rows alone.
    monkeypatch.setattr(manage_spending, "PREVIEW_PAGE_SIZE", 100)
    page = client.get(draft.get_manage_url() + "?show=flagged").content.decode()
    assert page.count('name="redact"') == len(MISSED) + 1
    assert "Olive Stanmore" not in page and "Nora Fenwicke" in page


@pytest.mark.django_db
def test_the_preview_reads_a_long_file_in_a_few_queries(
    client, editor, django_assert_max_num_queries
):
    lines = "".join(f"01/10/2025,{n},J Sample{n},,Travel,,600\n" for n in range(300))
    upload = services.upload_spending(
        month=OCTOBER, content=(HEADING + lines).encode(), filename="long.csv", by=editor
    )
    client.force_login(editor)
    with django_assert_max_num_queries(15):
        response = client.get(upload.get_manage_url())
    assert response.content.decode().count('name="redact"') == manage_spending.PREVIEW_PAGE_SIZE
