"""Performance and scrutiny in a real browser: the public dashboard, measure history, quarterly
report and scrutiny note; staff entering figures, importing a spreadsheet, writing commentary and
publishing. Every page is checked with axe (WCAG 2.2 A/AA) and for CSP or JavaScript errors."""

import datetime

import pytest

from pcc_portal.approvals.models import ApprovalRequest
from pcc_portal.publications import services as publishing
from performance.models import DataPoint, MeasureImport, QuarterlyReport, ScrutinyAction
from tests.browser.conftest import (
    check_accessibility,
    check_and_publish,
    check_at_widths,
    fill_date,
    sign_in,
    visit,
    visit_at_widths,
)
from tests.browser.staff_pages import reauthenticate, sign_out, submit
from tests.performance.factories import (
    MeasureCommentaryFactory,
    PaperFactory,
    QuarterlyReportFactory,
    ScrutinyActionFactory,
    ScrutinyMeetingFactory,
    mark_published,
    quarterly_series,
)
from tests.plans.factories import MeasureFactory, PlanFactory, PriorityFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def performance_data(decision_maker):
    plan = PlanFactory(slug="police-and-crime-plan-2021-2025")
    asb = PriorityFactory(plan=plan, number=1, title="Getting tough on anti-social behaviour")
    roads = PriorityFactory(plan=plan, number=2, title="Targeting dangerous drivers")
    incidents = MeasureFactory(
        priority=asb,
        direction="monitor",
        unit="incidents",
        wording="The number and type of anti-social behaviour incidents in Lancashire",
    )
    ksi = MeasureFactory(
        priority=roads,
        direction="reduce",
        unit="casualties",
        is_national=True,
        wording="People killed or seriously injured on Lancashire's roads",
    )
    MeasureCommentaryFactory(measure__priority=asb, measure__wording="Visibility in hot spots")
    quarterly_series(
        incidents, values=[24000 + 150 * (q % 4) for q in range(12)], comparisons=[24500] * 12
    )
    quarterly_series(ksi, values=[210 - q for q in range(12)], comparisons=[215] * 12)
    # Published after its measures are added: the public reads the plan as published.
    mark_published(plan, by=decision_maker)
    report = QuarterlyReportFactory(plan=plan, financial_year=2021, quarter=2)
    publishing.publish(obj=report, by=decision_maker, note="First publication")
    meeting = ScrutinyMeetingFactory(date=datetime.date(2021, 11, 15), report=report)
    PaperFactory(meeting=meeting)
    ScrutinyActionFactory(raised_at=meeting)
    publishing.publish(obj=meeting, by=decision_maker, note="Note published")
    return {"plan": plan, "incidents": incidents, "ksi": ksi, "report": report, "meeting": meeting}


def test_public_performance_pages(page, performance_data):
    visit(page, "/performance/")
    assert page.get_by_role("heading", level=1).inner_text() == "How the police are performing"
    assert (
        page.get_by_role(
            "img", name="The number and type of anti-social behaviour incidents in Lancashire"
        ).count()
        == 1
    )
    page.get_by_text("Figures for this chart").first.click()
    check_accessibility(page)

    visit(page, f"/performance/measures/{performance_data['ksi'].pk}/")
    assert page.locator("svg[role=img] circle").count() == 12
    assert page.locator("table[data-chart-table] tbody tr").count() == 12

    visit(page, "/performance/reports/")
    page.get_by_role("link", name="Quarter 2 2021-22 (July to September 2021)").click()
    page.wait_for_url("**/performance/reports/2021-22-q2/")
    check_accessibility(page)
    assert page.locator("svg[role=img]").count() == 2
    assert page.get_by_role("link", name="Download the report as a PDF").is_visible()

    visit(page, "/performance/scrutiny/")
    visit(page, "/performance/scrutiny/2021-11-15/")
    assert page.get_by_role("heading", name="Actions for the Chief Constable").is_visible()


