"""The slow public pages of issue #20 answer in a number of queries that does not grow with the
data: measured with a few rows of each kind, then with many, the cache emptied before each
request so the queries themselves are counted (a cached page runs almost none)."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pcc_portal.publications import services as publishing
from performance.views.public import DASHBOARD_PAGE_SIZE
from plans.services import freeze_parts
from tests.decisions.factories import DecisionFactory
from tests.performance.factories import DataPointFactory
from tests.plans.factories import MeasureFactory, PlanFactory, PriorityFactory
from tests.publications.factories import ready_version
from transparency.thread import DECISIONS_SHOWN

pytestmark = pytest.mark.django_db


def _queries(client, url):
    client.get(url)  # in-process caches (content types) warm, as in a running server
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


@pytest.fixture
def priority(editor, django_capture_on_commit_callbacks):
    plan = PlanFactory(slug="plan-2021-2025", title="Police and Crime Plan 2021-2025")
    priority = PriorityFactory(plan=plan, number=1, title="Cracking down on crime")
    with django_capture_on_commit_callbacks(execute=True):
        version = publishing.publish(obj=plan, by=editor, note="First publication")
    version.refresh_from_db()
    freeze_parts(plan=plan, version=version)
    return priority


def _decisions(priority, by, count, start):
    for n in range(start, start + count):
        decision = DecisionFactory(
            title=f"Grant {n}",
            financial_year=2022,
            number=n + 1,
            priority_scope="plan",
        )
        decision.priorities.add(priority)
        ready_version(decision, by=by, document_type="decision")


def _thread_grown_to_42_decisions(client, priority, editor):
    """The priority's golden thread page, and its query count when it listed two decisions;
    it lists 42 now."""
    url = reverse("plans:priority", args=[priority.plan.slug, 1])
    _decisions(priority, editor, 2, 0)
    few = _queries(client, url)
    _decisions(priority, editor, 40, 2)
    return url, few


def test_the_golden_thread_does_not_grow_in_queries_with_the_decisions_it_lists(
    client, priority, editor
):
    url, few = _thread_grown_to_42_decisions(client, priority, editor)
    page = client.get(url).content.decode()
    assert "Grant 41" in page
    assert _queries(client, url) == few


def test_the_golden_thread_lists_the_most_recent_decisions_and_links_to_the_rest(
    client, priority, editor
):
    url, few = _thread_grown_to_42_decisions(client, priority, editor)
    page = client.get(url).content.decode()
    decisions = page[page.index('id="thread-decisions"') : page.index('id="thread-grants"')]
    assert decisions.count('href="/decisions/2022/') == DECISIONS_SHOWN
    assert "Grant 41" in decisions and "Grant 31" not in decisions  # the most recent
    assert f"The {DECISIONS_SHOWN} most recent of 42." in decisions
    assert f'href="/decisions/?priority={priority.pk}"' in decisions
    assert _queries(client, url) == few


def test_the_dashboard_does_not_grow_in_queries_with_measures_and_quarters(client, editor):
    plan = PlanFactory(
        slug="plan-2025-2029",
        term_start=datetime.date(2025, 5, 8),
        term_end=datetime.date(2029, 5, 7),
    )
    priority = PriorityFactory(plan=plan, number=1)

    def measures(count, quarters):
        for _ in range(count):
            measure = MeasureFactory(priority=priority, plan=plan)
            for q in range(quarters):
                DataPointFactory(
                    measure=measure,
                    period_start=datetime.date(2016 + q // 4, 1 + 3 * (q % 4), 1),
                    value=Decimal(100 + q),
                )

    measures(2, 3)
    ready_version(plan, by=editor)
    url = reverse("performance:dashboard")
    few = _queries(client, url)
    measures(20, 24)
    # The measures above are drafts until the plan is published again.
    ready_version(plan, by=editor, number=2, change_note="Measures added")
    pages = [client.get(url, {"page": n}).content.decode() for n in (1, 2)]
    assert all(len(page.encode()) < 150 * 1024 for page in pages)
    links = [page.count('href="/performance/measures/') for page in pages]
    assert links == [DASHBOARD_PAGE_SIZE, 22 - DASHBOARD_PAGE_SIZE]
    assert 'rel="next"' in pages[0]
    assert _queries(client, url) == few
    assert _queries(client, f"{url}?page=2") == few
