"""Registers: public pages with filters, CSV and JSON; staff draft, publish, correct (keeping
history) and withdraw entries."""

import csv
import datetime
import io
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from tests.accounts.factories import reauthenticate
from tests.spreadsheets import csv_rows
from tests.transparency.factories import (
    ContractFactory,
    GiftFactory,
    GrantFactory,
    InterestFactory,
)
from transparency.models import Grant


@pytest.mark.django_db
def test_a_register_filters_by_financial_year_text_and_choice(client):
    GiftFactory(offered_on=datetime.date(2025, 3, 31), donor="Sample Rotary Club")
    GiftFactory(
        offered_on=datetime.date(2025, 4, 1), donor="Sample Chamber of Commerce", outcome="declined"
    )
    url = reverse("transparency:register", kwargs={"register": "gifts-and-hospitality"})
    page = client.get(url, {"year": "2025"}).content.decode()
    assert "Sample Chamber of Commerce" in page and "Sample Rotary Club" not in page
    page = client.get(url, {"year": "2024"}).content.decode()
    assert "Sample Rotary Club" in page and "Sample Chamber of Commerce" not in page
    page = client.get(url, {"outcome": "declined"}).content.decode()
    assert "Sample Chamber of Commerce" in page and "Sample Rotary Club" not in page
    page = client.get(url, {"q": "rotary"}).content.decode()
    assert "Sample Rotary Club" in page and "Sample Chamber of Commerce" not in page
    assert "2024/25" in page and "Sample</strong>" in page


@pytest.mark.django_db
def test_csv_and_json_give_the_same_filtered_entries(client):
    ContractFactory(reference="OPCC-1", supplier="Sample Estates Ltd")
    ContractFactory(reference="OPCC-2", supplier="Sample Fleet Ltd")
    response = client.get("/transparency/contracts.csv", {"q": "fleet"})
    rows = csv_rows(response)
    assert [row["Reference"] for row in rows] == ["OPCC-2"]
    assert rows[0]["Value"] == "450000.00"
    data = json.loads(client.get("/transparency/contracts.json", {"q": "fleet"}).content)
    assert [e["reference"] for e in data["entries"]] == ["OPCC-2"]
    assert data["entries"][0]["sample"] is True


@pytest.mark.django_db
def test_register_pages_and_exports_have_query_budgets(client, django_assert_max_num_queries):
    from decisions.models import Decision  # noqa: F401 (the plans app is migrated with it)
    from plans.models import Plan
    from tests.plans.factories import PriorityFactory

    priority = PriorityFactory()
    for _ in range(60):
        GrantFactory(priority=priority)
    # A process looks up the plans' content type once, on its first page that reads a plan: done
    # here, the count is the same whether this test runs alone or after others.
    ContentType.objects.get_for_model(Plan)
    for url in ("/transparency/grants/", "/transparency/grants.csv", "/transparency/grants.json"):
        with django_assert_max_num_queries(6):
            response = client.get(url)
            response.getvalue().decode()
        assert response.status_code == 200
    # Items and documents, then about one query per portal source the index reads (registers,
    # pages, decisions and their deadlines, meetings and agendas, reports, inspections), and
    # the content types a fresh process looks up once: a fixed number, whatever the rows.
    with django_assert_max_num_queries(36):
        assert client.get("/transparency/").status_code == 200


