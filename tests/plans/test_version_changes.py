"""Every published version of a plan after the first has a public comparison with the one
before, its text and its tables (the finance tables cell by cell), linked from the plan's list
of versions; a withdrawn version answers 410 with its notice."""

from decimal import Decimal

import pytest
from django.urls import reverse

from pcc_portal.publications import services as publishing
from tests.access import AccessRule
from tests.plans.helpers import full_plan, issue
from tests.publications.comparisons import linked_comparison

pytestmark = pytest.mark.django_db


def _changes(number, slug="lancashire-plan"):
    return reverse("plans:version_changes", kwargs={"slug": slug, "number": number})


@pytest.fixture
def plan():
    plan = full_plan(slug="lancashire-plan", summary="Our plan for a safer Lancashire.")
    issue(plan)
    return plan


def test_a_variation_shows_its_text_and_table_changes_against_the_version_before(
    client, plan, publish_plan, decision_maker
):
    assert _changes(1) not in client.get("/plans/lancashire-plan/").content.decode()
    assert client.get(_changes(1)).status_code == 404  # nothing before the first version

    plan.summary = "Our plan for a safer, fairer Lancashire."
    plan.save()
    line = plan.capital_lines.get(financial_year="2022/23")
    line.amount_millions = Decimal("11.250")
    line.save()
    publish_plan(plan, decision_maker, note="Revised the capital programme")

    html = linked_comparison(client, "/plans/lancashire-plan/", _changes(2))
    assert "What changed in version 2" in html and "Revised the capital programme" in html
    assert "<del>Our plan for a safer Lancashire.</del>" in html
    assert "<ins>Our plan for a safer, fairer Lancashire.</ins>" in html
    # The changed figure is marked in its own cell, the unchanged row is not.
    assert '<span class="govuk-visually-hidden">was: </span>10.080' in html
    assert '<span class="govuk-visually-hidden">now: </span>11.250' in html
    assert "was: </span>12.751" not in html


def test_a_withdrawn_version_has_no_comparison_but_the_notice(
    client, plan, publish_plan, decision_maker
):
    plan.summary = "A second summary."
    plan.save()
    publish_plan(plan, decision_maker)
    publishing.withdraw(
        obj=plan, by=decision_maker, reason="Issued in error", up_to_number=2
    )  # fmt: skip
    response = client.get(_changes(2))
    assert response.status_code == 410
    assert "Issued in error" in response.content.decode()


class TestPlanVersionChangesAccess(AccessRule):
    url_name = "plans:version_changes"
    allowed_status = (404,)  # version 1 has nothing before it; comparisons are tested above

    def make_url_kwargs(self):
        plan = full_plan(slug="compared-plan")
        issue(plan)
        return {"slug": plan.slug, "number": 1}
