"""The panel in a real browser: the secretary builds an agenda and publishes its pack, records
the proceedings and publishes the minutes; the public and a member read the results. Every page
is checked with axe (WCAG 2.2 A/AA) and for CSP violations and script errors."""

import datetime
import io

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from panel.models import (
    Meeting,
    Member,
    PackBuild,
    PackPaper,
    Report,
    TaskAndFinishGroup,
)
from panel.services import meetings as meeting_services
from panel.services import proceedings
from pcc_portal.accounts import roles
from pcc_portal.publications import services as publishing
from tests.accounts.factories import UserFactory
from tests.browser.conftest import (
    check_accessibility,
    check_and_publish,
    check_at_widths,
    confirm_and_publish,
    fill_date,
    sign_in,
    visit,
    visit_at_widths,
)
from tests.browser.staff_pages import follow, submit
from tests.panel.factories import MeetingFactory, MemberFactory, PanelFactory
from tests.panel.helpers import pdf_bytes, published_meeting

pytestmark = pytest.mark.browser


def test_the_secretary_builds_an_agenda_and_publishes_the_pack(page, live_server, panel_secretary):
    sign_in(page, live_server, panel_secretary)
    visit(page, "/manage/panel/")
    page.get_by_role("link", name="the panel's details").click()
    check_accessibility(page)
    page.get_by_label("Name").first.fill("Police & Crime Panel for Lancashire")
    page.get_by_label("Host authority").fill("Blackburn with Darwen Borough Council")
    page.get_by_label("Secretary name").fill("Asad Laher")
    page.get_by_label("Secretary email").fill("secretary@panel.example.org")
    submit(page, "Save")

    visit(page, "/manage/panel/members/new/")
    page.get_by_label("Name").fill("Jackie Oakes")
    page.get_by_label("Council").fill("Rossendale Borough Council")
    page.get_by_label("Role").select_option("chair")
    fill_date(page, "Term start", "2021-05-20")
    page.get_by_label("Email").fill("chair@council.example.org")
    submit(page, "Save the member")
    assert "Councillor Jackie Oakes" in page.locator("main").inner_text()

    visit(page, "/manage/panel/")
    page.get_by_role("link", name="Arrange a meeting").click()
    check_accessibility(page)
    fill_date(page, "Date", "2021-12-06")
    page.get_by_label("Start time").fill("18:00")
    page.get_by_label("Venue").fill("Blackburn Town Hall")
    page.get_by_label("Room").fill("Meeting Room A")
    submit(page, "Save the meeting")
    assert "Declarations of Interest" in page.locator("main").inner_text()
    meeting = Meeting.objects.get(date=datetime.date(2021, 12, 6))

    page.get_by_role("link", name="Add an agenda item").click()
    check_accessibility(page)
    page.get_by_label("Title").fill("PCC Update Report")
    page.get_by_label("Presenter").fill("The Commissioner")
    submit(page, "Save the item")
    item = meeting.items.get(title="PCC Update Report")

    page.get_by_role("link", name=f"write a report for item {item.number}").click()
    check_accessibility(page)
    page.get_by_label("Contact").fill("Ian Dickinson, Office of the Police and Crime Commissioner")
    page.get_by_label("Executive summary").fill("An update on the plan and the Office's work.")
    page.get_by_label("Recommendation").fill("The Panel is asked to consider the report.")
    page.get_by_label("Body").fill(
        "## Background\n\nFront counters reopened in Leyland and Kirkham."
    )
    submit(page, "Save the report")

    page.get_by_role("link", name=f"upload a PDF for item {item.number}").click()
    check_accessibility(page)
    page.get_by_label("Title").fill("Appendix A: scrutiny note")
    page.get_by_label("PDF file").set_input_files(
        {"name": "appendix.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes("APPENDIX")}
    )
    submit(page, "Upload the paper")
    assert "untagged" in page.locator(f"#item-{item.pk}").inner_text()

    page.locator(f"#item-{item.pk}").get_by_role("button", name="Move up").click()
    # The agenda is reordered in place: wait for the move to be announced.
    page.locator("[data-reorder-status]").filter(has_text="is now item 4").wait_for()
    item.refresh_from_db()
    assert item.number == 4
    check_accessibility(page)

    # The check page lists what becomes public; publishing needs the box ticked.
    follow(page, "Check and publish the pack")
    public = page.locator("#public-parts").inner_text()
    assert "Appendix A: scrutiny note" in public and "Not tagged" in public
    page.get_by_label("What has changed?").fill("Agenda published")
    submit(page, "Publish the pack")
    assert page.title().startswith("Error:")
    assert page.get_by_label("What has changed?").input_value() == "Agenda published"
    assert not PackBuild.objects.filter(meeting=meeting).exists()
    confirm_and_publish(page, "Agenda published")
    build = PackBuild.objects.get(meeting=meeting)
    assert build.status == PackBuild.Status.READY, build.error
    pack_panel = page.locator("#pack + div").inner_text()
    assert "Published" in pack_panel

    visit(page, "/panel/meetings/2021-12-06/")
    main = page.locator("main").inner_text().replace("\xa0", " ")
    assert "Download the agenda pack" in main
    paper = PackPaper.objects.get(item__build=build, kind="report")
    assert paper.page_range in main
    pdf = page.request.get(f"{live_server.url}/panel/meetings/2021-12-06/pack.pdf")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)
    assert "Front counters reopened" in text and "APPENDIX" in text


