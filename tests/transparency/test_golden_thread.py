"""The golden thread reads a plan as its published version froze it: one query for all of a
plan's commitments and measures, however many priorities and commitments it has, and never a
draft edit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
