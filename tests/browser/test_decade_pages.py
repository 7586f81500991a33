"""The pages the decade benchmark changed, in a browser with axe at a phone's and a desktop's
width: the dashboard's pages of measures, and the home page served from its cached part (its
nonce still the response's own, so its script runs under the CSP)."""

import pytest

from tests.browser.conftest import visit_at_widths
from tests.performance.factories import mark_published, quarterly_series
from tests.plans.factories import MeasureFactory, PlanFactory, PriorityFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def many_measures(decision_maker):
    plan = PlanFactory(slug="police-and-crime-plan-2021-2025")
    priority = PriorityFactory(plan=plan, number=1, title="Getting tough on anti-social behaviour")
    for n in range(18):
        measure = MeasureFactory(
            priority=priority,
            wording=f"Incidents in district {n + 1}",
            direction="reduce",
            unit="incidents",
        )
        quarterly_series(measure, values=[100 + n + q for q in range(12)])
    mark_published(plan, by=decision_maker)
    return plan


def test_the_dashboard_pages_its_measures(page, many_measures):
    visit_at_widths(page, "/performance/")
    assert page.locator("nav.govuk-pagination").count() == 1
    visit_at_widths(page, "/performance/?page=2")
    assert page.get_by_role("heading", name="Incidents in district 18").count() == 1
    assert page.get_by_role("heading", name="Incidents in district 1", exact=True).count() == 0


def test_the_cached_home_page_keeps_its_script_running(page, many_measures):
    visit_at_widths(page, "/")
    visit_at_widths(page, "/")  # from the cached part
    assert "js-enabled" in (page.locator("body").get_attribute("class") or "")