def test_staff_enter_a_figure_and_commentary(page, live_server, editor, performance_data):
    ksi = performance_data["ksi"]
    sign_in(page, live_server, editor)
    visit(page, "/manage/")
    page.get_by_role("link", name="Measures and figures").click()
    check_accessibility(page)
    page.get_by_role("link", name=ksi.wording).click()
    check_accessibility(page)

    page.get_by_label("Period").fill("the third quarter")
    page.get_by_label("Value (casualties)").fill("199")
    with page.expect_navigation():
        page.get_by_role("button", name="Save figure").click()
    assert page.title().startswith("Error: ")
    assert "is not a period" in page.locator(".govuk-error-summary").inner_text()
    assert page.get_by_label("Value (casualties)").input_value() == "199"  # kept
    check_accessibility(page)
    page.get_by_label("Period").fill("2022-23 Q1")
    with page.expect_navigation():
        page.get_by_role("button", name="Save figure").click()
    assert DataPoint.objects.filter(measure=ksi, period_start="2022-04-01", value=199).exists()
    check_accessibility(page)

    page.get_by_role("link", name="Correct the figure for 2022-23 Q1").click()
    check_accessibility(page)
    page.go_back()
    page.get_by_role("link", name="Add commentary").click()
    check_accessibility(page)
    fill_date(page, "Date", "2022-07-20")
    page.get_by_label("Commentary").fill("Casualties fell after the **fatal five** campaign.")
    with page.expect_navigation():
        page.get_by_role("button", name="Add commentary").click()
    assert page.get_by_text("Casualties fell after the").is_visible()
    visit(page, f"/manage/performance/measures/{ksi.pk}/figures/new/")


