"""Spending over £500 is reviewed before release: an upload is a draft that no public channel
shows, its preview flags the rows that may name a person and why, staff confirm or change each
flag, and a decision maker releases the month whole (or it is discarded, leaving nothing)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from pcc_portal.errors import InvalidTransition
from tests.accounts.factories import reauthenticate
from transparency import services
from transparency.models import Payment, SearchEntry, SpendingUpload
from transparency.redaction import redaction_flags
from transparency.views import manage_spending

OCTOBER = datetime.date(2025, 10, 1)
HEADING = "Date,Transaction number,Supplier,Supplier type,Expense type,Service area,Amount\n"

# What a tester saw published and searchable: each of these rows names a person.
MISSED = {
    "a title with a dot and no space": ("Mr.John Quillfeather", "", "Travel", "title “Mr”"),
    "a doctor with a dot and no space": ("Dr.Jane Brackenbury", "", "Travel", "title “Dr”"),
    "a title in capitals": ("MR J OAKSHOTT", "", "Travel", "title “Mr”"),
    "an initial and a surname": ("J Thistlewood", "", "Travel", "initials and a surname"),
    "initials with dots": ("J. A. Pemberwick", "", "Travel", "initials and a surname"),
    "a plain personal name": (
        "Nora Fenwicke",
        "",
        "Interpreter fees",
        "reads as a person's, and the expense type “Interpreter fees”",
    ),
    "a self-employed supplier": (
        "Harrowgate Joinery",
        "Self-employed",
        "Building maintenance",
        "supplier type “Self-employed” means a person",
    ),
    "a compensation payment": (
        "Ada Wrenfield",
        "",
        "Compensation payments",
        "expense type “Compensation payments” is paid to people",
    ),
    "a witness payment": (
        "Eli Marchbank",
        "",
        "Witness expenses",
        "expense type “Witness expenses” is paid to people",
    ),
    "an allowance": ("Pip Ravensworth", "", "Allowances", "expense type “Allowances”"),
    "a refund to an individual": (
        "Ida Coldharbour",
        "",
        "Refund to an individual",
        "expense type “Refund to an individual”",
    ),
}
NAMES = [supplier for supplier, *_ in MISSED.values()]


@pytest.mark.parametrize(
    ("supplier", "supplier_type", "expense_type", "reason"), MISSED.values(), ids=MISSED.keys()
)
def test_the_rule_flags_each_case_it_missed_and_says_why(
    supplier, supplier_type, expense_type, reason
):
    flags = redaction_flags(
        supplier=supplier, supplier_type=supplier_type, expense_type=expense_type
    )
    assert any(reason in flag for flag in flags), flags
    assert not any(supplier in flag for flag in flags)  # the reason never repeats the name


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"supplier": "Smith, Mrs Jane"}, "title “Mrs”"),
        ({"supplier": "SMITH J MR"}, "title “Mr”"),
        ({"supplier": "Prof. Ann Smith"}, "title “Prof”"),
        ({"supplier": "Smith J A"}, "initials and a surname"),
        ({"supplier": "Anyone", "supplier_type": "Sole trader"}, "means a person"),
        ({"supplier": "Anyone", "supplier_type": "Private individual"}, "means a person"),
        ({"supplier": "REDACTED - PERSONAL DATA"}, "marks the payee as an individual"),
        ({"supplier": "Sample Ltd", "marked_as_individual": "Yes"}, "marks the payee"),
    ],
)
def test_the_rule_reads_titles_initials_types_and_marks_every_way_files_write_them(row, reason):
    assert any(reason in flag for flag in redaction_flags(**row))


@pytest.mark.parametrize(
    "row",
    [
        {"supplier": "Sample Stationers Ltd", "supplier_type": "Company", "expense_type": "Fuel"},
        {"supplier": "Lancashire County Council", "expense_type": "Grants"},
        {"supplier": "Drake Cleaning Ltd"},
        {"supplier": "Mission Church Trust"},
        {"supplier": "E.ON"},
        {"supplier": "Vodafone UK"},
        {"supplier": "Jane Doe Catering", "expense_type": "Catering"},
        # A plain name alone is not enough: nothing about the payment suggests a person.
        {"supplier": "Sample Supplies", "supplier_type": "Company", "expense_type": "Fuel"},
    ],
)
def test_the_rule_leaves_organisations_alone(row):
    assert redaction_flags(**row) == []


def _file(*rows):
    lines = [
        f"{day:02d}/10/2025,T{day},{supplier},{kind},{expense},Office,{600 + day}.00\n"
        for day, (supplier, kind, expense, *_) in enumerate(rows, start=1)
    ]
    return (HEADING + "".join(lines)).encode()


ORGANISATION = ("Sample Stationers Ltd", "Company", "Stationery")
UNFLAGGED_PERSON = ("Olive Stanmore", "Company", "Stationery")
FLAGGED_ORGANISATION = ("Sir Galahad Cleaning Ltd", "Company", "Cleaning")


@pytest.fixture
def draft(editor):
    content = _file(*MISSED.values(), ORGANISATION, UNFLAGGED_PERSON, FLAGGED_ORGANISATION)
    return services.upload_spending(
        month=OCTOBER, content=content, filename="october.csv", by=editor
    )


def _row(draft, supplier):
    return draft.payments.get(supplier=supplier)


def _public_channels(client, words):
    """Every public response that could carry a payment: the register page, its CSV and JSON,
    search for each word, the sitemap, the transparency feed and the index."""
    urls = [
        "/transparency/spending/",
        "/transparency/spending/?month=2025-10",
        "/transparency/spending.csv",
        "/transparency/spending.json",
        "/sitemap.xml",
        "/alerts/transparency/feed/",
        "/transparency/",
    ] + [f"/search/?q={word}" for word in words]
    bodies = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.getvalue().decode()
        if url.startswith("/search/"):
            body = body.replace(url.split("q=")[1], "")  # the query itself, echoed
        bodies[url] = body
    return bodies


def _surnames(names):
    """The word of each name that nothing else on a public page says."""
    return [max(name.replace(".", " ").split(), key=len) for name in names]


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


def _review(client, draft, *, redact, reason="", query=""):
    return client.post(
        draft.get_manage_url() + query,
        {"redact": [str(p.pk) for p in redact], "reason": reason},
    )


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
    assert "Page 2 of 3" in page
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
