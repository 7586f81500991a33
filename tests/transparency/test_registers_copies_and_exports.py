"""Copies of contracts over £10,000 and of their invitations to tender (4(b)-(c)), served only
as a release froze them; the forward plan's CSV and JSON; the registers' and the decisions'
exports filtered as the page linking to them; spending and contracts in the golden thread."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.accounts.factories import reauthenticate
from tests.plans.factories import PlanFactory, PriorityFactory
from tests.plans.helpers import issue
from tests.publications.hostile_pdfs import untagged_pdf
from tests.spreadsheets import csv_rows
from tests.transparency.factories import (
    ContractFactory,
    ForwardPlanEntryFactory,
    GrantFactory,
    plan_in_force,
)
from transparency import services
from transparency.models import Contract, SpendingUpload

CONTRACT = {
    "reference": "OPCC-C-1",
    "title": "Victims' referral service",
    "supplier": "Sample Support Services Ltd",
    "value": "450000",
    "starts_on": "2025-04-01",
    "ends_on": "2028-03-31",
    "procurement": "Open tender",
}


def _create(client, **files):
    response = client.post(
        reverse("transparency_manage:entry_create", args=["contracts"]), {**CONTRACT, **files}
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    return Contract.objects.get(reference="OPCC-C-1")


@pytest.mark.django_db
def test_a_contract_copy_is_cleaned_kept_privately_and_public_only_once_released(client, editor):
    client.force_login(editor)
    contract = _create(
        client,
        contract_copy=SimpleUploadedFile(
            "contract.pdf", untagged_pdf("first copy"), "application/pdf"
        ),
        contract_copy_redacted_because="Prices withheld: commercially sensitive (FOIA s43).",
        tender_copy=SimpleUploadedFile("itt.pdf", untagged_pdf("the tender"), "application/pdf"),
    )
    assert contract.contract_copy.name.startswith("transparency/contracts/")
    assert contract.contract_copy_tagged is False  # inspected on upload
    url = reverse("transparency:contract_copy", kwargs={"pk": contract.pk, "kind": "contract"})
    client.logout()
    assert client.get(url).status_code == 404  # a draft's copy is not public

    services.release_entry(entry=contract, by=editor, note="First release")
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"first copy" in response.getvalue()
    tender = client.get(
        reverse("transparency:contract_copy", kwargs={"pk": contract.pk, "kind": "tender"})
    )
    assert b"the tender" in tender.getvalue()
    page = client.get("/transparency/contracts/").content.decode()
    assert f'href="{url}"' in page
    assert "Redacted: Prices withheld: commercially sensitive (FOIA s43)." in page
    [row] = csv_rows(client.get("/transparency/contracts.csv"))
    assert row["Copies"] == url
    assert row["Contract copy redacted because"].startswith("Prices withheld")

    # A new copy uploaded after the release stays private until the entry is released again.
    client.force_login(editor)
    client.post(
        reverse("transparency_manage:entry_edit", args=["contracts", contract.pk]),
        {**CONTRACT, "contract_copy": SimpleUploadedFile("v2.pdf", untagged_pdf("second copy"))},
    )
    client.logout()
    assert b"first copy" in client.get(url).getvalue()
    services.release_entry(entry=Contract.objects.get(pk=contract.pk), by=editor, note="New copy")
    assert b"second copy" in client.get(url).getvalue()


@pytest.mark.django_db
def test_a_withdrawn_contracts_copy_answers_gone(client, editor):
    client.force_login(editor)
    contract = _create(client, contract_copy=SimpleUploadedFile("c.pdf", untagged_pdf("copy")))
    services.release_entry(entry=contract, by=editor, note="First release")
    services.withdraw_entry(entry=contract, by=editor, reason="Entered in error")
    client.logout()
    url = reverse("transparency:contract_copy", kwargs={"pk": contract.pk, "kind": "contract"})
    response = client.get(url)
    assert response.status_code == 410
    assert "Entered in error" in response.content.decode()


@pytest.mark.django_db
def test_a_copy_that_is_not_a_pdf_is_refused_beside_the_field_and_nothing_is_saved(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("transparency_manage:entry_create", args=["contracts"]),
        {**CONTRACT, "contract_copy": SimpleUploadedFile("contract.pdf", b"not a pdf at all")},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-message" in page and "PDF" in page
    assert not Contract.objects.exists()


@pytest.mark.django_db
def test_the_check_page_says_which_copies_become_public_and_that_one_is_missing(client, editor):
    contract = ContractFactory(released=False)
    client.force_login(editor)
    page = client.get(
        reverse("transparency_manage:entry_publish", args=["contracts", contract.pk])
    ).content.decode()
    assert "No copy of the contract is attached" in page


# The forward plan's open data --------------------------------------------------------------


@pytest.mark.django_db
def test_the_forward_plan_has_csv_and_json_of_its_released_entries(client):
    ForwardPlanEntryFactory(title="Approve the estates strategy")
    ForwardPlanEntryFactory(title="A draft expected decision", released=False)
    page = client.get("/decisions/forward-plan/").content.decode()
    assert 'href="/decisions/forward-plan.csv"' in page
    assert 'href="/decisions/forward-plan.json"' in page
    rows = csv_rows(client.get(reverse("transparency:forward_plan_csv")))
    assert [r["Decision"] for r in rows] == ["Approve the estates strategy"]
    assert rows[0]["Decision maker"] == "Police and Crime Commissioner"
    data = json.loads(client.get(reverse("transparency:forward_plan_json")).content)
    assert [e["title"] for e in data["entries"]] == ["Approve the estates strategy"]


# Exports filtered as their page ------------------------------------------------------------


@pytest.mark.django_db
def test_a_registers_exports_give_only_the_rows_its_filtered_page_shows(client):
    GrantFactory(recipient="Sample Youth Trust")
    GrantFactory(recipient="Sample Road Safety Partnership")
    page = client.get("/transparency/grants/?q=Road").content.decode()
    assert 'href="/transparency/grants.csv?q=Road"' in page
    assert 'href="/transparency/grants.json?q=Road"' in page
    rows = csv_rows(client.get("/transparency/grants.csv?q=Road"))
    assert [r["Recipient"] for r in rows] == ["Sample Road Safety Partnership"]
    data = json.loads(client.get("/transparency/grants.json?q=Road").content)
    assert [e["recipient"] for e in data["entries"]] == ["Sample Road Safety Partnership"]


@pytest.mark.django_db
def test_the_decisions_csv_and_json_honour_the_registers_filters(
    client, editor, decision_maker, django_capture_on_commit_callbacks
):
    from tests.decisions.factories import DecisionFactory
    from tests.transparency.test_search import publish_decision

    for title in ("Estates strategy approval", "Victims' services funding"):
        publish_decision(DecisionFactory(title=title), editor=editor,
                         decision_maker=decision_maker,
                         capture=django_capture_on_commit_callbacks)  # fmt: skip
    page = client.get("/decisions/?q=Estates").content.decode()
    assert 'href="/decisions.csv?q=Estates"' in page
    assert 'href="/decisions.json?q=Estates"' in page
    rows = csv_rows(client.get("/decisions.csv?q=Estates"))
    assert [r["title"] for r in rows] == ["Estates strategy approval"]
    data = json.loads(client.get("/decisions.json?q=Estates").content)
    assert [d["title"] for d in data["decisions"]] == ["Estates strategy approval"]
    assert len(csv_rows(client.get("/decisions.csv"))) == 2


# The golden thread ---------------------------------------------------------------------------


def _priorities():
    import datetime

    plan = plan_in_force("thread-plan")
    other = PlanFactory(slug="other-plan", term_start=datetime.date(2016, 5, 1),
                        term_end=datetime.date(2021, 5, 1))  # fmt: skip
    PriorityFactory(plan=other, number=1, title="An earlier priority")
    issue(other)
    return plan, other


SPENDING = (
    "Date,Transaction number,Supplier,Supplier type,Expense type,Service area,Amount,Purpose,"
    "Plan priority\n"
    "03/10/2025,5001,Sample Victim Support,Charity,Victims,,48250.00,Advisers for victims,2\n"
    "04/10/2025,5002,Sample Patrols Ltd,Company,Patrols,,900.00,Evening patrols,1\n"
)


@pytest.mark.django_db
def test_released_spending_and_contracts_join_their_prioritys_thread_and_nothing_else(
    client, editor, decision_maker
):
    import datetime

    plan, other = _priorities()
    victims = plan.priorities.get(number=2)
    upload = services.upload_spending(month=datetime.date(2025, 10, 1),
                                      content=SPENDING.encode(), filename="o.csv",
                                      by=editor)  # fmt: skip
    ContractFactory(title="Victims' referral service", priority=victims)
    ContractFactory(title="A draft contract for victims", priority=victims, released=False)
    released = ContractFactory(title="Released before its link", priority=None)
    released.priority = victims  # linked since, not released again
    released.save()
    ContractFactory(title="The earlier plan's contract", priority=other.priorities.get())

    page = client.get("/plans/thread-plan/priorities/2/").content.decode()
    assert "Advisers for victims" not in page  # the month is still a draft
    services.release_spending(upload=upload, by=decision_maker)
    page = client.get("/plans/thread-plan/priorities/2/").content.decode()
    thread = page[page.index('id="golden-thread"') :]
    assert 'id="thread-spending"' in thread and 'id="thread-contracts"' in thread
    assert "£48,250.00 to " in thread
    assert "Advisers for victims" in thread
    assert "Evening patrols" not in thread  # priority 1's
    assert "Victims&#x27; referral service" in thread
    assert "A draft contract" not in thread
    assert "Released before its link" not in thread
    assert "The earlier plan&#x27;s contract" not in thread
    first = client.get("/plans/thread-plan/priorities/1/").content.decode()
    assert "Evening patrols" in first and "Advisers for victims" not in first


@pytest.mark.django_db
def test_the_chief_constables_payments_are_marked_in_the_thread(client, editor, decision_maker):
    import datetime

    _priorities()
    upload = services.upload_spending(month=datetime.date(2025, 10, 1),
                                      content=SPENDING.encode(), filename="o.csv", by=editor,
                                      source=SpendingUpload.Source.CHIEF_OFFICER)  # fmt: skip
    services.release_spending(upload=upload, by=decision_maker)
    page = client.get("/plans/thread-plan/priorities/2/").content.decode()
    thread = page[page.index('id="thread-spending"') :]
    assert "Chief Constable</strong>" in thread


# Leaks ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_unreleased_small_contracts_nil_returns_and_copies_reach_no_public_channel(client, editor):
    import datetime
    from decimal import Decimal

    from transparency.models import GiftHospitality, SmallContract

    SmallContract.objects.create(parties="Leaky Party Ltd", purpose="Secret purpose",
                                 value=Decimal("500"),
                                 agreed_on=datetime.date(2025, 6, 1))  # fmt: skip
    GiftHospitality.objects.create(recipient="Leaky Recipient", recipient_role="Officer",
                                   financial_year=2025, is_nil_return=True)  # fmt: skip
    client.force_login(editor)
    contract = _create(
        client, contract_copy=SimpleUploadedFile("c.pdf", untagged_pdf("leaky copy"))
    )
    client.logout()
    for url in [
        "/transparency/small-contracts/",
        "/transparency/small-contracts.csv",
        "/transparency/small-contracts.json",
        "/transparency/gifts-and-hospitality/",
        "/transparency/gifts-and-hospitality.csv",
        "/transparency/gifts-and-hospitality.json",
        "/transparency/contracts/",
        "/transparency/contracts.csv",
        "/search/?q=Leaky",
        "/sitemap.xml",
        "/alerts/transparency/feed/",
    ]:
        body = client.get(url).getvalue().decode()
        for secret in ("Leaky Party", "Leaky Recipient", "Secret purpose", "OPCC-C-1"):
            assert secret not in body, (url, secret)
    copy = reverse("transparency:contract_copy", kwargs={"pk": contract.pk, "kind": "contract"})
    assert client.get(copy).status_code == 404
    assert client.get(f"/transparency/contracts/{contract.pk}/other.pdf").status_code == 404


@pytest.mark.django_db
def test_releasing_a_contract_with_its_copy_goes_through_the_check_page(client, editor):
    client.force_login(editor)
    contract = _create(client, contract_copy=SimpleUploadedFile("c.pdf", untagged_pdf("copy")))
    url = reverse("transparency_manage:entry_publish", args=["contracts", contract.pk])
    page = client.get(url).content.decode()
    assert "The contract (PDF) becomes public with this release, not redacted." in page
    assert "It is not a tagged PDF" in page
    reauthenticate(client)
    client.post(url, {"change_note": "First release", "confirm": "on"})
    copy = reverse("transparency:contract_copy", kwargs={"pk": contract.pk, "kind": "contract"})
    client.logout()
    assert client.get(copy).status_code == 200


@pytest.mark.django_db
def test_staff_open_a_drafts_copy_from_its_edit_page_and_the_public_cannot(
    client, editor, django_user_model
):
    client.force_login(editor)
    contract = _create(
        client,
        contract_copy=SimpleUploadedFile(
            "contract.pdf", untagged_pdf("draft copy"), "application/pdf"
        ),
    )
    url = reverse(
        "transparency_manage:contract_copy", kwargs={"pk": contract.pk, "kind": "contract"}
    )
    edit = client.get(reverse("transparency_manage:entry_edit", args=["contracts", contract.pk]))
    assert f'href="{url}"' in edit.content.decode()
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"draft copy" in response.getvalue()
    tender = reverse("transparency_manage:contract_copy", args=[contract.pk, "tender"])
    assert client.get(tender).status_code == 404  # none uploaded
    assert (
        client.get(
            reverse("transparency_manage:contract_copy", args=[contract.pk, "x"])
        ).status_code
        == 404
    )

    client.force_login(django_user_model.objects.create_user("nobody", password="x" * 20))
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302  # to sign in
