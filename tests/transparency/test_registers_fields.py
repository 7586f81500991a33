"""The registers with every field the Order asks for (issue #16): spending's purpose, value for
money, plan priority and the Chief Constable's spending as a second marked source (3(g));
grants' reasons (3(f)); periods and nil returns for interests and gifts and hospitality; the
list of contracts of £10,000 or less (4(d))."""

import datetime
import json
from decimal import Decimal

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone

from tests.spreadsheets import csv_rows
from tests.transparency.factories import GiftFactory, GrantFactory, InterestFactory, plan_in_force
from transparency import services, sources
from transparency.models import GiftHospitality, Interest, Payment, SmallContract, SpendingUpload

OCTOBER = datetime.date(2025, 10, 1)
HEADING = (
    "Date,Transaction number,Supplier,Supplier type,Expense type,Service area,Amount,Purpose,"
    "Value for money,Plan priority\n"
)


def _upload(content, by, source=SpendingUpload.Source.COMMISSIONER, month=OCTOBER):
    return services.upload_spending(
        month=month, content=content.encode(), filename="october.csv", by=by, source=source
    )


# Spending over £500 ----------------------------------------------------------------------


@pytest.mark.django_db
def test_each_payment_carries_its_purpose_value_for_money_and_plan_priority(
    client, editor, decision_maker
):
    plan = plan_in_force("plan-in-force")
    content = HEADING + (
        "03/10/2025,5001,Sample Victim Support,Charity,Victims' services,Commissioning,"
        '48250.00,Independent advisers for victims,"Won in open competition, lowest price",2\n'
        "09/10/2025,5002,Sample Stationers Ltd,Company,Stationery,Office,612.40,,,\n"
    )
    upload = _upload(content, editor)
    payment = upload.payments.get(reference="5001")
    assert payment.purpose == "Independent advisers for victims"
    assert payment.value_for_money == "Won in open competition, lowest price"
    assert payment.priority == plan.priorities.get(number=2)
    assert upload.payments.get(reference="5002").priority is None
    services.release_spending(upload=upload, by=decision_maker)

    page = client.get("/transparency/spending/").content.decode()
    assert "Why it is value for money" in page
    assert "Independent advisers for victims" in page
    assert "Won in open competition, lowest price" in page
    assert "Supporting victims" in page
    rows = {r["Transaction"]: r for r in csv_rows(client.get("/transparency/spending.csv"))}
    assert rows["5001"]["Purpose"] == "Independent advisers for victims"
    assert rows["5001"]["Why it is value for money"] == "Won in open competition, lowest price"
    assert rows["5001"]["Plan priority"].endswith("Supporting victims")
    assert rows["5001"]["Spent by"] == "The Police and Crime Commissioner"
    entries = json.loads(client.get("/transparency/spending.json").content)["entries"]
    assert {e["purpose"] for e in entries} == {"Independent advisers for victims", ""}


@pytest.mark.django_db
def test_a_plan_priority_the_plan_in_force_does_not_have_is_named_and_nothing_is_stored(editor):
    plan_in_force("plan-in-force")
    content = HEADING + (
        "03/10/2025,5001,Sample Victim Support,Charity,Victims' services,,900.00,Advisers,,7\n"
        "04/10/2025,5002,Sample Stationers Ltd,Company,Stationery,,612.40,Paper,,two\n"
    )
    with pytest.raises(services.SpendingFileInvalid) as invalid:
        _upload(content, editor)
    [seven, two] = invalid.value.errors
    assert (seven.row, seven.column) == (2, "Plan priority")
    assert seven.message.endswith("has no priority 7.")
    assert (two.row, two.column, two.message) == (
        3,
        "Plan priority",
        "“two” is not a priority's number (for example 2).",
    )
    assert not Payment.objects.exists()


@pytest.mark.django_db
def test_a_plan_priority_is_refused_when_no_published_plan_was_in_force(editor):
    content = HEADING + "03/10/2025,5001,Sample Ltd,Company,Services,,900.00,Advice,,1\n"
    with pytest.raises(services.SpendingFileInvalid) as invalid:
        _upload(content, editor)
    assert "No published police and crime plan was in force on 03/10/2025" in (
        invalid.value.errors[0].message
    )


