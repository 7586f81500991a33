"""The staff pages for offices and who holds them, and for continuing the decision numbering, in
a real browser: each page, its mistakes explained beside the field, checked with axe (WCAG 2.2
A/AA) and for CSP violations and JavaScript errors."""

import pytest
from django.contrib.auth.models import Permission

from decisions import services
from decisions.models import DecisionSequence
from pcc_portal.accounts.models import Office, OfficeHolding
from tests.accounts.factories import UserFactory
from tests.browser.conftest import check_accessibility, fill_date, sign_in, visit
from tests.browser.staff_pages import fill, follow, submit
from tests.decisions.conftest import declare
from tests.decisions.factories import DecisionFactory

pytestmark = pytest.mark.browser


def test_an_administrator_adds_a_delegated_office_and_its_holder(
    page, live_server, monitoring_officer
):
    manager = UserFactory(username="office-manager", first_name="Office", last_name="Manager")
    manager.user_permissions.add(
        Permission.objects.get(codename="manage_offices"),
        Permission.objects.get(codename="access_manage"),
    )
    director = UserFactory(username="director", first_name="Dora", last_name="Director")
    sign_in(page, live_server, manager)
    visit(page, "/manage/")
    follow(page, "Offices")
    assert "Held today by" in page.locator("main").inner_text()

    follow(page, "Add an office")
    page.locator("main").get_by_label("Chief Finance Officer", exact=True).check()
    fill(page, "Title", "Director of Resources")
    fill(page, "Up to what value (£)", "50000")
    submit(page, "Save the office")  # a statutory office with a limit, and a second CFO
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Only an office that makes decisions has a value limit" in summary
    assert "There is already an office of Chief Finance Officer" in summary
    page.locator("main").get_by_label("Officer with delegated authority", exact=True).check()
    fill(page, "What it may decide", "Contracts and grants within the approved budget.")
    submit(page, "Save the office")
    office = Office.objects.get(title="Director of Resources")
    assert page.url.endswith(f"/manage/offices/#office-{office.pk}")

    with page.expect_navigation():
        page.locator(f"a[href='/manage/offices/{office.pk}/holders/new/']").click()
    check_accessibility(page)
    page.locator("main").get_by_label("Who holds it").select_option(label=str(director))
    fill_date(page, "From", "2021-06-30")
    fill_date(page, "To", "2021-04-01")
    submit(page, "Save")
    assert page.title().startswith("Error: ")
    assert "must be on or after the first" in page.locator(".govuk-error-summary").inner_text()
    fill_date(page, "To", "")
    submit(page, "Save")
    holding = OfficeHolding.objects.get(office=office)
    assert holding.user == director and holding.ends_on is None

    with page.expect_navigation():
        page.locator(f"a[href='/manage/offices/holders/{holding.pk}/edit/']").click()
    check_accessibility(page)
    fill_date(page, "To", "2026-03-31")
    submit(page, "Save")
    holding.refresh_from_db()
    assert holding.ends_on.isoformat() == "2026-03-31"
    visit(page, f"/manage/offices/{office.pk}/edit/")


def test_staff_continue_the_numbering_from_an_earlier_system(
    page, live_server, editor, decision_maker
):
    for _ in range(2):
        decision = DecisionFactory()
        services.submit_decision(decision=decision, by=editor)
        services.sign_decision(decision=declare(decision), by=decision_maker)
    sign_in(page, live_server, editor)
    visit(page, "/manage/decisions/")
    follow(page, "Numbering")
    year = DecisionSequence.objects.get()
    page.locator("main").get_by_label("Financial year").select_option(str(year.financial_year))
    fill(page, "Last reference number used", "1")
    submit(page, "Continue the numbering")
    assert page.title().startswith("Error: ")
    assert "numbering cannot go back" in page.locator(".govuk-error-summary").inner_text()
    fill(page, "Last reference number used", "27")
    submit(page, "Continue the numbering")
    assert f"takes 28/{year.financial_year}" in (
        page.locator(".govuk-notification-banner").inner_text()
    )
    year.refresh_from_db()
    assert year.last_number == 27
