"""Releasing a reviewed month of spending whole, with the chosen redactions in every public
channel, by a decision maker alone; or discarding it, leaving nothing; one draft a month."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from pcc_portal.errors import InvalidTransition
from tests.accounts.factories import reauthenticate
from tests.transparency.spending_review_helpers import (
    MISSED,
    NAMES,
    OCTOBER,
    ORGANISATION,
    UNFLAGGED_PERSON,
    _file,
    _public_channels,
    _review,
    _row,
    _surnames,
)
from transparency import services
from transparency.models import Payment, SearchEntry, SpendingUpload


@pytest.mark.django_db
def test_release_applies_the_chosen_redactions_in_every_public_channel(
    client, editor, decision_maker, draft
):
    published_flag = _row(draft, "Sir Galahad Cleaning Ltd")
    unflagged_person = _row(draft, "Olive Stanmore")
    redact = [p for p in draft.payments.all() if p.is_flagged and p != published_flag]
    client.force_login(editor)
    reauthenticate(client)
    response = _review(
        client,
        draft,
        redact=[*redact, unflagged_person],
        reason="A registered company named after its founder.",
    )
    assert response.status_code == 302
    published_flag.refresh_from_db()
    assert not published_flag.is_redacted
    assert published_flag.name_published_because == "A registered company named after its founder."

    client.force_login(decision_maker)
    reauthenticate(client)
    response = client.post(reverse("transparency_manage:spending_release", args=[draft.pk]))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_public
    assert draft.redacted_count == len(MISSED) + 1

    # The names redacted are kept nowhere; the rest are public whole.
    stored = " ".join(Payment.objects.values_list("supplier", flat=True))
    for name in [*NAMES, "Olive Stanmore"]:
        assert name not in stored
    client.logout()
    hidden = [*_surnames(NAMES), "Stanmore"]
    bodies = _public_channels(client, [*hidden, "Galahad", "Stationers"])
    for url, body in bodies.items():
        for word in hidden:
            assert word not in body, f"{word} leaked at {url}"
    for url in ("/transparency/spending/", "/transparency/spending.csv"):
        assert "Redacted: payment to an individual" in bodies[url]
        assert "Sir Galahad Cleaning Ltd" in bodies[url]
        assert "Sample Stationers Ltd" in bodies[url]
    assert "Spending over £500, October 2025" in bodies["/search/?q=Galahad"]
    for word in hidden:
        assert "0 results" in bodies[f"/search/?q={word}"], word
    # Every row is public at once: the month is released whole.
    assert Payment.objects.public().count() == draft.row_count == len(MISSED) + 3


@pytest.mark.django_db
def test_release_withdraws_the_upload_it_replaces_in_the_same_step(decision_maker):
    first = services.upload_spending(
        month=OCTOBER, content=_file(ORGANISATION), filename="first.csv", by=decision_maker
    )
    services.release_spending(upload=first, by=decision_maker)
    second = services.upload_spending(
        month=OCTOBER, content=_file(UNFLAGGED_PERSON), filename="second.csv", by=decision_maker
    )
    assert list(Payment.objects.public().values_list("supplier", flat=True)) == [ORGANISATION[0]]
    services.release_spending(upload=second, by=decision_maker)
    first.refresh_from_db()
    assert first.withdrawal() is not None
    assert list(Payment.objects.public().values_list("supplier", flat=True)) == ["Olive Stanmore"]
    assert SearchEntry.objects.filter(kind="spending").count() == 1


@pytest.mark.django_db
def test_a_release_is_recorded_in_the_uploads_history_with_the_reauthentication(decision_maker):
    upload = services.upload_spending(
        month=OCTOBER, content=_file(ORGANISATION), filename="october.csv", by=decision_maker
    )
    at = timezone.now()
    services.release_spending(upload=upload, by=decision_maker, reauthenticated_at=at)
    record = upload.history.first()
    assert record.history_change_reason == (
        f"Released by {decision_maker}; re-authenticated at {timezone.localtime(at):%H:%M:%S}"
    )
    assert record.history_user == decision_maker


@pytest.mark.django_db
def test_a_discarded_draft_leaves_nothing(client, editor, draft):
    client.force_login(editor)
    response = client.post(reverse("transparency_manage:spending_discard", args=[draft.pk]))
    assert response.status_code == 302
    assert not SpendingUpload.objects.exists()
    assert not Payment.objects.exists()
    assert not SearchEntry.objects.filter(kind="spending").exists()
    assert draft.history.first().history_type == "-"  # the record says who discarded it
    assert draft.history.first().history_change_reason == f"Discarded by {editor}"
    client.logout()
    words = [*_surnames(NAMES), "Stanmore", "Stationers"]
    for url, body in _public_channels(client, words).items():
        for word in words:
            assert word not in body, f"{word} leaked at {url}"
    # The month can be uploaded afresh.
    services.upload_spending(
        month=OCTOBER, content=_file(ORGANISATION), filename="x.csv", by=editor
    )


@pytest.mark.django_db
def test_an_editor_without_the_permission_gets_403_on_release(client, editor, draft):
    assert not editor.has_perm("transparency.publish_spendingupload")
    client.force_login(editor)
    response = client.post(reverse("transparency_manage:spending_release", args=[draft.pk]))
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.is_draft
    with pytest.raises(PermissionDenied):
        services.release_spending(upload=draft, by=editor)


@pytest.mark.django_db
def test_a_released_month_is_not_changed_discarded_or_released_again(decision_maker, draft):
    services.release_spending(upload=draft, by=decision_maker)
    for action in (
        lambda: services.release_spending(upload=draft, by=decision_maker),
        lambda: services.discard_spending(upload=draft, by=decision_maker),
        lambda: services.choose_spending_redactions(
            upload=draft, rows=[], redact=[], by=decision_maker
        ),
    ):
        with pytest.raises(InvalidTransition):
            action()


@pytest.mark.django_db
def test_a_month_has_one_draft_at_a_time(client, editor, draft):
    with pytest.raises(services.SpendingDraftExists):
        services.upload_spending(
            month=OCTOBER, content=_file(ORGANISATION), filename="again.csv", by=editor
        )
    client.force_login(editor)
    response = client.post(
        reverse("transparency_manage:spending"),
        {"month": "2025-10", "file": SimpleUploadedFile("again.csv", _file(ORGANISATION))},
    )
    assert response.status_code == 400
    assert "October 2025 already has a draft" in response.content.decode()
    assert SpendingUpload.objects.count() == 1
