"""The golden thread reads a plan as its published version froze it: one query for all of a
plan's commitments and measures, however many priorities and commitments it has, and never a
draft edit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.plans.factories import (
    CommitmentFactory,
    MeasureFactory,
    PlanFactory,
    PriorityFactory,
)
from tests.plans.helpers import issue


def _plan(slug, *, priorities, commitments):
    plan = PlanFactory(slug=slug)
    for number in range(1, priorities + 1):
        priority = PriorityFactory(plan=plan, number=number, title=f"Priority {slug} {number}",
                                   narrative=f"Narrative of priority {number}.")  # fmt: skip
        for index in range(commitments):
            CommitmentFactory(
                priority=priority, wording=f"Commitment {number}.{index}", order=index
            )
            MeasureFactory(plan=plan, priority=priority, wording=f"Measure {number}.{index}")
    issue(plan)
    return plan


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.django_db
def test_the_thread_costs_the_same_queries_for_a_plan_of_any_size(client):
    _plan("small", priorities=1, commitments=1)
    _plan("large", priorities=8, commitments=12)
    small, _ = _queries(client, "/plans/small/priorities/1/")
    large, page = _queries(client, "/plans/large/priorities/5/")
    assert "Commitment 5.11" in page and "Measure 5.11" in page
    assert "Commitment 4.0" not in page
    assert large <= small, f"{large} queries for the large plan, {small} for the small one"


@pytest.mark.django_db
def test_the_thread_shows_commitments_as_published_not_the_draft(client):
    plan = _plan("drafted", priorities=2, commitments=2)
    priority = plan.priorities.get(number=1)
    commitment = priority.commitments.order_by("order").first()
    commitment.wording = "A redrafted commitment"
    commitment.save()
    CommitmentFactory(priority=priority, wording="A commitment added since")
    priority.narrative = "A redrafted narrative"
    priority.save()
    _count, page = _queries(client, "/plans/drafted/priorities/1/")
    assert "Commitment 1.0" in page
    assert "A redrafted" not in page
    assert "A commitment added since" not in page


@pytest.mark.django_db
def test_a_decision_for_all_priorities_is_listed_only_under_the_plan_in_force_that_day(
    client, editor, decision_maker, django_capture_on_commit_callbacks
):
    import datetime

    from tests.decisions.factories import DecisionFactory
    from tests.transparency.test_search import publish_decision

    year = timezone.localdate().year
    earlier = PlanFactory(slug="earlier", term_start=datetime.date(year - 5, 1, 1),
                          term_end=datetime.date(year - 1, 12, 31))  # fmt: skip
    PriorityFactory(plan=earlier, number=1, title="An earlier priority")
    issue(earlier)
    current = PlanFactory(slug="current", term_start=datetime.date(year, 1, 1),
                          term_end=datetime.date(year + 3, 12, 31))  # fmt: skip
    PriorityFactory(plan=current, number=1, title="A current priority")
    issue(current)
    # Like decision 28/2021, which approved the next plan: for all priorities, taken while the
    # later plan was in force.
    for_all = DecisionFactory(title="Approve the Police and Crime Plan", priority_scope="all")
    publish_decision(for_all, editor=editor, decision_maker=decision_maker,
                     capture=django_capture_on_commit_callbacks)  # fmt: skip
    linked = DecisionFactory(title="Close the earlier plan's fund", priority_scope="governance")
    linked.priorities.add(earlier.priorities.get())
    publish_decision(linked, editor=editor, decision_maker=decision_maker,
                     capture=django_capture_on_commit_callbacks)  # fmt: skip

    earlier_page = client.get("/plans/earlier/priorities/1/").content.decode()
    current_page = client.get("/plans/current/priorities/1/").content.decode()
    assert "Approve the Police and Crime Plan" in current_page
    assert "Approve the Police and Crime Plan" not in earlier_page
    # A governance decision linked to a priority joins its thread, marked as governance.
    assert "Close the earlier plan&#x27;s fund" in earlier_page
    assert 'govuk-tag--grey">Governance<' in earlier_page
    assert "Close the earlier plan&#x27;s fund" not in current_page


@pytest.mark.django_db
def test_the_staff_page_of_a_priority_shows_its_thread_as_the_public_sees_it(
    client, decision_maker
):
    plan = _plan("staff", priorities=2, commitments=1)
    priority = plan.priorities.get(number=1)
    CommitmentFactory(priority=priority, wording="A commitment added since")
    client.force_login(decision_maker)
    url = f"/manage/plans/{plan.pk}/priorities/1/"
    page = client.get(url).content.decode()
    assert 'id="golden-thread"' in page
    assert "From promise to delivery" in page
    assert "the priority&#x27;s public page" in page or "the priority's public page" in page
    # The draft's new commitment is in the editor's list, not in the public thread.
    thread = page[page.index('id="golden-thread"') :]
    assert "Commitment 1.0" in thread
    assert "A commitment added since" not in thread


@pytest.mark.django_db
def test_the_thread_shows_grants_and_forward_plan_entries_as_released_not_edited(client):
    from tests.transparency.factories import ForwardPlanEntryFactory, GrantFactory

    plan = _plan("registers", priorities=2, commitments=1)
    first, second = plan.priorities.order_by("number")
    grant = GrantFactory(priority=first, recipient="Sample Released Trust")
    entry = ForwardPlanEntryFactory(priority=first, title="Sample released forward entry")
    grant.recipient = "Sample Renamed Trust"  # edited, not released again
    grant.save()
    entry.priority = second  # moved, not released again
    entry.save()
    GrantFactory(priority=second, recipient="Sample Unreleased Trust", released=False)

    _count, page = _queries(client, "/plans/registers/priorities/1/")
    assert "Sample Released Trust" in page
    assert "Sample released forward entry" in page
    assert "Sample Renamed Trust" not in page
    _count, page = _queries(client, "/plans/registers/priorities/2/")
    assert "Sample released forward entry" not in page
    assert "Sample Unreleased Trust" not in page
