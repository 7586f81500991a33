"""Spending over £500: a month's file is taken whole or not at all, naming bad rows, as a draft;
released, it is public with the payments to individuals redacted. The review between the two is
in test_spending_review.py."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pcc_portal import tables
from pcc_portal.publications import services as publications
from tests.spreadsheets import csv_rows, listed_problems, with_doctype, xlsx_bytes
from transparency import services, spending
from transparency.models import Payment, SpendingUpload
from transparency.redaction import is_payment_to_individual

OCTOBER = datetime.date(2025, 10, 1)
HEADING = "Date,Transaction number,Supplier,Supplier type,Expense type,Service area,Amount\n"
GOOD = (
    HEADING
    + "01/10/2025,100234,Sample Stationers Ltd,Company,Stationery,Office,612.40\n"
    + "07/10/2025,100235,Mrs Jane Example,,Travel,Office,740.00\n"
    + "14/10/2025,100236,A Person,Individual,Consultancy,Commissioning,1200.00\n"
    + "21/10/2025,100237,Sample Victim Support,Charity,Compensation,Victims,980.00\n"
    + '28/10/2025,100238,Sample Youth Trust,Charity,Grants,Community safety,"12,500.00"\n'
)


def _upload(content, by, filename="october-2025.csv", month=OCTOBER):
    return services.upload_spending(
        month=month,
        content=content.encode() if isinstance(content, str) else content,
        filename=filename,
        by=by,
    )


def _release(content, by, **kwargs):
    """Upload a file and release it as the rule flagged it."""
    return services.release_spending(upload=_upload(content, by, **kwargs), by=by)


@pytest.mark.django_db
def test_a_good_file_is_taken_whole_as_a_draft_and_released_whole(editor, decision_maker):
    upload = _upload(GOOD, editor)
    assert upload.is_draft
    assert upload.row_count == 5
    assert upload.total == Decimal("16032.40")
    assert Payment.objects.count() == 5
    assert Payment.objects.public().count() == 0
    upload = services.release_spending(upload=upload, by=decision_maker)
    assert upload.is_public
    assert Payment.objects.public().count() == 5


@pytest.mark.django_db
def test_a_file_with_one_bad_row_is_rejected_whole_and_names_the_row(editor):
    bad = GOOD + "31/10/2025,100239,Sample Fuel Ltd,Company,Fuel,Fleet,not a number\n"
    with pytest.raises(services.SpendingFileInvalid) as raised:
        _upload(bad, editor)
    assert [(e.row, e.column, e.message) for e in raised.value.errors] == [
        (7, "Amount", "“not a number” is not a number.")
    ]
    assert SpendingUpload.objects.count() == 0
    assert Payment.objects.count() == 0


@pytest.mark.django_db
def test_a_payment_is_dated_as_every_import_reads_a_day(editor):
    """Finance systems export a day as a name, a short year or with a time: the spending file
    reads it as the other imports do."""
    upload = _upload(
        HEADING
        + "1 Oct 2025,100234,Sample Stationers Ltd,Company,Stationery,Office,612.40\n"
        + "07/10/25,100235,Sample Fuel Ltd,Company,Fuel,Fleet,740.00\n"
        + "14/10/2025 00:00:00,100236,Sample Print Ltd,Company,Printing,Office,1200.00\n",
        editor,
    )
    assert sorted(upload.payments.values_list("paid_on", flat=True)) == [
        datetime.date(2025, 10, 1),
        datetime.date(2025, 10, 7),
        datetime.date(2025, 10, 14),
    ]


@pytest.mark.django_db
def test_every_problem_is_reported_with_its_row(editor):
    bad = (
        HEADING
        + "01/11/2025,1,Sample Ltd,,Stationery,,600\n"  # wrong month
        + "02/10/2025,2,Sample Ltd,,Stationery,,499.99\n"  # not over £500
        + "03/10/2025,2,,,Stationery,,700\n"  # duplicate transaction, blank supplier
    )
    with pytest.raises(services.SpendingFileInvalid) as raised:
        _upload(bad, editor)
    assert [(e.row, e.column, e.message) for e in raised.value.errors] == [
        (2, "Date", "01/11/2025 is not in October 2025."),
        (3, "Amount", "£499.99 is not over £500: leave the row out."),
        (4, "Supplier", "The supplier is blank."),
        (4, "Transaction number", "Transaction 2 is also on row 3."),
    ]


@pytest.mark.django_db
def test_a_file_missing_a_column_is_rejected_before_any_row(editor):
    with pytest.raises(services.SpendingFileInvalid) as raised:
        _upload("Date,Supplier,Amount\n01/10/2025,Sample,600\n", editor)
    [error] = raised.value.errors
    assert error.row == 1  # the headings
    assert error.message.endswith("missing: Expense type, Transaction number.")


def test_the_redaction_rule_catches_individuals():
    assert is_payment_to_individual(supplier="Mr John Smith")
    assert is_payment_to_individual(supplier="Dr. A Jones")
    assert is_payment_to_individual(supplier="A Person", supplier_type="Individual")
    assert is_payment_to_individual(supplier="Anyone", expense_type="Witness expenses")
    assert not is_payment_to_individual(supplier="Mrs Miggins Pies Ltd".replace("Mrs ", ""))
    assert not is_payment_to_individual(supplier="Lancashire County Council")


@pytest.mark.django_db
def test_payments_to_individuals_are_released_redacted_and_their_names_not_kept(
    client, decision_maker
):
    _release(GOOD, decision_maker)
    assert Payment.objects.filter(is_redacted=True).count() == 3
    stored = " ".join(Payment.objects.values_list("supplier", flat=True))
    assert "Jane Example" not in stored and "A Person" not in stored
    for url in (
        "/transparency/spending/",
        "/transparency/spending.csv",
        "/transparency/spending.json",
    ):
        response = client.get(url)
        body = response.getvalue().decode()
        assert "Jane Example" not in body
        assert "Redacted: payment to an individual" in body
        assert "Sample Stationers Ltd" in body


@pytest.mark.django_db
def test_an_xlsx_file_is_read_like_a_csv(editor):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Date", "Transaction number", "Supplier", "Expense type", "Amount"])
    excel_date = datetime.datetime(2025, 10, 3)  # noqa: DTZ001 (spreadsheets have no zones)
    sheet.append([excel_date, 5001, "Sample Fuel Ltd", "Fuel", 810.5])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = _upload(buffer.getvalue(), editor, filename="october.xlsx")
    payment = upload.payments.get()
    assert payment.reference == "5001"
    assert payment.amount == Decimal("810.50")
    assert payment.paid_on == datetime.date(2025, 10, 3)


@pytest.mark.django_db
def test_a_new_release_for_a_month_replaces_the_old_one_which_stays_on_record(decision_maker):
    first = _release(GOOD, decision_maker)
    second = _upload(HEADING + "02/10/2025,9,Sample Ltd,,Stationery,,650\n", decision_maker)
    # Until the new file is released, the month's published upload stays public.
    assert Payment.objects.public().count() == 5
    second = services.release_spending(upload=second, by=decision_maker)
    first.refresh_from_db()
    assert first.withdrawal() is not None
    assert second.is_public
    assert list(Payment.objects.public().values_list("reference", flat=True)) == ["9"]
    assert first.history.count() == 2  # uploaded, released
    assert first.withdrawal().reason.startswith("Replaced by the file for October 2025")


@pytest.mark.django_db
def test_staff_read_a_months_state_alike_on_the_list_and_its_page(client, decision_maker):
    """The list called every release no longer public "Replaced", one withdrawn as published
    in error included, while its own page called it "Withdrawn"."""
    withdrawn = _release(GOOD, decision_maker)
    publications.withdraw(obj=withdrawn, by=decision_maker, reason="Published in error.")
    november, december = (GOOD.replace("/10/2025", f"/{m}/2025") for m in (11, 12))
    released = _release(november, decision_maker, month=datetime.date(2025, 11, 1))
    draft = _upload(december, decision_maker, month=datetime.date(2025, 12, 1))
    client.force_login(decision_maker)
    listed = client.get(reverse("transparency_manage:spending")).content.decode()
    for upload, tag in (
        (withdrawn, '<strong class="govuk-tag govuk-tag--grey">Withdrawn</strong>'),
        (released, '<strong class="govuk-tag govuk-tag--green">Released</strong>'),
        (draft, '<strong class="govuk-tag govuk-tag--blue">Draft: not public</strong>'),
    ):
        page = reverse("transparency_manage:spending_detail", kwargs={"pk": upload.pk})
        assert tag in client.get(page).content.decode()
        assert tag in listed
    assert "Replaced" not in listed


@pytest.mark.django_db
def test_staff_see_every_bad_row_and_lose_nothing(client, editor):
    client.force_login(editor)
    bad = GOOD + "31/10/2025,100239,Sample Fuel Ltd,Company,Fuel,Fleet,abc\n"
    response = client.post(
        reverse("transparency_manage:spending"),
        {
            "month_0": "10",
            "month_1": "2025",
            "file": SimpleUploadedFile("october.csv", bad.encode()),
        },
    )
    page = response.content.decode()
    assert response.status_code == 400  # the form again, with its errors
    assert "Error: " in page
    assert "The file was not taken: 1 problem in 1 row, listed below." in page
    assert listed_problems(page) == [["7", "Amount", "“abc” is not a number."]]
    assert 'name="month_0" value="10"' in page and 'name="month_1" value="2025"' in page
    response = client.post(
        reverse("transparency_manage:spending"),
        {"month": "2025-10", "file": SimpleUploadedFile("october.csv", GOOD.encode())},
    )
    assert response.status_code == 302
    assert SpendingUpload.objects.get().is_draft


@pytest.mark.django_db
def test_the_spending_csv_quotes_text_a_spreadsheet_would_run(client, decision_maker):
    hostile = (
        HEADING
        + '01/10/2025,100234,"=HYPERLINK(""http://evil.example"",""Click"")",Company,'
        + "-2+3,@SUM(A1:A2),612.40\n"
    )
    _release(hostile, decision_maker)
    response = client.get("/transparency/spending.csv")
    [row] = csv_rows(response)
    assert row["Supplier"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert row["Expense type"] == "'-2+3"
    assert row["Service area"] == "'@SUM(A1:A2)"
    assert row["Amount"] == "612.40"


HOSTILE_WORKBOOKS = {
    # The sheet uses an external entity: the XML parser stops on it.
    "entity in the sheet": {"replace": ("<t>Supplier</t>", "<t>&xxe;</t>")},
    # A DTD alone is read without complaint by the parser; no real workbook has one.
    "a DTD alone": {"member": "[Content_Types].xml", "doctype": "<!DOCTYPE Types>"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("hostile", HOSTILE_WORKBOOKS.values(), ids=HOSTILE_WORKBOOKS.keys())
def test_a_workbook_with_a_dtd_is_refused_as_not_a_valid_workbook(client, editor, hostile):
    workbook = with_doctype(
        xlsx_bytes(
            [
                ["Date", "Transaction number", "Supplier", "Expense type", "Amount"],
                ["03/10/2025", 5001, "Sample Fuel Ltd", "Fuel", 810.5],
            ]
        ),
        **hostile,
    )
    client.force_login(editor)
    response = client.post(
        reverse("transparency_manage:spending"),
        {"month": "2025-10", "file": SimpleUploadedFile("october.xlsx", workbook)},
    )
    assert response.status_code == 400
    assert "The file is not a valid Excel workbook" in response.content.decode()
    assert not SpendingUpload.objects.exists()


@pytest.mark.django_db
def test_only_the_first_bad_rows_are_listed_with_the_total(client, editor, monkeypatch):
    monkeypatch.setattr(tables, "MAX_ERROR_ROWS", 50)
    rows = "".join(f"01/10/2025,{n},Sample Fuel Ltd,,Fuel,,abc\n" for n in range(3000))
    client.force_login(editor)
    response = client.post(
        reverse("transparency_manage:spending"),
        {"month": "2025-10", "file": SimpleUploadedFile("october.csv", (HEADING + rows).encode())},
    )
    page = response.content.decode()
    assert (
        "The file was not taken: 3,000 problems in 3,000 rows; the first 50 rows with problems "
        "are listed below."
    ) in page
    assert "(the first 50 of 3,000 rows with problems)" in page
    assert len(listed_problems(page)) == 50


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("limit", "message"),
    [("MAX_ROWS", "more than 1,000 rows"), ("MAX_BYTES", "larger than 1000")],
)
def test_a_file_over_the_limits_is_refused_whole(editor, monkeypatch, limit, message):
    monkeypatch.setattr(spending, limit, 1000)
    rows = "".join(f"01/10/2025,{n},Sample Fuel Ltd,,Fuel,,600\n" for n in range(3000))
    with pytest.raises(services.SpendingFileInvalid) as raised:
        _upload(HEADING + rows, editor)
    [error] = raised.value.errors
    assert (error.row, error.column) == (0, "")  # the file as a whole
    assert message in error.message
    assert not SpendingUpload.objects.exists()


@pytest.mark.django_db
def test_a_csv_with_nul_bytes_is_refused(editor):
    # PostgreSQL cannot store text with a NUL byte in it: the upload crashed there.
    with pytest.raises(services.SpendingFileInvalid) as raised:
        _upload(HEADING + "01/10/2025,100234,Sample\x00 Ltd,Company,Fuel,Fleet,612.40\n", editor)
    assert [error.message for error in raised.value.errors] == [
        "This is not a CSV file: it contains binary data."
    ]
    assert not Payment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("amount", "problem"),
    [
        ("1e20", "“1e20” is too large."),  # the database refused it: a 500
        ("NaN", "“NaN” is not a number."),  # compared with £500, it raised
        ("-Infinity", "“-Infinity” is not a number."),
    ],
)
def test_an_amount_that_cannot_be_stored_is_a_row_error(editor, amount, problem):
    with pytest.raises(services.SpendingFileInvalid) as raised:
        _upload(HEADING + f"01/10/2025,100234,Sample Ltd,Company,Fuel,Fleet,{amount}\n", editor)
    assert [(e.row, e.column, e.message) for e in raised.value.errors] == [(2, "Amount", problem)]
