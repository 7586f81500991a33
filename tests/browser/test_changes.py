"""What changed between versions, in a real browser: the check page marks what publishing would
change against the live version, and the public comparison of two published versions; each
checked with axe at a phone's and a desktop's width, with no sideways scrolling."""

import pytest
from django.urls import reverse

from pcc_portal.publications import services as publishing
from performance import services
from tests.browser.conftest import sign_in, visit_at_widths
from tests.performance.factories import QuarterlyReportFactory
from tests.plans.factories import PlanFactory

pytestmark = pytest.mark.browser

FIRST = "Anti-social behaviour fell for the third quarter running."
SECOND = "Anti-social behaviour fell for the fourth quarter running, the longest fall recorded."


def _publish(report, by):
    version = services.publish_report(report=report, by=by, note="Published")
    # Celery is eager and the browser tests' database commits: the PDF renders at once; running
    # the job again is a no-op then, and renders it if the queue did not.
    publishing.run_render_job(job_id=version.render_job.pk)


def test_staff_see_what_changes_and_the_public_what_changed(page, live_server, decision_maker):
    report = QuarterlyReportFactory(
        plan=PlanFactory(slug="police-and-crime-plan-2021-2025"),
        financial_year=2021,
        quarter=2,
        headlines=FIRST,
    )
    _publish(report, decision_maker)
    report.headlines = SECOND
    report.save()

    sign_in(page, live_server, decision_maker)
    visit_at_widths(page, reverse("performance_manage:report_publish", kwargs={"pk": report.pk}))
    main = page.locator("main")
    assert "What changes against version 1" in main.inner_text()
    assert main.locator("del").first.inner_text() == FIRST
    assert main.locator("ins").first.inner_text() == SECOND

    _publish(report, decision_maker)
    page.context.clear_cookies()
    visit_at_widths(page, "/performance/reports/2021-22-q2/")
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="what changed in version 2").click()
    visit_at_widths(page, page.url)
    main = page.locator("main")
    assert "What changed in version 2" in main.inner_text()
    assert main.locator("ins").first.inner_text() == SECOND


def _compare_from(page, url, noun):
    """From an object's public page (checked at both widths), follow its version list's link to
    what changed in version 2, and check that page too; return its main region."""
    visit_at_widths(page, url)
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name=f"what changed in version 2 {noun}").click()
    visit_at_widths(page, page.url)
    main = page.locator("main")
    assert "What changed in version 2" in main.inner_text()
    return main


def test_a_scrutiny_notes_versions_are_compared_in_public(page, live_server, decision_maker):
    from tests.performance.factories import ScrutinyMeetingFactory

    meeting = ScrutinyMeetingFactory(note=FIRST)
    for note in (FIRST, SECOND):
        meeting.note = note
        meeting.save()
        version = publishing.publish(obj=meeting, by=decision_maker, note="Published")
        publishing.run_render_job(job_id=version.render_job.pk)
    main = _compare_from(page, meeting.get_absolute_url(), "of the note")
    assert main.locator("ins").first.inner_text() == SECOND


def test_a_cases_releases_are_compared_in_public(page, live_server):
    from casework.models import Step
    from tests.casework.factories import CaseFactory, date, release

    precept = CaseFactory(year=2023, summary=FIRST)
    Step.objects.create(case=precept, kind=Step.Kind.PROPOSAL, date=date(1, 28, 2023))
    release(precept)
    precept.summary = SECOND
    precept.save()
    release(precept, note="Summary corrected.")
    main = _compare_from(page, precept.get_absolute_url(), "of the case")
    assert main.locator("ins").first.inner_text() == SECOND


def test_a_plans_delivery_updates_are_compared_in_public(page, live_server, decision_maker):
    import datetime

    from plans import services as plans
    from plans.models import Commitment
    from tests.plans.helpers import published_plan

    def release(note):
        version = plans.release_delivery_update(plan=plan, by=decision_maker, note=note)
        publishing.run_render_job(job_id=version.render_job.pk)

    plan = published_plan(slug="tracked", by=decision_maker)
    release("First update")
    plans.record_progress(
        commitment=Commitment.objects.filter(priority__plan=plan).first(),
        status=Commitment.Status.DELIVERED, date=datetime.date(2022, 3, 1),
        note=SECOND, by=decision_maker,
    )  # fmt: skip
    release("Progress to March 2022")
    main = _compare_from(page, plan.get_commitments_url(), "of the delivery update")
    assert "Table changed" in main.inner_text()
    assert SECOND in main.inner_text()


def test_a_register_entrys_releases_are_compared_in_public(page, live_server):
    from tests.transparency.factories import InterestFactory, register_publisher
    from transparency import services as transparency

    entry = InterestFactory(description=FIRST)
    entry.description = SECOND
    entry.save()
    transparency.release_entry(entry=entry, by=register_publisher(), note="Corrected")
    visit_at_widths(page, reverse("transparency:register", kwargs={"register": "interests"}))
    with page.expect_navigation():
        page.locator("main").get_by_role(
            "link", name="What changed in this interest at its latest release"
        ).click()
    visit_at_widths(page, page.url)
    main = page.locator("main")
    assert "What changed in version 2" in main.inner_text()
    assert main.locator("ins").first.inner_text() == SECOND