@pytest.mark.django_db
def test_staff_release_correct_and_withdraw_an_entry_keeping_its_history(client, editor):
    from django.test import Client

    client.force_login(editor)
    reauthenticate(client)
    public_client = Client()
    data = {
        "recipient": "Sample Domestic Abuse Service",
        "fund": "Victims' fund",
        "amount": "25000",
        "purpose": "Support for survivors",
        "crime_reduction_reasons": "Advisers lower the risk of repeat victimisation.",
        "conditions": "",
        "awarded_on": "2025-08-01",
        "is_sample": "on",
    }
    response = client.post(
        reverse("transparency_manage:entry_create", kwargs={"register": "grants"}), data
    )
    grant = Grant.objects.get()
    assert response.status_code == 302
    public = reverse("transparency:register", kwargs={"register": "grants"})
    assert "Sample Domestic Abuse Service" not in public_client.get(public).content.decode()

    release = reverse(
        "transparency_manage:entry_publish", kwargs={"register": "grants", "pk": grant.pk}
    )
    check = client.get(release).content.decode()
    assert "Check what becomes public" in check
    assert "Sample Domestic Abuse Service" in check and "£25,000.00" in check
    unconfirmed = client.post(release, {"change_note": "First release"})
    assert unconfirmed.status_code == 400
    assert "Sample Domestic Abuse Service" not in public_client.get(public).content.decode()
    client.post(release, {"change_note": "First release", "confirm": "on"})
    assert "Sample Domestic Abuse Service" in public_client.get(public).content.decode()

    edit = reverse("transparency_manage:entry_edit", kwargs={"register": "grants", "pk": grant.pk})
    response = client.post(edit, {**data, "amount": "-5"})
    assert response.status_code == 400  # the form again, with its errors
    assert "The amount must be more than £0." in response.content.decode()
    client.post(edit, {**data, "amount": "27500"})
    page = public_client.get(public).content.decode()
    assert "£25,000.00" in page and "£27,500.00" not in page  # the edit is not released
    grant.refresh_from_db()
    assert [h.amount for h in grant.history.order_by("history_date")][-2:] == [25000, 27500]
    client.post(release, {"change_note": "Corrected the amount", "confirm": "on"})
    page = public_client.get(public).content.decode()
    assert "£27,500.00" in page and "£25,000.00" not in page
    assert grant.versions.count() == 2

    withdraw = reverse(
        "transparency_manage:entry_withdraw", kwargs={"register": "grants", "pk": grant.pk}
    )
    assert client.post(withdraw, {"reason": ""}).status_code == 400
    assert "Sample Domestic Abuse Service" in public_client.get(public).content.decode()
    client.post(withdraw, {"reason": "Awarded to the wrong service"})
    assert "Sample Domestic Abuse Service" not in public_client.get(public).content.decode()
    assert grant.withdrawal().reason == "Awarded to the wrong service"


@pytest.mark.django_db
def test_a_contract_must_be_over_10000(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("transparency_manage:entry_create", kwargs={"register": "contracts"}),
        {
            "reference": "X",
            "title": "Small",
            "supplier": "S",
            "value": "9000",
            "starts_on": "2025-04-01",
            "ends_on": "2025-03-01",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400  # the form again, with its errors
    assert "contracts over £10,000; this one is not" in page
    assert "The end date must be on or after the start date." in page


FORMULAS = [
    '=HYPERLINK("http://evil.example","Click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1",
    "\r=1",
]


@pytest.mark.django_db
@pytest.mark.parametrize("formula", FORMULAS)
def test_the_gifts_csv_quotes_text_a_spreadsheet_would_run(client, formula):
    GiftFactory(donor=formula, description=formula)
    response = client.get("/transparency/gifts-and-hospitality.csv")
    [row] = csv_rows(response)
    assert row["Offered by"] == "'" + formula
    assert row["Description"] == "'" + formula
    assert row["Estimated value"] == "25.00"  # numbers stay numbers


@pytest.mark.django_db
def test_every_register_csv_quotes_text_a_spreadsheet_would_run(client):
    formula = '=HYPERLINK("http://evil.example","Click")'
    GrantFactory(recipient=formula)
    ContractFactory(supplier=formula)
    GiftFactory(donor=formula)
    InterestFactory(description=formula)
    for register in ("grants", "contracts", "gifts-and-hospitality", "interests"):
        body = client.get(f"/transparency/{register}.csv").getvalue().decode().lstrip("\ufeff")
        cells = [cell for row in csv.reader(io.StringIO(body, newline="")) for cell in row]
        assert "'" + formula in cells, register
        assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")], register


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["/", ".csv", ".json"])
@pytest.mark.parametrize("register", ["spending", "grants", "gifts-and-hospitality"])
def test_a_nul_byte_in_a_register_filter_is_a_bad_request(client, register, suffix):
    # PostgreSQL refuses NUL in text: the page and JSON crashed, the CSV stopped short.
    client.raise_request_exception = False
    GrantFactory()
    for params in ({"q": "a\x00b"}, {"year": "2025\x00"}, {"month": "\x00"}):
        response = client.get(f"/transparency/{register}{suffix}", params)
        assert response.status_code == 400, params


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{"year": "\u00b2"}, {"year": "99999"}, {"month": "\u00b2" * 4 + "-12"}]
)
def test_a_year_or_month_that_is_not_one_is_ignored_not_a_crash(client, params):
    GrantFactory(recipient="Sample Trust")
    for register in ("grants", "spending"):
        response = client.get(f"/transparency/{register}/", params)
        assert response.status_code == 200, register
    assert "Sample Trust" in client.get("/transparency/grants/", params).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "register", ["interests", "gifts-and-hospitality", "grants", "contracts", "forward-plan"]
)
def test_a_registers_staff_pages_call_it_by_its_public_title(client, editor, register):
    from transparency.selectors import ALL_REGISTERS

    title = ALL_REGISTERS[register].title
    client.force_login(editor)
    entries = client.get(reverse("transparency_manage:entries", kwargs={"register": register}))
    create = client.get(reverse("transparency_manage:entry_create", kwargs={"register": register}))
    assert f'<h1 class="govuk-heading-xl">{title}</h1>' in entries.content.decode()
    assert f"Add to {title.lower()}" in create.content.decode()


