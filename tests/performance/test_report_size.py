"""The public page of a quarterly report stays under 150 KB of HTML with as many measures with
figures as the decade's plan has: 35 measures with ten years of quarterly figures, each compared
with the year before and one in five with a target, as the demonstration data has them; every
measure keeps its chart and its figures (issue #20's page budget)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pcc_portal.publications import services as publishing
from performance import periods
from performance.models import DataPoint
from tests.performance.factories import QuarterlyReportFactory, mark_published
from tests.plans.factories import MeasureFactory, PlanFactory, PriorityFactory
from tests.publications.factories import ready_version

pytestmark = pytest.mark.django_db

PAGE_BUDGET = 150 * 1024


def _demo_like_plan(by, *, priorities=7, measures=5, quarters=40):
    plan = PlanFactory(slug="police-and-crime-plan-2021-2025")
    start = periods.Period.quarter(2015, 3)
    for p in range(priorities):
        priority = PriorityFactory(
            plan=plan, number=p + 1, title=f"Keeping Lancashire's communities safe {p + 1}"
        )
        for m in range(measures):
            measure = MeasureFactory(
                priority=priority,
                plan=plan,
                unit="incidents",
                direction="reduce",
                wording=f"The number of anti-social behaviour incidents in district {p}-{m}",
            )
            period = start
            points = []
            for q in range(quarters):
                points.append(
                    DataPoint(
                        measure=measure,
                        period_kind=period.kind,
                        period_start=period.start,
                        value=Decimal(12_000 + 137 * q + m),
                        comparison_value=Decimal(12_500 + 91 * q),
                        target=Decimal(12_250) if m == 0 else None,
                        demonstration=True,
                    )
                )
                period = periods.Period.quarter_containing(period.end + datetime.timedelta(days=1))
            DataPoint.objects.bulk_create(points)
    DataPoint.objects.update(released_at=timezone.now())
    mark_published(plan, by=by)
    return plan


def test_a_quarterly_report_page_is_under_150_kb_with_every_measure(client, decision_maker):
    plan = _demo_like_plan(decision_maker)
    report = QuarterlyReportFactory(plan=plan, financial_year=2021, quarter=2)
    page_html, document_html, text = publishing.freeze(obj=report)
    ready_version(
        report,
        by=decision_maker,
        document_type=report.document_type,
        change_note="First publication",
        title=report.publication_title(),
        html=page_html,
        document_html=document_html,
    )
    response = client.get(report.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("data-chart-table=") == 35  # every measure keeps its figures
    assert len(response.content) < PAGE_BUDGET, f"{len(response.content):,} bytes"


def test_a_page_of_the_dashboard_is_under_100_kb(client, decision_maker):
    """A page of the dashboard (15 measures, each with its sparkline and every figure it charts)
    stays well inside the budget: a sparkline marks only its latest figure, and the figures'
    cells take their styles from their table."""
    _demo_like_plan(decision_maker)
    response = client.get(reverse("performance:dashboard"))
    html = response.content.decode()
    assert html.count("data-chart-table=") == 15
    assert len(response.content) < 100 * 1024, f"{len(response.content):,} bytes"
