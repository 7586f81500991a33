"""Decisions in a real browser: an editor drafts decision 28/2021 from the seed, the chief finance
officer and the monitoring officer declare, an editor cannot sign, the Commissioner signs (giving
the password again) and the editor publishes, and the public reads the register, the notice, the
restricted stub and the Panel's report. Every page is checked with axe (WCAG 2.2 A/AA) and for CSP
violations and JavaScript errors."""

import datetime
import zoneinfo

import pytest

from decisions import services
from decisions.models import Decision, DecisionPart2
from pcc_portal.publications import services as publishing
from tests.browser.conftest import (
    check_accessibility,
    confirm_and_publish,
    fill_date,
    sign_in,
    visit,
)
from tests.browser.staff_pages import fill, follow, reauthenticate, sign_out, submit
from tests.decisions.conftest import declare
from tests.decisions.factories import DecisionFactory, DecisionsReportFactory
from tests.plans.factories import PlanFactory, PriorityFactory

pytestmark = pytest.mark.browser

LONDON = zoneinfo.ZoneInfo("Europe/London")


def _crumb(page, name):
    with page.expect_navigation():
        page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name=name).click()
    check_accessibility(page)


def test_the_whole_approval_flow_of_decision_28_2021(
    page, live_server, editor, decision_maker, monitoring_officer, finance_officer
):
    services.continue_numbering(financial_year=_this_financial_year(), last_number=27)
    PriorityFactory(
        plan=PlanFactory(previous_term=True), number=1, title="Protecting local policing"
    )

    sign_in(page, live_server, editor)
    visit(page, "/manage/")
    visit(page, "/manage/decisions/")
    follow(page, "Draft a decision")

    # A mistake is explained beside the field, and what was typed is kept.
    fill(page, "Title", "Police and Crime Plan 2021 - 2025")
    fill(page, "Report by", "Ian Dickinson, Head of Governance")
    fill(page, "Executive summary", "To consider the draft Police and Crime Plan 2021-2025.")
    fill(page, "Recommendation", "That the Commissioner approves the draft plan.")
    fill(
        page,
        "Background and advice",
        "A Commissioner must issue a plan within the financial year of an ordinary election.",
    )
    fill(page, "Legal implications", "As set out in the Police Reform and Social Act 2011.")
    fill(page, "Financial implications", "Drawn up in the context of the budget and precept.")
    fill(page, "Background papers", "Police Reform and Social Responsibility Act 2011")
    submit(page, "Save draft")  # "Plan priorities" is chosen, but none is ticked
    assert page.title().startswith("Error: ")
    assert "Tick the plan priorities" in page.locator(".govuk-error-summary").inner_text()
    assert page.locator("main").get_by_label("Report by", exact=True).input_value() == (
        "Ian Dickinson, Head of Governance"
    )
    ticked = page.locator("main").get_by_label("Protecting local policing", exact=False)
    assert ticked.is_visible()
    page.locator("main").get_by_label("All priorities", exact=True).check()
    assert not ticked.is_visible()  # only asked for when "Plan priorities" is chosen
    check_accessibility(page)
    submit(page, "Save draft")
    decision = Decision.objects.get(title="Police and Crime Plan 2021 - 2025")
    assert page.url.endswith(decision.get_manage_url())

    # A PDF for Part 1: a file that is not a PDF is refused beside the field.
    follow(page, "Attach a PDF to Part 1")
    fill(page, "Title", "Police and Crime Plan 2021-2025")
    page.locator("main").get_by_label("File").set_input_files(
        {"name": "plan.pdf", "mimeType": "application/pdf", "buffer": b"not really a pdf"}
    )
    submit(page, "Upload")
    assert page.title().startswith("Error: ")
    assert "whatever its name says" in page.locator(".govuk-error-summary").inner_text()
    _crumb(page, decision.title)

    # Part 2: written by staff, never published.
    follow(page, "Part 2")
    follow(page, "Write Part 2")
    fill(page, "Why it is exempt", "Legal advice: Freedom of Information Act section 42")
    fill(page, "Content", "Counsel's view on the timing of the plan.")
    submit(page, "Save Part 2")
    assert "Counsel" in page.locator("main").inner_text()
    follow(page, "Attach a PDF to Part 2")
    _crumb(page, decision.title)

    submit(page, "Submit to the monitoring officer")
    main = page.locator("main").inner_text()
    assert "Awaiting declarations" in main
    # The editor holds neither statutory office: the page says so instead of offering it.
    assert "does not hold the office of Monitoring Officer" in main
    assert page.locator("main").get_by_role("button", name="Approve and sign").count() == 0
    sign_out(page)

    # The chief finance officer, then the monitoring officer, declare.
    sign_in(page, live_server, finance_officer)
    visit(page, decision.get_manage_url())
    submit(page, "Make the chief finance officer's declaration")
    assert "awaits the other declaration" in page.locator(".govuk-notification-banner").inner_text()
    sign_out(page)
    sign_in(page, live_server, monitoring_officer)
    visit(page, "/manage/")
    visit(page, decision.get_manage_url())
    submit(page, "Make the monitoring officer's declaration")
    main = page.locator("main").inner_text()
    assert "Awaiting signature" in main
    assert "Only the holder of the office of Police and Crime Commissioner can sign it." in main
    sign_out(page)

    # The Commissioner signs, giving the password again first.
    sign_in(page, live_server, decision_maker)
    visit(page, decision.get_manage_url())
    page.locator("main").get_by_role("button", name="Approve and sign", exact=True).click()
    page.wait_for_url(f"{live_server.url}/accounts/reauthenticate/**")
    reauthenticate(page, live_server)
    decision.refresh_from_db()
    assert decision.reference == f"28/{_this_financial_year()}"
    assert "Publish it by" in page.locator(".govuk-notification-banner").inner_text()
    main = page.locator("main").inner_text()
    assert f"{monitoring_officer.get_full_name()}, Monitoring Officer" in main
    assert f"{decision_maker.get_full_name()}, Police and Crime Commissioner" in main
    sign_out(page)

    # The editor publishes it, giving the password again too.
    sign_in(page, live_server, editor)
    visit(page, "/manage/")
    assert decision.title in page.locator("main").inner_text()  # due for publication
    visit(page, decision.get_manage_url())
    page.locator("main").get_by_role("link", name="Check and publish").click()
    page.wait_for_url(f"{live_server.url}/accounts/reauthenticate/**")
    reauthenticate(page, live_server)
    assert "Part 2 is never published." in page.locator("main").inner_text()
    confirm_and_publish(page, "First publication")
    page.wait_for_function("() => !document.querySelector('[data-render-job-url]')", timeout=30_000)
    check_accessibility(page)
    decision.refresh_from_db()
    assert decision.is_published and decision.live_version()
    follow(page, "History of this decision")
    sign_out(page)

    # The public reads it.
    visit(page, "/decisions/")
    assert "Police and Crime Plan 2021 - 2025" in page.locator("main").inner_text()
    page.locator("main").get_by_label("Search the register").fill("plan 2021")
    submit(page, "Apply filters")
    assert "1 decision matches" in page.locator("main").inner_text()
    follow(page, decision.reference)
    assert "Counsel" not in page.locator("main").inner_text()
    response = page.request.get(decision.get_pdf_url())
    assert response.status == 200 and response.body().startswith(b"%PDF")
    visit(page, "/decisions/data/")


