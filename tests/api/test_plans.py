"""Plans in the API: as their live version published them, never as drafted since."""

import pytest

from plans.models import Priority
from tests.plans.factories import PlanFactory
from tests.plans.helpers import published_plan

pytestmark = pytest.mark.django_db


def test_a_published_plan_with_its_priorities_commitments_and_measures(client):
    plan = published_plan()

    body = client.get("/api/v1/plans/").json()

    assert body["count"] == 1
    (listed,) = body["results"]
    assert listed["slug"] == plan.slug and listed["version"] == 1
    assert listed["pdf"] == f"http://testserver/plans/{plan.slug}.pdf"
    priorities = listed["priorities"]
    assert [p["number"] for p in priorities] == sorted(p["number"] for p in priorities)
    assert any(p["commitments"] for p in priorities)
    assert any(p["measures"] for p in priorities)
    assert client.get(f"/api/v1/plans/{plan.slug}/").json() == listed


def test_draft_edits_and_draft_plans_stay_out_of_the_api(client):
    plan = published_plan()
    priority = Priority.objects.filter(plan=plan).first()
    priority.title = "DRAFTTITLE not yet published"
    priority.save()
    PlanFactory(title="DRAFTPLAN for the next term")

    everything = client.get("/api/v1/plans/").content.decode()

    assert "DRAFTTITLE" not in everything
    assert "DRAFTPLAN" not in everything
    assert client.get("/api/v1/plans/no-such-plan/").status_code == 404


def test_only_released_figures_of_a_published_measure(client, decision_maker):
    from tests.performance.factories import DataPointFactory, mark_published
    from tests.plans.factories import MeasureFactory, PriorityFactory

    plan = PlanFactory(slug="police-and-crime-plan-2021-2025")
    priority = PriorityFactory(plan=plan, number=1, title="Getting tough on anti-social behaviour")
    measure = MeasureFactory(priority=priority, plan=plan)
    without_figures = MeasureFactory(priority=priority, plan=plan)
    mark_published(plan, by=decision_maker)
    DataPointFactory(measure=measure, value="24000")
    DataPointFactory(measure=measure, period_start="2021-07-01", value="777777", released_at=None)

    body = client.get(f"/api/v1/measures/{measure.pk}/figures/").json()

    assert [(f["period_start"], f["value"]) for f in body["results"]] == [
        ("2021-04-01", "24000.0000")
    ]
    assert "777777" not in client.get(f"/api/v1/measures/{measure.pk}/figures/").content.decode()
    unpublished = MeasureFactory(priority=priority, plan=plan)  # added after publication
    DataPointFactory(measure=unpublished)
    assert client.get(f"/api/v1/measures/{unpublished.pk}/figures/").status_code == 404
    assert client.get(f"/api/v1/measures/{without_figures.pk}/figures/").json()["count"] == 0