def test_the_secretary_records_the_proceedings_and_publishes_the_minutes(
    page, live_server, panel_secretary
):
    panel = PanelFactory()
    chair = MemberFactory(panel=panel, name="Jackie Oakes", role="chair")
    MemberFactory(panel=panel, name="Stella Brunskill", council="Ribble Valley Borough Council")
    meeting = MeetingFactory(panel=panel, date=datetime.date(2021, 10, 12))
    meeting_services.create_meeting(meeting=meeting)
    sign_in(page, live_server, panel_secretary)
    visit(page, f"/manage/panel/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Proceedings and minutes").click()
    check_accessibility(page)

    page.get_by_role("link", name="Record attendance").click()
    check_accessibility(page)
    page.get_by_label("Councillor Jackie Oakes").select_option("present")
    page.get_by_label("Councillor Stella Brunskill").select_option("apologies")
    page.get_by_label("Also in attendance").fill("Andrew Snowden, Police and Crime Commissioner")
    submit(page, "Save attendance")

    page.get_by_role("link", name="Record a declaration of interest").click()
    check_accessibility(page)
    page.get_by_label("Member").select_option(str(chair.pk))
    # Recorded against the item it concerns, as members make them.
    page.get_by_label("The item it concerns").select_option(label="4. Public Questions")
    page.get_by_label("Other registrable interest").check()
    page.get_by_label("Nature").fill("A relative works for the Constabulary")
    page.get_by_label("They left the meeting for this item").check()
    submit(page, "Record the declaration")

    page.get_by_role("link", name="Record a public question").click()
    check_accessibility(page)
    page.get_by_label("Asked by").fill("A resident of Burnley")
    page.get_by_label("Withhold the name when publishing").check()
    page.get_by_label("Question").fill("When will the Burnley front counter reopen?")
    submit(page, "Record the question")

    page.get_by_role("link", name="Write the minutes of item 4").click()
    check_accessibility(page)
    page.get_by_label("Minutes").fill("The Commissioner answered the question.")
    page.get_by_label("Resolutions").fill("That the answer be noted.")
    submit(page, "Save the minutes")
    preview = page.locator("section[aria-label='Preview of the minutes']").inner_text()
    assert "RESOLVED - That the answer be noted." in preview
    assert "A member of the public" in preview and "Burnley front counter" in preview

    check_and_publish(page, "Minutes published")
    visit(page, "/panel/meetings/2021-10-12/")
    minutes = page.locator("#minutes ~ section").inner_text()
    assert "Apologies were received from Councillor Stella Brunskill" in minutes
    assert (
        "Councillor Jackie Oakes declared an other registrable interest in item 4, Public "
        "Questions: A relative works for the Constabulary. They left the meeting for that item"
    ) in minutes


def test_the_secretary_manages_meetings_members_and_groups(page, live_server, panel_secretary):
    meeting = published_meeting()
    member = Member.objects.create(
        panel=meeting.panel,
        name="Roger Berry",
        council="Wyre Borough Council",
        term_start=datetime.date(2021, 5, 20),
    )
    item = meeting.items.filter(kind="report").first()
    report_paper = meeting.items.get(kind="public_questions")
    sign_in(page, live_server, panel_secretary)
    for path in [
        "/manage/",
        "/manage/panel/",
        f"/manage/panel/meetings/{meeting.pk}/",
        f"/manage/panel/meetings/{meeting.pk}/edit/",
        f"/manage/panel/items/{item.pk}/edit/",
        f"/manage/panel/items/{item.pk}/papers/published/",
        f"/manage/panel/items/{report_paper.pk}/papers/report/",
        "/manage/panel/members/",
        f"/manage/panel/members/{member.pk}/edit/",
    ]:
        visit(page, path)

    visit(page, f"/manage/panel/meetings/{meeting.pk}/status/")
    page.get_by_label("Postpone it").check()
    submit(page, "Save")
    assert page.title().startswith("Error: ")
    page.get_by_label("Why? (shown to the public)").fill("At the Commissioner's request.")
    fill_date(page, "New date, if a postponed meeting has one", "2021-12-20")
    submit(page, "Save")
    assert "Postponed" in page.locator("main").inner_text()

    visit(page, "/manage/panel/groups/")
    page.get_by_role("link", name="Set up a group").click()
    check_accessibility(page)
    page.get_by_label("Title").fill("101 Service")
    page.get_by_label("Councillor Roger Berry").check()
    submit(page, "Save the group")
    group = TaskAndFinishGroup.objects.get(title="101 Service")
    visit(page, f"/manage/panel/groups/{group.pk}/edit/")

    report = Report.objects.create(
        meeting=meeting,
        title="A report",
        contact="Secretary",
        executive_summary="Summary.",
        recommendation="Note it.",
    )
    visit(page, f"/manage/panel/reports/{report.pk}/edit/")

    # Removing a paper asks first, on a page; Cancel keeps it.
    visit(page, f"/manage/panel/meetings/{meeting.pk}/")
    remove = page.get_by_role("link", name="Remove Tender scores")
    with page.expect_navigation():
        remove.click()
    check_at_widths(page)
    follow(page, "Cancel")
    with page.expect_navigation():
        remove.click()
    submit(page, "Remove the paper")
    assert page.get_by_role("link", name="Remove Tender scores").count() == 0
    assert "“Tender scores” was removed" in page.locator("main").inner_text()