def test_staff_side_pages_for_rejecting_withdrawing_and_reporting(
    page, live_server, editor, decision_maker
):
    draft = DecisionFactory(title="Environment and Sustainability Strategy 2022")
    declared = DecisionFactory(title="Proposed police precept 2022/23")
    services.submit_decision(decision=declared, by=editor)
    declare(declared)

    sign_in(page, live_server, editor)
    visit(page, f"/manage/decisions/{draft.pk}/edit/")
    visit(page, f"/manage/decisions/{draft.pk}/withdraw/")
    submit(page, "Withdraw the decision")  # no reason given
    assert page.title().startswith("Error: ")
    fill(page, "Why is it withdrawn?", "Folded into the estates strategy")
    submit(page, "Withdraw the decision")
    assert "Withdrawn" in page.locator("main").inner_text()
    visit(page, f"/manage/decisions/{declared.pk}/return/")
    visit(page, "/manage/decisions/?status=declared")

    visit(page, "/manage/decisions/reports/")
    follow(page, "Prepare a decisions report")
    fill_date(page, "From", "2021-12-06")
    fill_date(page, "To", "2021-10-13")
    submit(page, "Save draft")
    assert page.title().startswith("Error: ")
    fill_date(page, "From", "2021-10-13")
    fill_date(page, "To", "2021-12-06")
    submit(page, "Save draft")
    assert "Preview of the draft" in page.locator("main").inner_text()
    follow(page, "Edit the draft")
    sign_out(page)

    sign_in(page, live_server, decision_maker)
    visit(page, f"/manage/decisions/{declared.pk}/reject/")
    fill(page, "Why is it rejected?", "The precept proposal needs the Panel's view first.")
    submit(page, "Reject the decision")
    assert "Rejected" in page.locator("main").inner_text()


def test_the_public_sees_a_restricted_decisions_stub_and_the_panel_report(
    page, editor, decision_maker, django_capture_on_commit_callbacks
):
    restricted = DecisionFactory(
        title="Victim Services Contract Award",
        is_restricted=True,
        executive_summary="Award the contract to the chosen bidder.",
        priority_scope="governance",
    )
    DecisionPart2.objects.create(
        decision=restricted, exemption="Commercially sensitive", content="Bid prices."
    )
    services.submit_decision(decision=restricted, by=editor)
    declare(restricted)
    signed_at = datetime.datetime(2021, 11, 3, 12, tzinfo=LONDON)
    services.sign_decision(decision=restricted, by=decision_maker, signed_at=signed_at)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_decision(decision=restricted, by=editor, note="First publication")
    report = DecisionsReportFactory(
        period_start=datetime.date(2021, 10, 13), period_end=datetime.date(2021, 12, 6)
    )
    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish(obj=report, by=editor, note="For the 6 December 2021 meeting")

    visit(page, restricted.get_absolute_url())
    main = page.locator("main").inner_text()
    assert "Victim Services Contract Award (restricted)" in main
    assert "chosen bidder" not in main
    visit(page, "/decisions/?priority=governance")
    visit(page, report.get_absolute_url())
    assert "Victim Services Contract Award (restricted)" in page.locator("main").inner_text()


def _this_financial_year():
    from django.utils import timezone

    from pcc_portal.financial_year import financial_year_of

    return financial_year_of(timezone.localdate())
