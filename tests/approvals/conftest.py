"""Fixtures for the approval tests: a plan in force, a quarterly report, a measure and a figure
awaiting release."""

from decimal import Decimal

import pytest

from performance import services as performance
from performance.periods import Period
from tests.performance.factories import QuarterlyReportFactory, quarterly_series
from tests.plans.factories import MeasureFactory, PlanFactory, PriorityFactory
from tests.plans.helpers import issue

Q1_2022 = Period.quarter(2022, 1)


@pytest.fixture
def plan(decision_maker):
    """A plan in force (issued, so it may be published again), its first PDF not rendered."""
    plan = PlanFactory(current_term=True)
    PriorityFactory(plan=plan, number=1, title="Cracking down on crime")
    issue(plan, decision_maker, render=False)
    return plan


@pytest.fixture
def report(plan):
    return QuarterlyReportFactory(plan=plan, financial_year=2021, quarter=2)


@pytest.fixture
def measure(plan):
    priority = plan.priorities.get(number=1)
    measure = MeasureFactory(
        plan=plan, priority=priority, wording="Public confidence", unit="%", direction="improve"
    )
    quarterly_series(measure, start=Period.quarter(2021, 1), values=[60, 62, 61, 63])
    return measure


@pytest.fixture
def figure(measure, editor):
    """A figure for 2022-23 Q1 entered by an editor, awaiting release."""
    return performance.record_figure(
        measure=measure, period=Q1_2022, value=Decimal("64.5"), by=editor
    )
