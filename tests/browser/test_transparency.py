"""The transparency hub in a real browser: the index, registers, forward plan, search, golden
thread, alerts and the staff pages, each checked with axe (WCAG 2.2 A/AA)."""

import datetime
import re

import pytest
from django.core import mail

from tests.browser.conftest import (
    check_accessibility,
    check_at_widths,
    fill_date,
    reauthenticate_if_asked,
    sign_in,
    visit,
    visit_at_widths,
)
from tests.browser.staff_pages import follow, submit
from tests.transparency.factories import (
    ContractFactory,
    ForwardPlanEntryFactory,
    GiftFactory,
    GrantFactory,
    InterestFactory,
)

pytestmark = pytest.mark.browser

SPENDING = (
    "Date,Transaction number,Supplier,Supplier type,Expense type,Service area,Amount\n"
    "02/10/2025,1001,Sample Stationers Ltd,Company,Stationery,Office,612.40\n"
    "09/10/2025,1002,Mr A Sample,,Travel,Office,740.00\n"
)


@pytest.fixture(autouse=True)
def _search_listens(settings):
    if "transparency.search" not in settings.PUBLICATION_LISTENERS:
        settings.PUBLICATION_LISTENERS = [*settings.PUBLICATION_LISTENERS, "transparency.search"]


@pytest.fixture
def published_priority(editor):
    from pcc_portal.publications import services
    from tests.plans.factories import PlanFactory, PriorityFactory

    plan = PlanFactory(slug="plan-2021-2025", title="Police and Crime Plan 2021-2025")
    from plans.services import freeze_parts

    priority = PriorityFactory(plan=plan, number=1, title="Cracking down on crime")
    version = services.publish(obj=plan, by=editor, note="First publication")  # renders on commit
    freeze_parts(plan=plan, version=version)  # the priority's own page
    return priority


def test_the_index_shows_every_paragraph_with_statuses(page):
    GrantFactory()
    visit(page, "/transparency/")
    assert page.get_by_role("heading", level=1).inner_text() == "Transparency"
    assert page.get_by_role("heading", name="Income and expenditure").is_visible()
    assert page.get_by_role("heading", name="Independent custody visiting").is_visible()
    assert page.locator("#grants .govuk-tag").inner_text() == "Current"
    assert page.locator("#senior-salaries .govuk-tag").inner_text() == "Missing"
    assert page.locator("link[rel=canonical]").get_attribute("href").endswith("/transparency/")


def test_registers_filter_and_offer_their_data(page, decision_maker):
    from transparency import services

    InterestFactory()
    GiftFactory(offered_on=datetime.date(2025, 3, 1), donor="Sample Rotary Club")
    GiftFactory(offered_on=datetime.date(2025, 6, 1), donor="Sample Chamber")
    GrantFactory()
    ContractFactory()
    draft = services.upload_spending(
        month=datetime.date(2025, 10, 1),
        content=SPENDING.encode(),
        filename="october.csv",
        by=decision_maker,
    )
    services.release_spending(upload=draft, by=decision_maker)
    for register in ("interests", "grants", "contracts", "spending"):
        visit(page, f"/transparency/{register}/")
        assert page.get_by_role("link", name="CSV").is_visible()
    assert "Redacted: payment to an individual" in page.content()
    assert "Mr A Sample" not in page.content()

    visit(page, "/transparency/gifts-and-hospitality/")
    page.get_by_label("Financial year").select_option("2025")
    with page.expect_navigation():
        page.get_by_role("button", name="Filter").click()
    check_accessibility(page)
    assert "Sample Chamber" in page.content()
    assert "Sample Rotary Club" not in page.content()


def test_the_forward_plan(page):
    ForwardPlanEntryFactory(restriction_reason="Commercially sensitive prices")
    visit(page, "/decisions/forward-plan/")
    assert page.get_by_role("heading", level=1).inner_text() == "Forward plan"
    assert "Commercially sensitive prices" in page.content()