@pytest.mark.parametrize("codenames", [["view_grant"], ["change_grant"]])
def test_an_entry_is_saved_only_by_staff_who_may_both_read_and_change_the_register(
    client, db, codenames
):
    from django.contrib.auth.models import Permission

    from tests.accounts.factories import UserFactory

    grant = GrantFactory(recipient="Lancashire Victim Services", released=False)
    user = UserFactory(username="one-permission")
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    url = reverse("transparency_manage:entry_edit", kwargs={"register": "grants", "pk": grant.pk})

    read = client.get(url)
    saved = client.post(url, {"recipient": "Someone else"})

    assert read.status_code == (200 if "view_grant" in codenames else 403)
    assert saved.status_code == 403
    grant.refresh_from_db()
    assert grant.recipient == "Lancashire Victim Services"


def test_an_entrys_page_leads_back_to_its_register_by_the_registers_title(client, editor):
    grant = GrantFactory(released=False)
    client.force_login(editor)
    url = reverse("transparency_manage:entry_edit", kwargs={"register": "grants", "pk": grant.pk})

    page = client.get(url).content.decode()

    register = reverse("transparency_manage:entries", kwargs={"register": "grants"})
    assert f'href="{register}">Crime and disorder reduction grants</a>' in page
    assert f'<h1 class="govuk-heading-xl">Edit {grant}</h1>' in page


@pytest.mark.parametrize(
    ("released", "message"),
    [
        (False, "was saved. Nothing is public until it is released."),
        (True, "was saved. The public still sees the last release: release it again"),
    ],
)
def test_saving_an_entry_says_whether_the_public_still_reads_its_last_release(
    client, editor, released, message
):
    grant = GrantFactory(released=released)
    client.force_login(editor)
    url = reverse("transparency_manage:entry_edit", kwargs={"register": "grants", "pk": grant.pk})
    data = {
        "recipient": grant.recipient,
        "fund": grant.fund,
        "amount": "13000",
        "purpose": grant.purpose,
        "crime_reduction_reasons": "Activities in the evenings keep young people safe.",
        "conditions": grant.conditions,
        "awarded_on": "2025-07-01",
        "is_sample": "on",
    }

    page = client.post(url, data, follow=True).content.decode()

    assert message in page
    grant.refresh_from_db()
    assert grant.amount == 13000
