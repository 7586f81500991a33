"""The golden thread on a plan priority's page, and the forward plan linking to decisions once
made."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from panel.models import AgendaItem
from panel.services import meetings as meeting_services
from panel.services import packs
from pcc_portal.publications import services as publications
from performance import services
from plans.services import freeze_parts
from tests.decisions.conftest import declare
from tests.decisions.factories import DecisionFactory
from tests.panel.factories import ReportFactory
from tests.panel.helpers import arranged_meeting
from tests.performance.factories import (
    ScrutinyActionFactory,
    ScrutinyMeetingFactory,
    mark_published,
)
from tests.plans.factories import CommitmentFactory, MeasureFactory, PlanFactory, PriorityFactory
from tests.transparency.factories import ForwardPlanEntryFactory, GrantFactory
from tests.transparency.test_access import AccessRule
from tests.transparency.test_search import publish_decision


@pytest.fixture
def published_priority(editor, publish):
    plan = PlanFactory(slug="plan-2021-2025", title="Police and Crime Plan 2021-2025")
    priority = PriorityFactory(plan=plan, number=1, title="Cracking down on crime")
    freeze_parts(plan=plan, version=publish(plan, editor))  # the priority's own page
    return priority


class TestPublishedGoldenThreadAccess(AccessRule):
    url_name = "transparency:golden_thread"
    allowed_status = (301,)  # to the thread's home on the plan's page for the priority

    def make_url_kwargs(self):
        from pcc_portal.publications import services
        from tests.accounts.factories import UserFactory

        plan = PlanFactory(slug="plan-access")
        PriorityFactory(plan=plan, number=1)
        version = services.publish(obj=plan, by=UserFactory(username="p"), note="First")
        services.run_render_job(job_id=version.render_job.pk)
        return {"slug": "plan-access", "number": 1}


@pytest.mark.django_db
def test_the_golden_thread_gathers_what_is_linked_to_a_priority_newest_first(
    client, editor, decision_maker, published_priority, publish, django_capture_on_commit_callbacks
):
    priority = published_priority
    commitment = CommitmentFactory(
        priority=priority, wording="Launch a Safer Lancashire Neighbourhoods Fund"
    )
    MeasureFactory(priority=priority, plan=priority.plan, wording="Public confidence in policing")
    freeze_parts(plan=priority.plan, version=publish(priority.plan, editor, note="Commitments"))
    commitment.wording = "A redrafted commitment"  # in the draft: not public until republished
    commitment.save()
    GrantFactory(
        priority=priority, recipient="Sample Older Grant", awarded_on=datetime.date(2024, 4, 1)
    )
    GrantFactory(
        priority=priority,
        recipient="Sample Newer Grant",
        awarded_on=datetime.date(2025, 6, 1),
        amount=Decimal("5000"),
    )
    GrantFactory(priority=priority, recipient="Sample Draft Grant", released=False)
    decision = DecisionFactory(title="Safer Neighbourhoods Fund grants", priority_scope="plan")
    decision.priorities.add(priority)
    publish_decision(
        decision,
        editor=editor,
        decision_maker=decision_maker,
        capture=django_capture_on_commit_callbacks,
    )
    ForwardPlanEntryFactory(priority=priority, title="Approve the Fund's second round")

    page = client.get(priority.get_absolute_url()).content.decode()
    assert 'id="golden-thread"' in page
    assert "Launch a Safer Lancashire Neighbourhoods Fund" in page
    assert "Public confidence in policing" in page
    assert "Safer Neighbourhoods Fund grants" in page
    assert "Approve the Fund&#x27;s second round" in page
    assert page.index("Sample Newer Grant") < page.index("Sample Older Grant")
    assert "Sample Draft Grant" not in page
    assert "A redrafted commitment" not in page


@pytest.mark.django_db
def test_the_thread_first_address_redirects_to_the_priority_page(client, published_priority):
    url = reverse("transparency:golden_thread", kwargs={"slug": "plan-2021-2025", "number": 1})
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == f"{published_priority.get_absolute_url()}#golden-thread"


def _report_about(priority, *, meeting, title, exempt=False):
    """A report written in the portal on its own agenda item of ``meeting``, about ``priority``."""
    item = meeting_services.add_item(
        meeting=meeting,
        item=AgendaItem(
            title=title,
            exempt=exempt,
            exempt_reason="Paragraph 3: financial or business affairs" if exempt else "",
        ),
    )
    meeting_services.add_report_paper(
        item=item, report=ReportFactory.build(meeting=meeting, title=title), priorities=[priority]
    )
    return item.papers.get().report


@pytest.mark.django_db
def test_a_panel_report_joins_its_priority_thread_when_its_pack_is_published(
    client, panel_secretary, published_priority, django_capture_on_commit_callbacks
):
    meeting = arranged_meeting(date=datetime.date(2021, 12, 6))
    _report_about(published_priority, meeting=meeting, title="Neighbourhood policing update")
    _report_about(published_priority, meeting=meeting, title="Tender scores", exempt=True)
    url = published_priority.get_absolute_url()
    assert "Neighbourhood policing update" not in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        packs.publish_pack(meeting=meeting, by=panel_secretary, note="Agenda published")
    page = client.get(url).content.decode()
    thread = page.split('id="thread-panel-reports"')[1].split('id="thread-scrutiny-actions"')[0]
    assert "Neighbourhood policing update" in thread
    assert "6 December 2021" in thread and meeting.get_absolute_url() in thread
    assert "Tender scores" not in page  # an exempt item's report is never public

    report = meeting.items.get(title="Neighbourhood policing update").papers.get().report
    report.title = "A retitled draft"  # not public until the next pack carries it
    meeting_services.update_report(report=report)
    page = client.get(url).content.decode()
    assert "Neighbourhood policing update" in page and "A retitled draft" not in page

    publications.withdraw(obj=meeting.pack, by=panel_secretary, reason="Published in error")
    assert "Neighbourhood policing update" not in client.get(url).content.decode()


@pytest.mark.django_db
def test_a_scrutiny_action_joins_its_priority_thread_when_the_meeting_note_is_published(
    client, editor, published_priority
):
    meeting = ScrutinyMeetingFactory(date=datetime.date(2021, 11, 15))
    action = ScrutinyActionFactory(
        raised_at=meeting,
        description="Report the effect of average speed cameras on casualties.",
        due_date=datetime.date(2022, 2, 14),
    )
    action.priorities.add(published_priority)
    ScrutinyActionFactory(raised_at=meeting, description="Report on 101 answering times.")
    url = published_priority.get_absolute_url()
    assert "average speed cameras" not in client.get(url).content.decode()

    mark_published(meeting, by=editor)
    page = client.get(url).content.decode()
    thread = page.split('id="thread-scrutiny-actions"')[1]
    assert "Report the effect of average speed cameras on casualties." in thread
    assert "for the Chief Constable by 14 February 2022" in thread
    assert meeting.get_absolute_url() in thread
    assert "101 answering times" not in thread  # not about this priority
    assert "Open" in thread

    # Since the note was published: the action closed, another was added. Neither is public
    # until a note reports them.
    services.update_action(
        action=action, status="closed", update="", closed_on=datetime.date(2022, 2, 1), by=editor
    )
    later = ScrutinyActionFactory(raised_at=meeting, description="Report knife crime trends.")
    later.priorities.add(published_priority)
    thread = client.get(url).content.decode().split('id="thread-scrutiny-actions"')[1]
    assert "average speed cameras" in thread and "Closed" not in thread
    assert "knife crime" not in thread

    mark_published(ScrutinyMeetingFactory(date=datetime.date(2022, 2, 21)), by=editor)
    thread = client.get(url).content.decode().split('id="thread-scrutiny-actions"')[1]
    assert "Closed" in thread and "knife crime" in thread


@pytest.mark.django_db
def test_an_action_has_the_same_tag_on_its_priority_thread_and_its_meeting_note(
    client, decision_maker, publish, published_priority
):
    """The golden thread coloured an open action grey and the meeting's note yellow: each
    page chose the colour itself."""
    meeting = ScrutinyMeetingFactory(date=datetime.date(2021, 11, 15))
    ScrutinyActionFactory(raised_at=meeting).priorities.add(published_priority)
    publish(meeting, decision_maker)
    open_tag = '<strong class="govuk-tag govuk-tag--grey">Open</strong>'
    assert open_tag in client.get(published_priority.get_absolute_url()).content.decode()
    note = reverse("performance:meeting", kwargs={"date": "2021-11-15"})
    assert open_tag in client.get(note).content.decode()


@pytest.mark.django_db
def test_a_priority_feed_follows_its_panel_reports_and_scrutiny(
    client, editor, panel_secretary, published_priority, django_capture_on_commit_callbacks
):
    meeting = arranged_meeting(date=datetime.date(2021, 12, 6))
    _report_about(published_priority, meeting=meeting, title="Neighbourhood policing update")
    with django_capture_on_commit_callbacks(execute=True):
        packs.publish_pack(meeting=meeting, by=panel_secretary, note="Agenda published")
    scrutiny = ScrutinyMeetingFactory(date=datetime.date(2021, 11, 15))
    ScrutinyActionFactory(raised_at=scrutiny).priorities.add(published_priority)
    mark_published(scrutiny, by=editor)
    ScrutinyMeetingFactory(date=datetime.date(2022, 2, 21))  # no action on this priority

    feed = client.get(
        reverse("transparency:priority_feed", kwargs={"slug": "plan-2021-2025", "number": 1})
    ).content.decode()
    assert meeting.get_absolute_url() in feed
    assert scrutiny.get_absolute_url() in feed
    assert "2022-02-21" not in feed
    assert f'<link href="http://testserver{published_priority.get_absolute_url()}"' in feed


@pytest.mark.django_db
def test_a_priority_of_an_unpublished_plan_has_no_golden_thread(client):
    priority = PriorityFactory(plan=PlanFactory(slug="draft-plan"), number=1)
    url = reverse("transparency:golden_thread", kwargs={"slug": "draft-plan", "number": 1})
    assert client.get(url).status_code == 404
    assert client.get(f"/alerts/priorities/draft-plan/{priority.number}/feed/").status_code == 404


@pytest.mark.django_db
def test_the_forward_plan_lists_expected_decisions_and_links_each_once_made(
    client, editor, decision_maker, django_capture_on_commit_callbacks
):
    entry = ForwardPlanEntryFactory(
        title="Approve the estates strategy",
        restriction_reason="Commercially sensitive property values",
    )
    ForwardPlanEntryFactory(title="Draft entry", released=False)
    ForwardPlanEntryFactory(title="Long past", expected_on=datetime.date(2020, 1, 1))
    page = client.get("/decisions/forward-plan/").content.decode()
    assert "Approve the estates strategy" in page
    assert "Commercially sensitive property values" in page
    assert "Draft entry" not in page and "Long past" not in page

    decision = DecisionFactory(title="Estates strategy 2026")
    entry.decision = decision
    entry.save()
    page = client.get("/decisions/forward-plan/").content.decode()
    assert "Made:" not in page  # linking its decision is an edit, public once released
    from transparency import services as transparency

    transparency.release_entry(entry=entry, by=editor, note="Linked to its decision")
    from decisions import services as decisions

    decisions.submit_decision(decision=decision, by=editor)
    declare(decision)
    decisions.sign_decision(decision=decision, by=decision_maker)
    page = client.get("/decisions/forward-plan/").content.decode()
    row = page.split("Approve the estates strategy")[1].split("</th>")[0]
    assert "/decisions/" not in row  # signed, but its notice is not public yet
    assert "its decision notice is published within three working days" in row
    with django_capture_on_commit_callbacks(execute=True):
        decisions.publish_decision(decision=decision, by=editor, note="First publication")
    decision.refresh_from_db()
    page = client.get("/decisions/forward-plan/").content.decode()
    assert decision.get_absolute_url() in page


@pytest.mark.django_db
def test_another_page_can_show_a_priority_golden_thread_with_the_template_tag(
    published_priority,
):
    from django.template import Context, Template

    GrantFactory(priority=published_priority, recipient="Sample Tagged Trust")
    html = Template(
        "{% load transparency_tags %}{% golden_thread priority version as thread %}"
        '{% include "transparency/_golden_thread.html" %}'
    ).render(
        Context({"priority": published_priority, "version": published_priority.plan.live_version()})
    )
    assert "Sample Tagged Trust" in html
    assert "Commitments and their delivery" in html
    assert "Police and Crime Panel reports" in html and "Scrutiny actions" in html


@pytest.mark.django_db
def test_a_withdrawn_scrutiny_note_no_longer_reports_actions_in_the_thread(
    client, editor, published_priority
):
    meeting = ScrutinyMeetingFactory(date=datetime.date(2021, 11, 15))
    action = ScrutinyActionFactory(raised_at=meeting, description="Report on speed cameras.")
    action.priorities.add(published_priority)
    mark_published(meeting, by=editor)
    services.update_action(
        action=action, status="closed", update="", closed_on=datetime.date(2022, 2, 1), by=editor
    )
    later = ScrutinyMeetingFactory(date=datetime.date(2022, 2, 21))
    mark_published(later, by=editor)
    url = published_priority.get_absolute_url()
    assert "Closed" in client.get(url).content.decode().split('id="thread-scrutiny-actions"')[1]

    # The later note is withdrawn: the closure it reported is no longer public.
    publications.withdraw(obj=later, by=editor, reason="Published in error")
    thread = client.get(url).content.decode().split('id="thread-scrutiny-actions"')[1]
    assert "speed cameras" in thread and "Closed" not in thread