def test_search_finds_and_highlights_published_content(page, editor):

    GrantFactory(purpose="Knife crime awareness in schools")
    ContractFactory(title="Knife crime education")
    visit(page, "/search/")
    page.get_by_label("Search plans, decisions").fill("knife crime")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    check_accessibility(page)
    assert "2 results" in page.locator("[role=status]").inner_text()
    assert page.locator("mark").first.is_visible()
    page.get_by_label("Type").select_option("contract")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    check_accessibility(page)
    assert "1 result" in page.locator("[role=status]").inner_text()


def test_the_golden_thread_on_a_priority_page(page, editor, published_priority):
    from pcc_portal.publications import services
    from performance.models import ScrutinyAction
    from plans.services import freeze_parts
    from tests.performance.factories import ScrutinyMeetingFactory, mark_published
    from tests.plans.factories import CommitmentFactory

    plan = published_priority.plan
    CommitmentFactory(
        priority=published_priority, wording="Open a front counter", status="delivered"
    )
    CommitmentFactory(
        priority=published_priority, wording="Fund Youth Divert", status="in_progress"
    )
    freeze_parts(plan=plan, version=services.publish(obj=plan, by=editor, note="Progress"))
    GrantFactory(priority=published_priority, recipient="Sample Youth Trust")
    meeting = ScrutinyMeetingFactory(date=datetime.date(2021, 11, 15))
    action = ScrutinyAction.objects.create(
        raised_at=meeting,
        description="Report the effect of average speed cameras on casualties.",
        owner="Chief Constable",
        due_date=datetime.date(2022, 2, 14),
    )
    action.priorities.add(published_priority)
    mark_published(meeting, by=editor)

    visit(page, "/transparency/priorities/plan-2021-2025/1/")  # its first address redirects
    assert page.url.endswith("/plans/plan-2021-2025/priorities/1/#golden-thread")
    assert page.get_by_role("heading", level=1).inner_text() == "Priority 1: Cracking down on crime"
    assert page.get_by_role("heading", name="From promise to delivery").is_visible()
    commitments = page.locator("#thread-commitments + ul").inner_text()
    assert "Open a front counter" in commitments and "Delivered" in commitments
    assert page.locator("#thread-grants + ul").inner_text().startswith("£")
    assert "Sample Youth Trust" in page.locator("#thread-grants + ul").inner_text()
    actions = page.locator("#thread-scrutiny-actions + ul")
    assert "average speed cameras" in actions.inner_text()
    actions.get_by_role("link").first.click()
    page.wait_for_url(f"**{meeting.get_absolute_url()}")


