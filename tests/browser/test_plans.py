"""Plans in a real browser: a staff user builds a plan from nothing, reorders it with the
keyboard, takes it through the statutory steps, and the public reads it. Every page is checked
with axe (WCAG 2.2 A/AA) and for CSP violations and JavaScript errors."""

import datetime
import re

import pytest

from plans import services
from plans.models import Commitment, Plan, Stage
from tests.browser.conftest import (
    check_accessibility,
    check_at_widths,
    confirm_and_publish,
    fill_date,
    sign_in,
    visit,
    visit_at_widths,
)
from tests.browser.staff_pages import fill, follow, submit
from tests.plans.helpers import full_plan, issue, published_plan

pytestmark = pytest.mark.browser


def _named(action, item):
    """A move button's accessible name: the action, then (visually hidden) the item."""
    return re.compile(rf"^{action}\W+{re.escape(item)}$")


def test_an_editor_builds_a_plan_from_nothing(page, live_server, editor):
    sign_in(page, live_server, editor)
    visit(page, "/manage/plans/")
    follow(page, "Create a plan")

    # A mistake is shown beside the field and what was typed is kept.
    fill(page, "Title", "Police and Crime Plan 2021-2025")
    fill(page, "Slug", "plan-2021-2025")
    fill(page, "Commissioner", "Andrew Snowden")
    fill_date(page, "Term starts", "2021-05-13")
    fill_date(page, "Term ends", "2020-01-01")
    submit(page, "Save draft")
    assert page.title().startswith("Error: ")
    assert "The term must end after it starts." in page.locator(".govuk-error-summary").inner_text()
    assert page.locator("main").get_by_label("Commissioner", exact=True).input_value() == (
        "Andrew Snowden"
    )
    fill_date(page, "Term ends", "2025-03-31")
    submit(page, "Save draft")
    plan = Plan.objects.get(slug="plan-2021-2025")
    assert page.url.endswith(plan.get_manage_url())

    # A section and two priorities.
    follow(page, "Add a section")
    fill(page, "Title", "Foreword from the Commissioner")
    page.locator("main").get_by_label("What kind of section it is").select_option("foreword")
    fill(page, "Body", "I was elected to lead the fight against crime.\n\n## Residents\n\nText.")
    submit(page, "Save")
    for title in ["Getting tough on anti-social behaviour", "Targeting dangerous drivers"]:
        with page.expect_navigation():
            page.get_by_role("link", name="Add a priority").click()
        fill(page, "Title", title)
        submit(page, "Save")
    assert list(plan.priorities.values_list("number", flat=True)) == [1, 2]

    # Commitments, an accountability item and a measure on priority 1.
    follow(page, "Priority 1: Getting tough on anti-social behaviour")
    for wording in ["Launch a Safer Lancashire Neighbourhoods Fund.", "Reopen front counters."]:
        with page.expect_navigation():
            page.get_by_role("link", name="Add a commitment").click()
        fill(page, "What I will do", wording)
        submit(page, "Save")
    with page.expect_navigation():
        page.get_by_role("link", name="Add an accountability item").click()
    fill(page, "I will hold the Chief Constable to account for", "Repeat offenders.")
    submit(page, "Save")
    with page.expect_navigation():
        page.get_by_role("link", name="Add a measure").click()
    fill(page, "Wording", "Improved public confidence in the police")
    page.locator("main").get_by_label("Direction").select_option("improve")
    fill(page, "Unit", "%")
    submit(page, "Save")
    assert "Improved public confidence in the police" in page.locator("main").inner_text()


# Reordering, now in place without a page load, is tested in test_reorder.py.


def test_the_editor_pages_preview_progress_copy_and_delete(page, live_server, editor):
    plan = full_plan(slug="pages")
    commitment = plan.priorities.get(number=1).commitments.get()
    sign_in(page, live_server, editor)
    visit(page, f"/manage/plans/{plan.pk}/")
    follow(page, "Preview as published")
    assert "Priority 2: Disrupting and dismantling organised crime" in page.inner_text("main")

    visit(page, f"/manage/plans/{plan.pk}/commitments/{commitment.pk}/progress/")
    page.locator("main").get_by_label("In progress").check()
    fill_date(page, "Date", "2021-12-06")
    fill(page, "What has happened", "Two front counters reopened.")
    submit(page, "Add the progress note")
    assert "Two front counters reopened." in page.inner_text("main")
    commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.IN_PROGRESS
    submit(page, "Add the progress note")  # no note: the error is shown beside the field
    assert page.title().startswith("Error: ")

    visit(page, f"/manage/plans/{plan.pk}/copy/")
    fill(page, "Title", "Police and Crime Plan 2025-2029")
    fill(page, "Slug", "plan-2025-2029")
    submit(page, "Copy the plan")
    assert "was started from" in page.inner_text("main")

    section = plan.sections.first()
    visit(page, f"/manage/plans/{plan.pk}/sections/{section.pk}/delete/")
    submit(page, "Delete the section")
    assert not plan.sections.filter(pk=section.pk).exists()

    visit(page, f"/manage/plans/{plan.pk}/edit/")
    fill(page, "Summary", "Five priorities chosen by residents.")
    submit(page, "Save draft")
    assert "The plan's details were saved" in page.inner_text("main")

    measure = plan.measures.filter(priority=None).get()
    visit(page, f"/manage/plans/{plan.pk}/measures/{measure.pk}/edit/")
    fill(page, "Unit", "homicides")
    submit(page, "Save")
    measure.refresh_from_db()
    assert measure.unit == "homicides"

    visit(page, f"/manage/plans/{plan.pk}/capital/new/")
    fill(page, "Scheme", "Estate strategy")
    fill(page, "Financial year", "2022/23")
    fill(page, "Amount (£m)", "14.810")
    submit(page, "Save")
    assert "Estate strategy" in page.inner_text("main")

    # A step out of order is refused with the reason above the form.
    page.locator("main").get_by_label("Chief Constable consulted").check()
    fill_date(page, "Date it happened", "2020-01-01")
    page.evaluate(
        """() => { const radio = document.querySelector("input[name=stage]:checked");
                   radio.value = "issued"; }"""
    )
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Record the step").click()
    assert page.title().startswith("Error: ")
    check_accessibility(page)

    copy = Plan.objects.get(slug="plan-2025-2029")
    visit(page, f"/manage/plans/{copy.pk}/")
    follow(page, "Delete this draft")
    submit(page, "Delete the draft plan")
    assert not Plan.objects.filter(pk=copy.pk).exists()

    visit(page, f"/manage/plans/{plan.pk}/revenue/new/")
    fill(page, "Financial year", "2021-22")
    fill(page, "Amount (£)", "226.45")
    submit(page, "Save")
    assert "Enter a financial year like 2021/22" in page.inner_text("main")


