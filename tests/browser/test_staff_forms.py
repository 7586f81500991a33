"""Staff forms in a real browser, at a phone's and a desktop's width with axe: the GOV.UK date
input typed with the keyboard, error summaries that name the field and lead to it, what was typed
shown again, the "saved" banner where the user lands, and a PDF's progress shown in place without
wiping what is being typed."""

import datetime

import pytest

from decisions.models import DecisionsReport
from pcc_portal.publications.models import RenderJob
from tests.browser.conftest import (
    check_accessibility,
    check_at_widths,
    fill_date,
    sign_in,
    visit_at_widths,
)
from tests.browser.staff_pages import reflows_and_passes_axe
from tests.plans.helpers import full_plan
from tests.publications.renders import render_job

pytestmark = pytest.mark.browser


def _submit(page, name):
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=name, exact=True).click()


def _focused(page):
    return page.evaluate("() => document.activeElement.id || document.activeElement.tagName")


def test_a_date_is_typed_in_three_boxes_and_a_wrong_one_is_named_and_kept(
    page, live_server, editor
):
    sign_in(page, live_server, editor)
    page.goto("/manage/decisions/reports/new/")
    reflows_and_passes_axe(page)
    main = page.locator("main")
    main.get_by_label("Title", exact=True).fill("Decisions report, December 2021")
    # The keyboard goes day, month, year; "15032027" typed into one box is not read as a date.
    start = main.get_by_role("group", name="From", exact=True)
    start.get_by_label("Day").focus()
    page.keyboard.type("15032027")
    page.keyboard.press("Tab")
    assert _focused(page) == "id_period_start_1"
    page.keyboard.press("Tab")
    assert _focused(page) == "id_period_start_2"
    fill_date(page, "To", "2021-11-30")
    _submit(page, "Save draft")
    reflows_and_passes_axe(page)
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    assert "From must include a month and year" in summary.inner_text()
    assert "This field is required." not in summary.inner_text()
    assert start.get_by_label("Day").input_value() == "15032027"
    assert main.get_by_label("Title", exact=True).input_value() == (
        "Decisions report, December 2021"
    )
    assert main.get_by_role("group", name="To", exact=True).get_by_label("Year").input_value() == (
        "2021"
    )
    # The summary leads to the box to correct.
    summary.get_by_role("link", name="From must include a month and year").click()
    assert _focused(page) == "id_period_start_0"
    assert not DecisionsReport.objects.exists()

    fill_date(page, "From", "2021-09-01")
    _submit(page, "Save draft")
    report = DecisionsReport.objects.get()
    assert (report.period_start, report.period_end) == (
        datetime.date(2021, 9, 1),
        datetime.date(2021, 11, 30),
    )
    # The confirmation is where the user lands: the banner at the top, focused, in view.
    banner = page.locator(".govuk-notification-banner--success")
    banner.wait_for()
    assert banner.is_visible() and banner.evaluate("(el) => el === document.activeElement")
    assert banner.evaluate("(el) => el.getBoundingClientRect().top >= 0")
    check_accessibility(page)


def test_the_decision_form_is_grouped_and_names_what_is_missing(page, live_server, editor):
    sign_in(page, live_server, editor)
    visit_at_widths(page, "/manage/decisions/new/")
    legends = page.locator("main legend.govuk-fieldset__legend--m").all_inner_texts()
    assert [legend.strip() for legend in legends] == [
        "About the decision",
        "The decision",
        "Part 1: background and advice",
        "Implications",
        "The police and crime plan",
        "Papers and publication",
    ]
    page.locator("main").get_by_label("Report by", exact=True).fill("Chief Executive")
    _submit(page, "Save draft")
    check_at_widths(page)
    summary = page.locator(".govuk-error-summary")
    assert "Enter the title" in summary.inner_text()
    assert "This field is required." not in summary.inner_text()
    assert page.locator("main").get_by_label("Report by", exact=True).input_value() == (
        "Chief Executive"
    )
    summary.get_by_role("link", name="Enter the title").click()
    assert _focused(page) == "id_title"


def test_a_pdf_s_progress_is_shown_in_place_without_losing_what_is_typed(page, live_server, editor):
    plan = full_plan(slug="in-place")
    job = render_job(plan, by=editor, document_type="plan")
    sign_in(page, live_server, editor)
    page.goto(f"/manage/plans/{plan.pk}/")
    reflows_and_passes_axe(page, phone=False)
    page.evaluate("() => { window.pccNotReloaded = true; }")
    region = page.locator("[data-render-job-status]")
    assert "Working on it" in region.inner_text()
    typing = page.locator("main textarea").first
    typing.fill("Half-written note the PDF must not wipe")

    job.status = RenderJob.Status.SUCCEEDED
    job.finished_at = datetime.datetime.now(tz=datetime.UTC)
    job.save()
    page.locator("[role=status]").filter(has_text="Rendered").first.wait_for()
    assert page.evaluate("() => window.pccNotReloaded === true"), "the page reloaded"
    assert typing.input_value() == "Half-written note the PDF must not wipe"
    check_accessibility(page)