@pytest.mark.django_db
def test_the_chief_constables_spending_is_a_second_source_marked_and_filtered(
    client, editor, decision_maker
):
    commissioner = _upload(HEADING + "03/10/2025,6001,Sample Ltd,Company,Audit,,900.00,,,\n",
                           editor)  # fmt: skip
    # The same month's Chief Constable's file is its own draft, not "the month's second draft".
    chief = _upload(HEADING + "05/10/2025,7001,Sample Fleet Ltd,Company,Fuel,,2400.00,,,\n",
                    editor, source=SpendingUpload.Source.CHIEF_OFFICER)  # fmt: skip
    with pytest.raises(services.SpendingDraftExists):
        _upload(HEADING + "06/10/2025,7002,Other Ltd,Company,Fuel,,700.00,,,\n", editor,
                source=SpendingUpload.Source.CHIEF_OFFICER)  # fmt: skip
    services.release_spending(upload=commissioner, by=decision_maker)
    services.release_spending(upload=chief, by=decision_maker)
    # Releasing one source's month leaves the other's released.
    assert commissioner.is_public and chief.is_public
    assert "by the Chief Constable" in str(chief)

    rows = {r["Transaction"]: r for r in csv_rows(client.get("/transparency/spending.csv"))}
    assert rows["7001"]["Spent by"] == "The Chief Constable"
    assert rows["6001"]["Spent by"] == "The Police and Crime Commissioner"
    only_chief = csv_rows(client.get("/transparency/spending.csv?source=chief-officer"))
    assert [r["Transaction"] for r in only_chief] == ["7001"]
    page = client.get("/transparency/spending/?source=chief-officer").content.decode()
    assert "Sample Fleet Ltd" in page and "Sample Ltd<" not in page
    assert 'href="/transparency/spending.csv?source=chief-officer"' in page
    # The month filter lists October once, though two files cover it.
    assert page.count('<option value="2025-10"') == 1


