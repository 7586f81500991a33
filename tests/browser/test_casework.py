"""The Panel's casework in a real browser: the secretary records the precept, its report and
vote, releases it through its check page and withdraws it; the public reads it, then the
notice. Every page is checked with axe (WCAG 2.2 A/AA) at a phone's and a desktop's width, and
for CSP violations and script errors."""

import datetime

import pytest

from casework import services
from casework.models import Case, Step
from tests.browser.conftest import (
    check_at_widths,
    fill_date,
    reauthenticate_if_asked,
    sign_in,
    visit_at_widths,
)
from tests.browser.staff_pages import submit
from tests.casework.factories import ComplaintFactory, HearingFactory, release
from tests.panel.factories import AgendaItemFactory, MeetingFactory, MemberFactory, PanelFactory
from tests.panel.helpers import pdf_bytes

pytestmark = pytest.mark.browser


def test_the_secretary_records_and_publishes_a_precept(
    page, live_server, panel_secretary, tmp_path
):
    panel = PanelFactory()
    meeting = MeetingFactory(panel=panel, date="2022-02-01")
    for _ in range(13):
        MemberFactory(panel=panel)
    sign_in(page, live_server, panel_secretary)
    visit_at_widths(page, "/manage/casework/")
    page.get_by_role("link", name="New precept").click()
    check_at_widths(page)
    page.get_by_label("Financial year").fill("2022")
    page.get_by_label("Public meeting").select_option(str(meeting.pk))
    submit(page, "Save")
    check_at_widths(page)
    assert "1 February 2022" in page.locator("main").inner_text()

    page.get_by_role("link", name="Record a step").click()
    page.get_by_label("Proposed precept notified to the Panel").check()
    fill_date(page, "Date", "2022-01-24")
    page.get_by_label("Precept for a Band D property").fill("236.45")
    proposal = tmp_path / "proposal.pdf"
    proposal.write_bytes(pdf_bytes("The proposed precept"))
    page.get_by_label("Document (PDF)").set_input_files(str(proposal))
    submit(page, "Record the step")

    page.get_by_role("link", name="Record a step").click()
    page.get_by_label("The Panel's report on the proposed precept").check()
    fill_date(page, "Date", "2022-02-01")
    page.get_by_label("Outcome").select_option("vetoed")
    page.get_by_label("If vetoed").select_option("too_high")
    page.get_by_label("Votes for").fill("8")
    page.get_by_label("Votes against").fill("5")
    submit(page, "Record the step")
    check_at_widths(page)  # the error page: summary and message beside the votes
    assert "9 votes. 8 is not enough" in page.locator("main").inner_text()
    page.get_by_label("Outcome").select_option("supported")
    submit(page, "Record the step")

    case_url = page.url
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Check and publish").click()
    check_at_widths(page)  # the check page: each step and its cleaned document
    assert "The Panel's report on the proposed precept" in page.locator("main").inner_text()
    page.get_by_label("What has changed?").fill("First release of the precept")
    page.get_by_label("I have checked what becomes public").check()
    submit(page, "Publish")
    reauthenticate_if_asked(page)
    assert Case.objects.get().is_public
    check_at_widths(page)  # the staff page with its publishing panel and versions
    page.goto(f"{live_server.url}/panel/precept/")
    check_at_widths(page)
    page.get_by_role("link", name="Precept 2022/23").click()
    check_at_widths(page)
    main = page.locator("main").inner_text()
    assert "£236.45" in main and "8 for, 5 against" in main
    assert "8 Feb 2022" in main

    page.goto(case_url)
    page.locator("main").get_by_text("Withdraw from the public site").first.click()
    page.get_by_label("Why is it being withdrawn?").fill("Released before the Panel met")
    submit(page, "Withdraw from the public site")
    reauthenticate_if_asked(page)
    assert not Case.objects.get().is_public
    visit_at_widths(page, "/panel/precept/2022/", status=410)
    assert "Released before the Panel met" in page.locator("main").inner_text()


def test_the_public_reads_a_hearing_and_an_annual_report_review(page):
    meeting = MeetingFactory(date=datetime.date(2021, 7, 20))
    item = AgendaItemFactory(meeting=meeting, title="Confirmation hearing: Deputy Commissioner")
    hearing = HearingFactory(
        panel=meeting.panel,
        post=Case.Post.DEPUTY,
        candidate="Andrew Pratt",
        meeting=meeting,
        agenda_item=item,
    )
    review = Case.objects.create(
        panel=meeting.panel, kind=Case.Kind.ANNUAL_REPORT, year=2020, meeting=meeting
    )
    for case in (hearing, review):
        services.record_step(
            step=Step(case=case, kind=Step.Kind.PROPOSAL, date=datetime.date(2021, 7, 2)),
            by=None,
        )
        release(case)
    visit_at_widths(page, "/panel/confirmation-hearings/")
    page.get_by_role("link", name="Andrew Pratt").click()
    check_at_widths(page)
    assert "Confirmation hearing: Deputy Commissioner" in page.locator("main").inner_text()
    visit_at_widths(page, "/panel/annual-reports/")
    visit_at_widths(page, "/panel/annual-reports/2020/")


def test_the_secretary_records_a_complaint_and_the_public_sees_only_counts(
    page, live_server, panel_secretary
):
    ComplaintFactory()
    sign_in(page, live_server, panel_secretary)
    visit_at_widths(page, "/manage/casework/complaints/")
    page.get_by_role("link", name="Record a complaint").click()
    check_at_widths(page)
    page.get_by_label("The Deputy Commissioner").check()
    fill_date(page, "Received on", "2021-11-02")
    page.get_by_label("Complainant name").fill("BROWSERCOMPLAINANT")
    page.get_by_label("Details").fill("What happened.")
    page.get_by_label("Recorded", exact=True).check()
    fill_date(page, "Date of that decision", "2021-11-04")
    submit(page, "Save the complaint")
    check_at_widths(page)
    assert "BROWSERCOMPLAINANT" not in page.locator("main").inner_text()  # listed by number
    visit_at_widths(page, "/panel/complaints/")
    main = page.locator("main").inner_text()
    assert "2021/22" in main and "BROWSERCOMPLAINANT" not in main


def test_the_public_asks_a_question_and_the_secretary_accepts_it(
    page, live_server, panel_secretary
):
    from django.core import mail
    from django.utils import timezone

    from casework.models import QuestionWindow

    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=10))
    QuestionWindow.objects.create(
        meeting=meeting, deadline=timezone.now() + datetime.timedelta(days=5)
    )
    url = f"/panel/meetings/{meeting.date.isoformat()}/questions/"
    visit_at_widths(page, url)
    page.get_by_label("Your name").fill("Pat Asker")
    page.get_by_label("Your email address").fill("pat@example.org")
    page.get_by_label("Your question").fill("BROWSERQUESTION about patrols?")
    page.get_by_label("Do not publish my name").check()
    submit(page, "Send the question")
    check_at_widths(page)
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/confirm/" in line)
    page.goto(link.strip())
    check_at_widths(page)
    submit(page, "Confirm and send my question")
    check_at_widths(page)

    sign_in(page, live_server, panel_secretary)
    visit_at_widths(page, f"/manage/casework/meetings/{meeting.pk}/questions/")
    page.get_by_role("link", name="Accept or reject").click()
    check_at_widths(page)
    page.get_by_label("Accept it for the meeting").check()
    submit(page, "Save the decision")
    visit_at_widths(page, url)
    main = page.locator("main").inner_text()
    assert "BROWSERQUESTION" in main and "A member of the public" in main
    assert "Pat Asker" not in main
