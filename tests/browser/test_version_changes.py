"""What changed between published versions, in a real browser, for plans, content pages,
decisions, decisions reports, agenda packs and minutes: each object's version list links to the
comparison, and the
comparison (text, and tables in their own labelled scroll regions) passes axe at a phone's and
a desktop's width with no sideways scrolling."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest

from decisions import services as decision_services
from panel.models import AgendaItem
from panel.services import meetings as meeting_services
from panel.services import packs
from pcc_portal.publications import services as publishing
from plans import services as plan_services
from plans.models import Stage
from tests.accounts.factories import UserFactory
from tests.browser.conftest import visit_at_widths
from tests.decisions.conftest import declare
from tests.decisions.factories import DecisionFactory, DecisionsReportFactory
from tests.pages.factories import ContentPageFactory
from tests.panel.factories import MeetingFactory
from tests.panel.helpers import publish_minutes, published_meeting, upload
from tests.plans.helpers import full_plan, issue, render_version

pytestmark = pytest.mark.browser

LONDON = zoneinfo.ZoneInfo("Europe/London")


def _follow_and_check(page, list_url, link_name):
    visit_at_widths(page, list_url)
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name=link_name).first.click()
    visit_at_widths(page, page.url)
    return page.locator("main")


def test_a_plan_variation_compared_with_the_version_before(page, decision_maker):
    plan = full_plan(slug="lancashire-plan", summary="Our plan for a safer Lancashire.")
    issue(plan, decision_maker)
    plan.summary = "Our plan for a safer, fairer Lancashire."
    plan.save()
    line = plan.capital_lines.get(financial_year="2022/23")
    line.amount_millions = Decimal("11.250")
    line.save()
    step = plan_services.record_step(
        plan=plan, stage=Stage.VARIED, by=decision_maker, note="Revised the capital programme",
        date=datetime.date(2022, 3, 1), minor_reason="It changes no objective.",
    )  # fmt: skip
    render_version(step.version)
    main = _follow_and_check(page, "/plans/lancashire-plan/", "See what changed in version 2")
    assert main.locator("ins").first.inner_text() == "Our plan for a safer, fairer Lancashire."
    assert "11.250" in main.locator("table ins").first.inner_text()


def test_a_content_page_compared_with_the_version_before(page, editor):
    content = ContentPageFactory(
        title="About the Commissioner",
        slug="about",
        body="| Office | Holder |\n|---|---|\n| PCC | A |",
    )
    for note in ("First", "Named the new Commissioner"):
        version = publishing.publish(obj=content, by=editor, note=note)
        publishing.run_render_job(job_id=version.render_job.pk)
        content.body = content.body.replace("| A |", "| B |")
        content.save()
    main = _follow_and_check(page, "/pages/about/", "what changed in version 2")
    assert "B" in main.locator("table ins").first.inner_text()


def test_a_decision_compared_with_the_version_before(page, editor, decision_maker):
    decision = DecisionFactory(recommendation="Fund the partnerships for one year.")
    decision_services.submit_decision(decision=decision, by=editor)
    declare(decision)
    decision_services.sign_decision(
        decision=decision,
        by=decision_maker,
        signed_at=datetime.datetime(2021, 10, 8, 12, tzinfo=LONDON),
    )
    for note in ("First publication", "Corrected the term"):
        version = decision_services.publish_decision(decision=decision, by=editor, note=note)
        publishing.run_render_job(job_id=version.render_job.pk)
        decision.refresh_from_db()
        decision.recommendation = "Fund the partnerships for two years."
        decision.save()
    main = _follow_and_check(page, decision.get_absolute_url(), "what changed in version 2")
    assert main.locator("ins").first.inner_text() == "Fund the partnerships for two years."


def test_an_agenda_pack_supplement_compared_with_the_version_before(page):
    meeting = published_meeting()
    item = meeting_services.add_item(
        meeting=meeting, item=AgendaItem(title="Precept Proposal 2022/23", kind="report")
    )
    meeting_services.add_upload_paper(item=item, title="Precept report", upload=upload("MORE"))
    version = packs.publish_pack(
        meeting=meeting, by=UserFactory(username="secretary"), note="Supplement"
    )
    packs.start_build(build_id=version.pack_build.pk)
    main = _follow_and_check(
        page, meeting.get_absolute_url(), "what changed in version 2 of the pack"
    )
    assert "Precept Proposal 2022/23" in main.locator("ins").first.inner_text()


def test_a_decisions_report_compared_with_the_version_before(page, editor):
    report = DecisionsReportFactory(introduction="Two decisions were made in the period.")
    for note in ("For the 6 December meeting", "Added the decision made on 1 December"):
        version = publishing.publish(obj=report, by=editor, note=note)
        publishing.run_render_job(job_id=version.render_job.pk)
        report.introduction = "Three decisions were made in the period."
        report.save()
    main = _follow_and_check(
        page, report.get_absolute_url(), "what changed in version 2 of the report"
    )
    assert main.locator("ins").first.inner_text() == "Three decisions were made in the period."


def test_minutes_compared_with_the_version_before(page):
    meeting = MeetingFactory(date=datetime.date(2021, 10, 12))
    meeting_services.create_meeting(meeting=meeting)
    item = meeting.items.get(kind="declarations")
    for text in ("No declarations were submitted.", "Councillor Smith declared an interest."):
        item.minutes = text
        item.save()
        publish_minutes(meeting, note=f"Minuted: {text}")
    main = _follow_and_check(
        page, meeting.get_absolute_url(), "what changed in version 2 of the minutes"
    )
    assert main.locator("ins").first.inner_text() == "Councillor Smith declared an interest."
