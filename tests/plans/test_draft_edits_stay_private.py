"""A published plan's draft edits stay private until the plan is published again: every public
page that names its priorities or measures reads them as the plan's live version published them.
(Issue "one publishing path": a renamed priority and a new measure, never published, appeared on
the home page, alerts, performance, a measure's page and CSV, the grants register, a priority's
feed and the forward plan.)"""

import pytest

from tests.performance.factories import DataPointFactory
from tests.plans.factories import MeasureFactory, PlanFactory, PriorityFactory
from tests.plans.helpers import issue
from tests.transparency.factories import ForwardPlanEntryFactory, GrantFactory

SECRET = "UNRELEASED"


@pytest.fixture
def edited_plan(decision_maker):
    plan = PlanFactory(current_term=True)
    priority = PriorityFactory(plan=plan, number=1, title="Cracking down on crime")
    measure = MeasureFactory(plan=plan, priority=priority, wording="Public confidence in policing")
    DataPointFactory(measure=measure)
    GrantFactory(priority=priority, recipient="Lancashire Youth Diversion")
    ForwardPlanEntryFactory(priority=priority)
    issue(plan, decision_maker)

    # Draft edits after publication, never published.
    priority.title = f"{SECRET} priority title"
    priority.save()
    measure.wording = f"{SECRET} measure wording"
    measure.save()
    new_measure = MeasureFactory(plan=plan, priority=priority, wording=f"{SECRET} new measure")
    DataPointFactory(measure=new_measure)
    PriorityFactory(plan=plan, number=2, title=f"{SECRET} new priority")
    return plan, priority, measure, new_measure


PAGES = [
    "/",
    "/alerts/",
    "/performance/",
    "/transparency/grants/",
    "/transparency/grants.csv",
    "/transparency/grants.json",
    "/decisions/forward-plan/",
    "/alerts/priorities/police-and-crime-plan-2021-2025/1/feed/",
    "/plans/police-and-crime-plan-2021-2025/priorities/1/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_a_public_page_shows_the_plan_as_published_not_its_draft_edits(client, edited_plan, path):
    response = client.get(path)
    assert response.status_code == 200
    body = response.getvalue().decode()
    assert SECRET not in body


@pytest.mark.django_db
def test_the_published_wording_is_what_the_public_reads(client, edited_plan):
    _plan, _priority, measure, _new = edited_plan
    assert "Cracking down on crime" in client.get("/").getvalue().decode()
    assert "Public confidence in policing" in client.get("/performance/").getvalue().decode()
    page = client.get(f"/performance/measures/{measure.pk}/").getvalue().decode()
    assert "Public confidence in policing" in page
    assert SECRET not in page
    csv = client.get(f"/performance/measures/{measure.pk}.csv").getvalue().decode()
    assert "Public confidence in policing" in csv
    assert SECRET not in csv


@pytest.mark.django_db
def test_a_measure_added_since_publication_is_not_public(client, edited_plan):
    *_, new_measure = edited_plan
    assert client.get(f"/performance/measures/{new_measure.pk}/").status_code == 404
    assert client.get(f"/performance/measures/{new_measure.pk}.csv").status_code == 404


@pytest.mark.django_db
def test_publishing_the_plan_again_releases_the_edits(
    client, edited_plan, decision_maker, publish_plan
):
    plan, *_ = edited_plan
    publish_plan(plan, decision_maker, note="Reworded priority 1 and added a measure")
    assert f"{SECRET} priority title" in client.get("/").getvalue().decode()
    assert f"{SECRET} new measure" in client.get("/performance/").getvalue().decode()