def test_subscribing_confirming_and_unsubscribing(page, editor, published_priority):
    from transparency import services

    visit(page, "/alerts/")
    page.get_by_label("Email address").fill("reader@example.org")
    page.get_by_label("A plan priority").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Subscribe").click()
    check_accessibility(page)  # the error summary: which priority?
    assert page.title().startswith("Error: ")
    assert page.get_by_label("Email address").input_value() == "reader@example.org"
    page.get_by_label("Transparency publications and registers").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Subscribe").click()
    check_accessibility(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Check your email"

    confirm = re.search(r"https?://[^/]+(/alerts/confirm/\S+/)", mail.outbox[-1].body).group(1)
    visit(page, confirm)
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm: send me alerts").click()
    check_accessibility(page)
    assert page.get_by_role("heading", level=1).inner_text() == "You are subscribed"

    services.release_entry(entry=GrantFactory(released=False), by=editor, note="First release")
    services.send_digests()
    unsubscribe = re.search(r"https?://[^/]+(/alerts/unsubscribe/\S+/)", mail.outbox[-1].body)
    visit(page, unsubscribe.group(1))
    with page.expect_navigation():
        page.get_by_role("button", name="Unsubscribe").click()
    check_accessibility(page)
    assert page.get_by_role("heading", level=1).inner_text() == "You are unsubscribed"
    visit(page, unsubscribe.group(1))
    page.problems.expected_failures.add(page.url)
    with page.expect_navigation():
        page.get_by_role("button", name="Unsubscribe").click()
    check_accessibility(page)
    assert page.get_by_role("heading", level=1).inner_text() == "This link does not work"
    visit(page, "/alerts/check-your-email/")


def test_staff_keep_the_index_and_registers(page, live_server, editor):
    sign_in(page, live_server, editor)
    visit(page, "/manage/")
    visit(page, "/manage/transparency/")
    with page.expect_navigation():
        page.get_by_role("link", name="Senior salaries").first.click()
    check_accessibility(page)
    page.get_by_label("Title").fill("Senior salaries 2025")
    page.get_by_label("Document (PDF, spreadsheet or CSV)").set_input_files(
        files=[{"name": "salaries.csv", "mimeType": "text/csv", "buffer": b"role,salary\n"}]
    )
    submit(page, "Publish document")
    assert "Senior salaries 2025" in page.content()
    follow(page, "Edit this item")
    page.get_by_label("Responsible officer's email").fill("not an email")
    submit(page, "Save")
    assert page.title().startswith("Error: ")

    visit(page, "/manage/transparency/spending/")
    month = page.get_by_role("group", name="Month the payments were made in", exact=True)
    month.get_by_label("Month").fill("10")
    month.get_by_label("Year").fill("2025")
    page.get_by_label("Spending file (CSV or XLSX)").set_input_files(
        files=[
            {
                "name": "bad.csv",
                "mimeType": "text/csv",
                "buffer": (SPENDING + "10/10/2025,1003,Sample,,Fuel,,abc\n").encode(),
            }
        ]
    )
    submit(page, "Upload for review")
    problems = page.locator("#import-errors tbody tr")
    assert problems.all_inner_texts() == ["4\tAmount\t“abc” is not a number."]
    page.get_by_label("Spending file (CSV or XLSX)").set_input_files(
        files=[{"name": "good.csv", "mimeType": "text/csv", "buffer": SPENDING.encode()}]
    )
    submit(page, "Upload for review")
    assert "2 payments uploaded as a draft. Nothing is public yet." in page.content()

    visit(page, "/manage/transparency/grants/")
    follow(page, "Add an entry")
    page.get_by_label("Recipient").fill("Sample Women's Centre")
    page.get_by_label("Amount (£)").fill("9500")
    page.get_by_label("Purpose").fill("Advocacy for survivors")
    page.get_by_label("Why it is expected to reduce crime and disorder").fill(
        "Survivors supported to report abuse and stay safe are less likely to be harmed again."
    )
    fill_date(page, "Date awarded", "2025-08-01")
    submit(page, "Save draft")
    follow(page, "Check and publish")
    page.get_by_label("What has changed?").fill("First release")
    page.get_by_label("I have checked what becomes public").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Publish").click()
    reauthenticate_if_asked(page)
    check_accessibility(page)
    assert "is released" in page.content()
    visit(page, "/manage/transparency/forward-plan/")
    visit(page, "/manage/transparency/forward-plan/new/")


REVIEW = (
    "Date,Transaction number,Supplier,Supplier type,Expense type,Service area,Amount\n"
    "02/10/2025,2001,Sample Stationers Ltd,Company,Stationery,Office,612.40\n"
    "09/10/2025,2002,Mr.John Quillfeather,,Travel,Office,740.00\n"
    "16/10/2025,2003,Sir Galahad Cleaning Ltd,Company,Cleaning,Estates,980.00\n"
    "23/10/2025,2004,Olive Stanmore,Company,Stationery,Office,655.00\n"
)


@pytest.fixture
def draft(editor):
    """October 2025's spending (``REVIEW``) uploaded by an editor and not yet released."""
    from transparency import services

    return services.upload_spending(
        month=datetime.date(2025, 10, 1),
        content=REVIEW.encode(),
        filename="october.csv",
        by=editor,
    )


def test_staff_review_a_month_of_spending_and_a_decision_maker_releases_it(
    page, live_server, editor, decision_maker, draft
):
    sign_in(page, live_server, editor)
    visit(page, draft.get_manage_url())
    assert page.get_by_role("heading", level=1).inner_text() == str(draft)
    assert page.get_by_label("Redact the payee of row 3").is_checked()  # Mr.John
    assert page.get_by_label("Redact the payee of row 4").is_checked()  # Sir Galahad
    assert not page.get_by_label("Redact the payee of row 5").is_checked()  # Olive Stanmore
    assert page.get_by_role("button", name="Release this month's spending").count() == 0

    # Publishing a flagged name without a reason: the form comes back with the ticks kept.
    page.get_by_label("Redact the payee of row 4").uncheck()
    page.get_by_label("Redact the payee of row 5").check()
    submit(page, "Save redaction choices")
    assert page.title().startswith("Error: ")
    assert not page.get_by_label("Redact the payee of row 4").is_checked()
    assert page.get_by_label("Redact the payee of row 5").is_checked()
    page.get_by_label("Why may the flagged names you have not ticked be published?").fill(
        "A registered company named after its founder"
    )
    submit(page, "Save redaction choices")
    assert "Your choices are saved (2 rows changed)" in page.content()
    visit(page, draft.get_manage_url() + "?show=flagged")

    page.context.clear_cookies()
    sign_in(page, live_server, decision_maker)
    visit(page, draft.get_manage_url())
    with page.expect_navigation():
        page.get_by_role("button", name="Release this month's spending").click()
    reauthenticate_if_asked(page)
    check_accessibility(page)
    assert "is released: 4 payments are public, 2 of them without the payee's name" in (
        page.content()
    )
    visit(page, "/transparency/spending/")
    content = page.content()
    assert "Sir Galahad Cleaning Ltd" in content and "Sample Stationers Ltd" in content
    assert "Quillfeather" not in content and "Stanmore" not in content
    assert content.count("Redacted: payment to an individual") == 2


def test_a_draft_of_spending_can_be_discarded(page, live_server, editor, draft):
    sign_in(page, live_server, editor)
    visit(page, "/manage/transparency/spending/")
    assert "Draft: not public" in page.content()
    visit(page, draft.get_manage_url())
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Discard this draft").click()
    check_at_widths(page)  # the page that asks first
    submit(page, "Discard this draft")
    assert "The draft of October 2025 is discarded" in page.content()
    assert "Nothing has been uploaded yet." in page.content()


def test_staff_release_an_entry_from_its_check_page_and_withdraw_it_with_a_reason(
    page, live_server, editor
):
    grant = GrantFactory(released=False, recipient="Sample Released Trust")
    sign_in(page, live_server, editor)
    visit_at_widths(page, grant.get_manage_url())
    page.get_by_role("link", name="Check and publish").click()
    page.wait_for_load_state()
    check_at_widths(page)
    assert "Sample Released Trust" in page.locator("#public-parts").inner_text()
    page.get_by_label("What has changed?").fill("First release")
    with page.expect_navigation():
        page.get_by_role("button", name="Publish").click()
    check_accessibility(page)
    assert page.title().startswith("Error: ")  # the confirmation was not ticked
    assert page.get_by_label("What has changed?").input_value() == "First release"
    page.get_by_label("I have checked what becomes public").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Publish").click()
    reauthenticate_if_asked(page)
    visit(page, "/transparency/grants/")
    assert "Sample Released Trust" in page.locator("main").inner_text()

    withdraw = f"/manage/transparency/grants/{grant.pk}/withdraw/"
    visit_at_widths(page, withdraw)
    page.get_by_label("Why is it being withdrawn?").fill("Awarded to the wrong trust")
    with page.expect_navigation():
        page.get_by_role("button", name="Withdraw from the public site").click()
    reauthenticate_if_asked(page)
    visit(page, "/transparency/grants/")
    assert "Sample Released Trust" not in page.locator("main").inner_text()