def test_staff_import_a_spreadsheet_see_every_error_then_apply(
    page, live_server, editor, performance_data
):
    incidents = performance_data["incidents"]
    sign_in(page, live_server, editor)
    visit(page, "/manage/performance/imports/")
    page.get_by_role("link", name="Import figures").click()
    check_accessibility(page)
    bad = f"measure,period,value\n{incidents.pk},2022-23 Q1,lots\n0,2022-23 Q1,5\n".encode()
    page.get_by_label("Spreadsheet").set_input_files(
        files=[{"name": "bad.csv", "mimeType": "text/csv", "buffer": bad}]
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Upload and check").click()
    assert "Nothing can be applied: 2 problems in 2 rows" in page.inner_text("main")
    assert page.get_by_role("button", name="Apply all 2 rows").count() == 0
    check_accessibility(page)

    page.get_by_role("link", name="Upload a corrected file").click()
    good = f"measure,period,value\n{incidents.pk},2022-23 Q1,23100\n".encode()
    page.get_by_label("Spreadsheet").set_input_files(
        files=[{"name": "good.csv", "mimeType": "text/csv", "buffer": good}]
    )
    submit(page, "Upload and check")
    assert not DataPoint.objects.filter(period_start="2022-04-01").exists()
    with page.expect_navigation():
        page.get_by_role("button", name="Apply all 1 rows").click()
    assert "1 rows applied" in page.inner_text("main")
    check_accessibility(page)
    assert MeasureImport.objects.filter(status="applied").count() == 1
    visit(page, "/manage/performance/imports/")


def test_decision_maker_writes_and_publishes_a_quarterly_report(
    page, live_server, decision_maker, performance_data
):
    sign_in(page, live_server, decision_maker)
    visit(page, "/manage/performance/reports/")
    page.get_by_role("link", name="Start a quarterly report").click()
    check_accessibility(page)
    page.get_by_label("Financial year").fill("2021")
    page.get_by_label("Q3 (October to December)").check()
    page.get_by_label("Headlines").fill("Anti-social behaviour reports fell.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    report = QuarterlyReport.objects.get(quarter=3)
    check_accessibility(page)

    page.get_by_role("link", name="Edit commentary per priority").click()
    check_accessibility(page)
    page.get_by_label("2. Targeting dangerous drivers").fill("Casualties fell again.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save commentary").click()
    assert page.get_by_text("Casualties fell again.").is_visible()
    page.get_by_role("link", name="Edit headlines and statement").click()
    check_accessibility(page)
    page.go_back()

    check_and_publish(page, "First publication")  # giving the password again when asked
    assert page.url.endswith(f"/manage/performance/reports/{report.pk}/")
    assert report.live_version() is not None
    visit(page, "/performance/reports/2021-22-q3/")
    assert page.get_by_text("Casualties fell again.").is_visible()


def test_staff_record_a_scrutiny_meeting_and_its_actions(
    page, live_server, editor, performance_data
):
    sign_in(page, live_server, editor)
    visit(page, "/manage/performance/meetings/")
    page.get_by_role("link", name="Record a meeting").click()
    check_accessibility(page)
    fill_date(page, "Date", "2022-02-21")
    page.get_by_label("Attendees").fill("Police and Crime Commissioner\nChief Constable")
    page.get_by_label("Topics").fill("Force Control Room")
    submit(page, "Save draft")
    # The November action is carried forward into February.
    assert page.get_by_text("Report on 101 call answering times.").count() >= 1
    meeting_url = page.url

    page.get_by_role("link", name="Add a paper received").click()
    check_accessibility(page)
    page.get_by_label("Title").fill("Force Control Room update")
    with page.expect_navigation():
        page.get_by_role("button", name="Add paper").click()
    page.get_by_role("link", name="Add an action").click()
    check_accessibility(page)
    page.get_by_label("Description").fill("Publish 101 answer times monthly.")
    fill_date(page, "Due date", "2022-05-16")
    with page.expect_navigation():
        page.get_by_role("button", name="Add action").click()
    page.get_by_role("link", name="Edit the meeting and its note").click()
    check_accessibility(page)
    visit(page, meeting_url)

    action = ScrutinyAction.objects.get(description="Report on 101 call answering times.")
    visit(page, f"/manage/performance/actions/{action.pk}/")
    page.get_by_label("Closed", exact=True).check()
    fill_date(page, "Closed on (for a closed action)", "2022-02-21")
    with page.expect_navigation():
        page.get_by_role("button", name="Save progress").click()
    action.refresh_from_db()
    assert action.status == "closed"
    check_accessibility(page)


def test_a_flagged_figure_is_confirmed_then_released_by_a_decision_maker(
    page, live_server, editor, decision_maker, performance_data
):
    ksi = performance_data["ksi"]  # 2021-22: 202, 201, 200 and 199 casualties
    sign_in(page, live_server, editor)
    visit(page, f"/manage/performance/measures/{ksi.pk}/figures/new/")
    page.get_by_label("Period").fill("2022-23 Q1")
    page.get_by_label("Value (casualties)").fill("410")
    with page.expect_navigation():
        page.get_by_role("button", name="Save figure").click()
    assert "more than 50% away from 200.5 casualties" in page.inner_text("main")
    assert page.get_by_label("Value (casualties)").input_value() == "410"
    check_accessibility(page)
    page.get_by_label("I have checked this figure").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save figure").click()
    assert "Awaiting release" in page.inner_text("main")
    check_accessibility(page)
    visit(page, "/manage/performance/figures/release/2022-23-q1/")
    assert page.get_by_role("button", name="Release these figures").count() == 0
    assert "You cannot release this quarter's figures yourself" in page.inner_text("main")
    assert str(decision_maker) in page.locator("#approvers").inner_text()
    # The editor asks the decision maker to release them: the note is required.
    with page.expect_navigation():
        page.get_by_role("button", name="Ask for approval to release").click()
    assert "the note is required" in page.inner_text("main")
    check_at_widths(page)
    page.get_by_label("What should the approver know?").fill("The rise in casualties is checked.")
    with page.expect_navigation():
        page.get_by_role("button", name="Ask for approval to release").click()
    assert "You asked for approval" in page.inner_text("main")
    assert "Awaiting approval" in page.inner_text("main")
    check_accessibility(page)
    sign_out(page)

    sign_in(page, live_server, decision_maker)
    visit(page, "/manage/")
    page.locator("#approval-queue").get_by_role("link").click()
    assert "The rise in casualties is checked." in page.inner_text("main")
    check_at_widths(page)
    page.get_by_role("link", name="Check and release").click()
    check_accessibility(page)
    assert "410" in page.inner_text("main") and "Not public" in page.inner_text("main")
    with page.expect_navigation():
        page.get_by_role("button", name="Release these figures").click()
    reauthenticate(page, live_server)  # releasing asks for the password again
    assert "1 figure for 2022-23 Q1 released" in page.inner_text("main")
    assert ApprovalRequest.objects.get().status == ApprovalRequest.Status.APPROVED
    visit_at_widths(page, "/manage/approvals/")  # the approved request is off the queue
    assert "Nothing awaits your approval" in page.inner_text("main")
    visit(page, "/manage/performance/figures/release/")
    assert DataPoint.objects.get(measure=ksi, period_start="2022-04-01").is_released
    visit(page, f"/performance/measures/{ksi.pk}/")
    assert page.locator("table[data-chart-table] tbody tr").count() == 13
