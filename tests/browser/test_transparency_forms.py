"""The transparency hub's staff forms in a browser, at a phone's width and a desktop's with axe,
filled in with the keyboard alone: the GOV.UK date input (day, month and year), errors that name
their field and lead to it, and what was typed shown again."""

import datetime

import pytest

from tests.browser.conftest import check_at_widths, fill_date, sign_in, visit_at_widths
from transparency.models import Contract, Grant

pytestmark = pytest.mark.browser


def _focused(page):
    return page.evaluate("() => document.activeElement.id || document.activeElement.tagName")


def _type_and_tab(page, text):
    if text:
        page.keyboard.type(text)
    page.keyboard.press("Tab")


def test_a_grant_is_typed_with_the_keyboard_and_a_date_in_one_box_is_refused(
    page, live_server, editor
):
    sign_in(page, live_server, editor)
    visit_at_widths(page, "/manage/transparency/grants/new/")
    main = page.locator("main")
    main.get_by_label("Recipient", exact=True).focus()
    _type_and_tab(page, "Sample Women's Centre")
    _type_and_tab(page, "Community Action Fund")
    assert _focused(page) == "id_amount"
    _type_and_tab(page, "")  # the amount, forgotten
    _type_and_tab(page, "Advocacy for survivors")
    _type_and_tab(page, "Survivors supported to report abuse are less likely to be harmed again.")
    _type_and_tab(page, "")  # no conditions
    # The date, as one would type it into a single box: the keyboard goes on to the month.
    assert _focused(page) == "id_awarded_on_0"
    _type_and_tab(page, "15032027")
    assert _focused(page) == "id_awarded_on_1"
    page.keyboard.press("Tab")
    assert _focused(page) == "id_awarded_on_2"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check_at_widths(page)

    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    assert "Enter the amount" in summary.inner_text()
    assert "Date awarded must include a month and year" in summary.inner_text()
    assert "This field is required." not in summary.inner_text()
    awarded = main.get_by_role("group", name="Date awarded", exact=True)
    assert awarded.get_by_label("Day").input_value() == "15032027"
    assert main.get_by_label("Recipient", exact=True).input_value() == "Sample Women's Centre"
    assert not Grant.objects.exists()

    # The summary leads to the boxes to correct, by the keyboard too.
    summary.get_by_role("link", name="Date awarded must include a month and year").focus()
    page.keyboard.press("Enter")
    assert _focused(page) == "id_awarded_on_0"
    page.keyboard.press("Control+A")
    _type_and_tab(page, "15")
    _type_and_tab(page, "3")
    _type_and_tab(page, "2025")
    summary.get_by_role("link", name="Enter the amount").focus()
    page.keyboard.press("Enter")
    assert _focused(page) == "id_amount"
    page.keyboard.type("9500")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    grant = Grant.objects.get()
    assert (grant.awarded_on, grant.amount) == (datetime.date(2025, 3, 15), 9500)
    assert grant.recipient == "Sample Women's Centre"
    check_at_widths(page)


def test_a_contract_that_ends_before_it_starts_is_refused_beside_its_end(page, live_server, editor):
    sign_in(page, live_server, editor)
    visit_at_widths(page, "/manage/transparency/contracts/new/")
    main = page.locator("main")
    main.get_by_label("Reference", exact=True).fill("OPCC-2025-900")
    main.get_by_label("Title", exact=True).fill("Victims' referral service")
    main.get_by_label("Supplier", exact=True).fill("Sample Support Services Ltd")
    main.get_by_label("Value (£)", exact=True).fill("450000")
    fill_date(page, "Start date", "2025-04-01")
    fill_date(page, "End date", "2025-03-01")
    with page.expect_navigation():
        main.get_by_role("button", name="Save draft").click()
    check_at_widths(page)
    summary = page.locator(".govuk-error-summary")
    assert "The end date must be on or after the start date." in summary.inner_text()
    end = main.get_by_role("group", name="End date", exact=True)
    assert [end.get_by_label(box).input_value() for box in ("Day", "Month", "Year")] == [
        "1",
        "3",
        "2025",
    ]
    assert not Contract.objects.exists()

    fill_date(page, "End date", "2028-03-31")
    with page.expect_navigation():
        main.get_by_role("button", name="Save draft").click()
    contract = Contract.objects.get()
    assert (contract.starts_on, contract.ends_on) == (
        datetime.date(2025, 4, 1),
        datetime.date(2028, 3, 31),
    )
