"""The golden thread of a plan priority, and the forward plan linking to decisions once made."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.decisions.factories import DecisionFactory
from tests.plans.factories import CommitmentFactory, MeasureFactory, PlanFactory, PriorityFactory
from tests.transparency.factories import ForwardPlanEntryFactory, GrantFactory
from tests.transparency.test_access import AccessRule
from tests.transparency.test_search import publish_decision


@pytest.fixture
def published_priority(editor, publish):
    plan = PlanFactory(slug="plan-2021-2025", title="Police and Crime Plan 2021-2025")
    priority = PriorityFactory(plan=plan, number=1, title="Cracking down on crime")
    publish(plan, editor)
    return priority


class TestPublishedGoldenThreadAccess(AccessRule):
    url_name = "transparency:golden_thread"

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
    client, editor, decision_maker, published_priority, django_capture_on_commit_callbacks
):
    priority = published_priority
    CommitmentFactory(priority=priority, wording="Launch a Safer Lancashire Neighbourhoods Fund")
    MeasureFactory(priority=priority, plan=priority.plan, wording="Public confidence in policing")
    GrantFactory(
        priority=priority, recipient="Sample Older Grant", awarded_on=datetime.date(2024, 4, 1)
    )
    GrantFactory(
        priority=priority,
        recipient="Sample Newer Grant",
        awarded_on=datetime.date(2025, 6, 1),
        amount=Decimal("5000"),
    )
    GrantFactory(priority=priority, recipient="Sample Draft Grant", status="draft")
    decision = DecisionFactory(title="Safer Neighbourhoods Fund grants", priority_scope="plan")
    decision.priorities.add(priority)
    publish_decision(
        decision,
        editor=editor,
        decision_maker=decision_maker,
        capture=django_capture_on_commit_callbacks,
    )
    ForwardPlanEntryFactory(priority=priority, title="Approve the Fund's second round")

    page = client.get(
        reverse("transparency:golden_thread", kwargs={"slug": priority.plan.slug, "number": 1})
    ).content.decode()
    assert "Launch a Safer Lancashire Neighbourhoods Fund" in page
    assert "Public confidence in policing" in page
    assert "Safer Neighbourhoods Fund grants" in page
    assert "Approve the Fund&#x27;s second round" in page
    assert page.index("Sample Newer Grant") < page.index("Sample Older Grant")
    assert "Sample Draft Grant" not in page


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
    ForwardPlanEntryFactory(title="Draft entry", status="draft")
    ForwardPlanEntryFactory(title="Long past", expected_on=datetime.date(2020, 1, 1))
    page = client.get("/decisions/forward-plan/").content.decode()
    assert "Approve the estates strategy" in page
    assert "Commercially sensitive property values" in page
    assert "Draft entry" not in page and "Long past" not in page

    decision = DecisionFactory(title="Estates strategy 2026")
    entry.decision = decision
    entry.save()
    from decisions import services as decisions

    decisions.submit_decision(decision=decision, by=editor)
    decisions.declare_decision(decision=decision, by=editor)
    decisions.sign_decision(decision=decision, signed_by=decision_maker)
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
        "{% load transparency_tags %}{% golden_thread priority as thread %}"
        '{% include "transparency/_golden_thread.html" %}'
    ).render(Context({"priority": published_priority}))
    assert "Sample Tagged Trust" in html
    assert "Commitments and their delivery" in html
