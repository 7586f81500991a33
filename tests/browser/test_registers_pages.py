"""The registers' new pages and columns, and the accessibility statement, in a real browser:
axe (WCAG 2.2 A/AA) and no sideways scrolling at a phone's width and a desktop's."""

import datetime
import io
from decimal import Decimal

import pikepdf
import pytest
from django.core.files.base import ContentFile

from tests.browser.conftest import sign_in, visit_at_widths
from tests.transparency.factories import ContractFactory, GiftFactory, InterestFactory

pytestmark = pytest.mark.browser


def _untagged_pdf():
    document = pikepdf.new()
    document.add_blank_page()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_the_list_of_contracts_of_10000_or_less(page, editor):
    from transparency import services
    from transparency.models import SmallContract

    entry = SmallContract.objects.create(
        reference="OPCC-L-1", parties="The Commissioner and Sample Printers Ltd",
        purpose="Printing the annual report", value=Decimal("2450.00"),
        agreed_on=datetime.date(2025, 6, 2), is_sample=True,
    )  # fmt: skip
    services.release_entry(entry=entry, by=editor, note="First release")
    visit_at_widths(page, "/transparency/small-contracts/")
    assert page.get_by_role("heading", level=1).inner_text() == "Contracts of £10,000 or less"
    assert "Sample Printers Ltd" in page.locator("table").inner_text()


def test_contracts_with_their_copies_and_nil_returns(page, editor):
    from transparency import services

    contract = ContractFactory(released=False, title="Victims' referral service")
    contract.contract_copy = ContentFile(_untagged_pdf(), name="c.pdf")
    contract.contract_copy_tagged = False
    contract.contract_copy_redacted_because = "Prices withheld: commercially sensitive."
    contract.save()
    services.release_entry(entry=contract, by=editor, note="First release")
    visit_at_widths(page, "/transparency/contracts/")
    link = page.get_by_role("link", name="Contract (PDF)")
    assert link.is_visible()

    GiftFactory(released=True)
    nil = GiftFactory(released=False, is_nil_return=True, offered_on=None, donor="", kind="",
                      description="", estimated_value=None, outcome="",
                      financial_year=2024)  # fmt: skip
    services.release_entry(entry=nil, by=editor, note="Nil return")
    InterestFactory()
    visit_at_widths(page, "/transparency/gifts-and-hospitality/")
    assert "Nil return: no gifts or hospitality" in page.locator("table").inner_text()
    visit_at_widths(page, "/transparency/interests/")


def test_the_accessibility_statement_lists_what_is_not_accessible(page, editor):
    from transparency import services

    contract = ContractFactory(released=False, title="Scanned contract")
    contract.contract_copy = ContentFile(_untagged_pdf(), name="c.pdf")
    contract.contract_copy_tagged = False
    contract.save()
    services.release_entry(entry=contract, by=editor, note="First release")
    visit_at_widths(page, "/accessibility/")
    assert page.get_by_role("heading", name="Content that is not accessible").is_visible()
    assert page.get_by_role("link", name="The contract: Scanned contract").is_visible()


def test_the_staff_forms_for_contract_copies_and_nil_returns(page, live_server, editor):
    sign_in(page, live_server, editor)
    visit_at_widths(page, "/manage/transparency/contracts/new/")
    assert page.get_by_label("Copy of the contract (PDF)").is_visible()
    visit_at_widths(page, "/manage/transparency/gifts-and-hospitality/new/")
    assert page.get_by_label("Nil return").is_visible()
    visit_at_widths(page, "/manage/transparency/small-contracts/new/")
    visit_at_widths(page, "/manage/transparency/spending/")
    assert page.get_by_text("Whose spending is it?").is_visible()