def test_the_public_and_a_member_read_the_meeting_pages(page, live_server):
    meeting = published_meeting()
    visit(page, "/panel/meetings/")
    assert "6 December 2021" in page.locator("main").inner_text()
    visit(page, "/panel/members/")
    visit(page, "/panel/meetings/2021-12-06/")
    main = page.locator("main").inner_text()
    assert "Victim Services Contract Award" in main and "Tender scores" not in main
    assert "Confidential: exempt items" not in main
    feed = page.request.get(f"{live_server.url}/panel/meetings.ics")
    assert feed.status == 200
    events = Calendar.from_ical(feed.body()).walk("VEVENT")
    assert [str(e["uid"]) for e in events] == [f"meeting-{meeting.pk}@panel.pcc-portal"]

    # A serving member, their account linked by the secretary, lands on their meetings.
    member = UserFactory(username="oakes", roles=[roles.PANEL_MEMBER])
    MemberFactory(name="Jackie Oakes", panel=meeting.panel, user=member, role="chair")
    sign_in(page, live_server, member)
    assert page.url.endswith("/panel/my-meetings/")
    check_at_widths(page)
    main = page.locator("main").inner_text()
    assert "Confidential: exempt items" in main and "6 December 2021" in main
    visit_at_widths(page, "/panel/meetings/2021-12-06/")
    main = page.locator("main").inner_text()
    assert "Tender scores" in main and "Confidential: exempt items" in main
    members_pack = page.request.get(f"{live_server.url}/panel/meetings/2021-12-06/members-pack.pdf")
    assert members_pack.status == 200
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(members_pack.body())).pages)
    assert "SECRETTEXT" in text


def test_the_pack_check_page_shows_members_only_papers_at_desktop_and_phone_widths(
    page, live_server, panel_secretary
):
    meeting = published_meeting()
    sign_in(page, live_server, panel_secretary)
    visit(page, f"/manage/panel/meetings/{meeting.pk}/")
    follow(page, "Check and publish the pack")
    members = page.locator("#members-parts").inner_text()
    assert "Tender scores" in members and "Paragraph 3" in members
    assert "Tender scores" not in page.locator("#public-parts").inner_text()

    page.set_viewport_size({"width": 375, "height": 812})
    check_accessibility(page)
    assert page.evaluate(  # nothing wider than a phone's screen: no sideways scrolling
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    submit(page, "Publish the pack")  # neither a note nor the confirmation
    assert page.title().startswith("Error:")
    assert page.locator("#div_id_confirm .govuk-error-message").is_visible()


def test_a_members_record_and_the_political_balance_at_phone_and_desktop_widths(
    page, live_server, panel_secretary
):
    member = MemberFactory(the_chair=True)
    MemberFactory(name="Roger Berry", political_group="Conservative", panel=member.panel)
    meeting = MeetingFactory(panel=member.panel, date=datetime.date(2021, 10, 12))
    meeting_services.create_meeting(meeting=meeting)
    proceedings.record_attendance(meeting=meeting, statuses={member: "present"})
    version = proceedings.publish_minutes(meeting=meeting, by=panel_secretary, note="Minutes")
    publishing.run_render_job(job_id=version.render_job.pk)

    visit_at_widths(page, "/panel/members/")
    assert "Political balance" in page.locator("main").inner_text()
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Councillor Jackie Oakes").first.click()
    check_at_widths(page)
    main = page.locator("main").inner_text()
    assert "Councillor Alyson Barnes" in main and "100% of 1" in main

    published_meeting(date=datetime.date.today() + datetime.timedelta(days=20))  # noqa: DTZ011
    sign_in(page, live_server, panel_secretary)
    visit_at_widths(page, "/manage/")
    assert "Agendas due" in page.locator("main").inner_text()