@pytest.mark.django_db
def test_staff_choose_whose_spending_a_file_is_when_uploading(client, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(editor)
    response = client.post(
        reverse("transparency_manage:spending"),
        {
            "source": "chief-officer",
            "month": "2025-10",
            "file": SimpleUploadedFile(
                "october.csv",
                (
                    HEADING + "05/10/2025,7001,Fleet Ltd,Company,Fuel,,2400,,,\n"
                ).encode(),  # fmt: skip
            ),
        },
    )
    assert response.status_code == 302
    assert SpendingUpload.objects.get().source == SpendingUpload.Source.CHIEF_OFFICER


# Grants --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_grant_needs_the_reasons_it_is_expected_to_reduce_crime_and_disorder(client, editor):
    client.force_login(editor)
    data = {
        "recipient": "Sample Youth Trust",
        "fund": "Community Action Fund",
        "amount": "12500",
        "purpose": "Evening activities",
        "conditions": "",
        "awarded_on": "2025-07-01",
    }
    response = client.post(reverse("transparency_manage:entry_create", args=["grants"]), data)
    assert response.status_code == 400
    assert "Say why the grant is expected to reduce crime and disorder" in response.content.decode()
    data["crime_reduction_reasons"] = "Diverts young people from anti-social behaviour."
    response = client.post(reverse("transparency_manage:entry_create", args=["grants"]), data)
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_released_grant_shows_its_reasons_on_the_page_and_in_the_exports(client):
    GrantFactory(crime_reduction_reasons="Evidence from the pilot: fewer call-outs.")
    page = client.get("/transparency/grants/").content.decode()
    assert "Why it is expected to reduce crime and disorder" in page
    assert "Evidence from the pilot: fewer call-outs." in page
    [row] = csv_rows(client.get("/transparency/grants.csv"))
    assert (
        row["Why it is expected to reduce crime and disorder"]
        == "Evidence from the pilot: fewer call-outs."
    )
    [entry] = json.loads(client.get("/transparency/grants.json").content)["entries"]
    assert entry["crime_reduction_reasons"] == "Evidence from the pilot: fewer call-outs."


# Periods and nil returns ---------------------------------------------------------------------


@pytest.mark.django_db
def test_a_nil_return_for_gifts_is_a_statement_on_the_page_and_in_the_exports(client, editor):
    client.force_login(editor)
    url = reverse("transparency_manage:entry_create", args=["gifts-and-hospitality"])
    base = {"recipient": "Sample Office Holder", "recipient_role": "Deputy Commissioner",
            "financial_year": "2024"}  # fmt: skip
    # Without "nil return", every field of a gift is asked for, each beside its field.
    page = client.post(url, base).content.decode()
    assert "Enter who offered it, or tick “Nil return”." in page
    assert "Enter the estimated value, or tick “Nil return”." in page
    assert not GiftHospitality.objects.exists()
    response = client.post(url, {**base, "is_nil_return": "on"})
    assert response.status_code == 302
    entry = GiftHospitality.objects.get()
    assert entry.is_nil_return and entry.financial_year == 2024 and entry.offered_on is None
    services.release_entry(entry=entry, by=editor, note="Nil return for 2024-25")
    GiftFactory(offered_on=datetime.date(2025, 9, 4), donor="Sample Board")
    client.logout()

    page = client.get("/transparency/gifts-and-hospitality/").content.decode()
    assert "Nil return: no gifts or hospitality were offered to Sample Office Holder in " in page
    assert "2024/25" in page
    rows = csv_rows(client.get("/transparency/gifts-and-hospitality.csv"))
    nil = next(r for r in rows if r["Nil return"] == "true")
    assert nil["Financial year"] == "2024/25" and nil["Offered by"] == "" and nil["Date"] == ""
    # The year filter finds the nil return by its period, though it has no date.
    only_2024 = csv_rows(client.get("/transparency/gifts-and-hospitality.csv?year=2024"))
    assert [r["Nil return"] for r in only_2024] == ["true"]
    only_2025 = csv_rows(client.get("/transparency/gifts-and-hospitality.csv?year=2025"))
    assert [r["Offered by"] for r in only_2025] == ["Sample Board"]
    data = json.loads(client.get("/transparency/gifts-and-hospitality.json?year=2024").content)
    assert data["entries"][0]["nil_return"] is True
    assert data["entries"][0]["financial_year"] == "2024/25"


@pytest.mark.django_db
def test_a_nil_return_of_interests_is_shown_for_its_financial_year(client, editor):
    client.force_login(editor)
    url = reverse("transparency_manage:entry_create", args=["interests"])
    base = {"holder": "Sample Deputy", "office": "Deputy Police and Crime Commissioner",
            "financial_year": "2025", "registered_on": "2025-05-13"}  # fmt: skip
    page = client.post(url, base).content.decode()
    assert "Describe the interest, or tick “Nil return”." in page
    assert client.post(url, {**base, "is_nil_return": "on"}).status_code == 302
    entry = Interest.objects.get()
    services.release_entry(entry=entry, by=editor, note="Nil return")
    client.logout()
    page = client.get("/transparency/interests/?year=2025").content.decode()
    assert "Nil return: Sample Deputy had no interests to declare in 2025/26." in page
    [row] = csv_rows(client.get("/transparency/interests.csv?year=2025"))
    assert row["Nil return"] == "true" and row["Financial year"] == "2025/26"


@pytest.mark.django_db
def test_a_gift_dated_outside_its_financial_year_is_refused_beside_the_date(client, editor):
    client.force_login(editor)
    url = reverse("transparency_manage:entry_create", args=["gifts-and-hospitality"])
    page = client.post(
        url,
        {
            "recipient": "Sample Office Holder",
            "recipient_role": "Commissioner",
            "financial_year": "2024",
            "offered_on": "2025-09-04",
            "donor": "Sample Board",
            "kind": "gift",
            "description": "A book",
            "estimated_value": "10",
            "outcome": "accepted",
        },  # fmt: skip
    ).content.decode()
    assert "The date 4 September 2025 is not in 2024/25" in page
    assert not GiftHospitality.objects.exists()


@pytest.mark.django_db
def test_an_entry_saved_without_a_period_covers_the_financial_year_of_its_date():
    gift = GiftFactory(offered_on=datetime.date(2026, 3, 31), released=False)
    interest = InterestFactory(registered_on=datetime.date(2026, 4, 1), released=False)
    assert gift.financial_year == 2025 and interest.financial_year == 2026


# Contracts of £10,000 or less ----------------------------------------------------------------


@pytest.mark.django_db
def test_the_list_of_contracts_of_10000_or_less_has_its_page_and_exports(client, editor):
    client.force_login(editor)
    url = reverse("transparency_manage:entry_create", args=["small-contracts"])
    data = {"reference": "OPCC-L-7", "parties": "The Commissioner and Sample Printers Ltd",
            "purpose": "Printing the annual report", "value": "10000.01",
            "agreed_on": "2025-06-02"}  # fmt: skip
    assert (
        "add this one to the register of contracts over £10,000"
        in client.post(url, data).content.decode()
    )
    data["value"] = "10000.00"
    assert client.post(url, data).status_code == 302
    released = SmallContract.objects.get()
    services.release_entry(entry=released, by=editor, note="First release")
    draft = SmallContract.objects.create(
        parties="The Commissioner and Unreleased Ltd", purpose="Draft", value=Decimal("50"),
        agreed_on=datetime.date(2025, 6, 3),
    )  # fmt: skip
    client.logout()

    assert reverse("transparency:small_contracts") == "/transparency/small-contracts/"
    page = client.get(reverse("transparency:small_contracts")).content.decode()
    assert "Contracts of £10,000 or less" in page
    assert "The Commissioner and Sample Printers Ltd" in page and "£10,000.00" in page
    assert "Unreleased Ltd" not in page
    [row] = csv_rows(client.get("/transparency/small-contracts.csv"))
    assert row == {"Agreed": "2025-06-02", "Reference": "OPCC-L-7",
                   "Parties": "The Commissioner and Sample Printers Ltd",
                   "Purpose": "Printing the annual report", "Value": "10000.00",
                   "Sample": "false"}  # fmt: skip
    data = json.loads(client.get("/transparency/small-contracts.json").content)
    assert data["url"].endswith("/transparency/small-contracts/")
    assert [e["parties"] for e in data["entries"]] == ["The Commissioner and Sample Printers Ltd"]
    assert draft.pk  # kept as a draft, never public
    # The index's item 4(d) reads the list through its source.
    publication = sources.SOURCES["small-contracts"].latest()
    assert publication.url == "/transparency/small-contracts/"
    assert publication.published_on is not None


@pytest.mark.parametrize(
    ("now", "newest"),
    [
        # 00:30 on 1 April 2027 in London, still 31 March by the server's UTC clock.
        (datetime.datetime(2027, 3, 31, 23, 30, tzinfo=datetime.UTC), 2028),
        (datetime.datetime(2040, 6, 1, 12, 0, tzinfo=datetime.UTC), 2041),
    ],
)
def test_the_years_offered_run_to_the_next_by_the_portals_clock_in_london(monkeypatch, now, newest):
    """A budget for the coming year is entered before it starts: the newest year offered is the
    one after today's, today being the day in London, as every date the portal sets is."""
    from transparency.forms import FinancialYearField

    monkeypatch.setattr(timezone, "now", lambda: now)
    assert FinancialYearField().choices[1][0] == newest


def test_a_financial_year_as_old_as_the_office_can_be_chosen():
    """An OPCC's history goes back to 2012-13, when the first Commissioners took office: the
    import of historic registers must be able to date entries then."""
    from transparency.forms import FinancialYearField

    field = FinancialYearField()
    assert field.clean("2012") == 2012
    with pytest.raises(forms.ValidationError):
        field.clean("2011")
