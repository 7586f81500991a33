"""Fixtures for performance: a plan, published or not, with a priority and a measure."""

import pytest

from tests.performance.factories import mark_published
from tests.plans.factories import MeasureFactory, PlanFactory, PriorityFactory


@pytest.fixture
def plan(db):
    return PlanFactory(slug="police-and-crime-plan-2021-2025")


@pytest.fixture
def published_plan(plan, decision_maker):
    """The plan published now: ask for it after the measures it publishes (the public reads a
    plan as published, and a measure added later is a draft)."""
    mark_published(plan, by=decision_maker)
    return plan


@pytest.fixture
def priority(plan):
    return PriorityFactory(plan=plan, number=1, title="Getting tough on anti-social behaviour")


@pytest.fixture
def measure(priority):
    return MeasureFactory(
        priority=priority,
        wording="Monitoring of the number of anti-social behaviour incidents",
        direction="monitor",
        unit="incidents",
    )