def test_a_plan_is_taken_through_its_steps_issued_and_read_by_the_public(
    page, live_server, editor, decision_maker
):
    plan = full_plan(slug="lancashire", title="Leading the fight against crime")
    sign_in(page, live_server, editor)
    visit(page, f"/manage/plans/{plan.pk}/")
    day = datetime.date(2021, 9, 1)
    for label in ["Chief Constable consulted", "Sent to the Panel",
                  "Panel report or recommendations received",
                  "Commissioner's response published"]:  # fmt: skip
        page.locator("main").get_by_label(label).check()
        fill_date(page, "Date it happened", day.isoformat())
        fill(page, "Note", f"{label}.")
        submit(page, "Record the step")
        day += datetime.timedelta(days=14)
    plan.refresh_from_db()
    assert plan.stage == Stage.RESPONSE_PUBLISHED
    assert "is for a decision maker" in page.inner_text("main")

    page.context.clear_cookies()
    sign_in(page, live_server, decision_maker)
    visit(page, f"/manage/plans/{plan.pk}/")
    # Issuing publishes the plan: it is taken from the check page, seen at both widths.
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Check and record \u201cIssued\u201d").click()
    check_at_widths(page)
    assert "Priority 2: Disrupting and dismantling organised crime" in page.inner_text("main")
    fill_date(page, "Date it happened", "2022-01-06")
    fill(page, "Decision reference (optional)", "28/2021")
    confirm_and_publish(page, "Approved by decision 28/2021.")
    assert "Version 1 is being published" in page.inner_text("main")

    # A later correction is published as a minor variation, with the reason it is minor.
    follow(page, "Check and publish a new version")
    fill(page, "Why is this a minor variation?", "It corrects a typing error in a figure.")
    confirm_and_publish(page, "Corrected the precept figure.")
    assert "Version 2 is being published" in page.inner_text("main")

    page.context.clear_cookies()
    visit(page, "/plans/")
    with page.expect_navigation():
        page.get_by_role("link", name="Leading the fight against crime").first.click()
    check_accessibility(page)
    main = page.inner_text("main")
    assert "Corrected the precept figure." in main
    assert "Approved by decision 28/2021." in main
    with page.expect_navigation():
        page.locator("#priorities").get_by_role(
            "link", name="Disrupting and dismantling organised crime"
        ).click()
    check_accessibility(page)
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Priority 2: Disrupting and dismantling organised crime"
    )
    visit(page, "/plans/lancashire/commitments/")
    assert re.search(r"Not started\s+2", page.inner_text("main"))
    response = page.request.get(f"{live_server.url}/plans/lancashire.pdf")
    assert response.headers["content-type"] == "application/pdf"


def test_public_pages_of_a_superseded_plan_and_a_missing_priority(page, live_server):
    old = full_plan(
        slug="old", title="Police and Crime Plan 2016-2021",
        term_start=datetime.date(2016, 5, 12), term_end=datetime.date(2021, 5, 12),
    )  # fmt: skip
    issue(old)
    issue(full_plan(slug="new", title="Leading the fight against crime"))
    visit(page, "/plans/")
    assert "Earlier plans" in page.inner_text("main")
    visit(page, "/plans/old/")
    assert "This plan has been superseded" in page.inner_text("main")
    visit(page, "/plans/old/priorities/9/", status=404)


def test_a_delivery_update_is_checked_released_and_read_by_the_public(
    page, live_server, decision_maker
):
    plan = published_plan(
        slug="delivery", title="Leading the fight against crime", by=decision_maker
    )
    commitment = plan.priorities.get(number=1).commitments.get()
    services.record_progress(
        commitment=commitment, status=Commitment.Status.DELIVERED,
        date=datetime.date(2022, 3, 1), note="The fund opened to applications.",
        by=decision_maker,
    )  # fmt: skip
    sign_in(page, live_server, decision_maker)
    visit_at_widths(page, f"/manage/plans/{plan.pk}/delivery/")
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Check and publish").click()
    check_at_widths(page)
    assert "The fund opened to applications." in page.inner_text("main")
    confirm_and_publish(page, "Progress to March 2022.")
    assert "Delivery update 1 is being published" in page.inner_text("main")

    page.context.clear_cookies()
    visit_at_widths(page, "/plans/delivery/commitments/")
    main = page.inner_text("main")
    assert "The fund opened to applications." in main
    assert "Progress to March 2022." in main
