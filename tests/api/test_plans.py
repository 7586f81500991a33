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
