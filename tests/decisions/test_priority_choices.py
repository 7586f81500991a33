"""The decision form offers the priorities of the plan in force, grouped by plan with the plan's
title as each group's legend, not every priority of every plan; a priority of an earlier plan
that a decision is already linked to stays offered and ticked."""

import datetime

import pytest
from django.urls import reverse

from decisions.models import Decision
from plans.models import Stage
from tests.decisions.factories import DecisionFactory
from tests.decisions.test_manage import _form
from tests.plans.factories import PlanFactory, PriorityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans():
    earlier = PlanFactory(previous_term=True, stage=Stage.SUPERSEDED)
    current = PlanFactory(current_term=True, term_end=datetime.date(2024, 5, 8), stage=Stage.ISSUED)
    upcoming = PlanFactory(
        title="Police and Crime Plan 2025-2029",
        slug="police-and-crime-plan-2025-2029",
        term_start=datetime.date(2025, 5, 9),
        term_end=datetime.date(2029, 5, 8),
    )
    for number, title in enumerate(["Protecting local policing", "Tackling reoffending"], 1):
        PriorityFactory(plan=earlier, number=number, title=title)
    for number, title in enumerate(["Getting tough on anti-social behaviour", "Safer roads"], 1):
        PriorityFactory(plan=current, number=number, title=title)
    PriorityFactory(plan=upcoming, number=1, title="A draft priority")
    return earlier, current, upcoming


def _group(page, legend):
    """The HTML of the plan's group of tick boxes, from its legend to the end of its fieldset."""
    start = page.index(f'<legend class="govuk-fieldset__legend">{legend}</legend>')
    return page[start : page.index("</fieldset>", start)]


def test_a_new_decision_is_offered_only_the_priorities_of_the_plan_in_force(client, editor, plans):
    client.force_login(editor)
    page = client.get(reverse("decisions_manage:create")).content.decode()
    group = _group(page, "Police and Crime Plan 2021-2025")
    assert "1. Getting tough on anti-social behaviour" in group and "2. Safer roads" in group
    assert page.count('name="priorities"') == 2
    assert "Protecting local policing" not in page and "A draft priority" not in page
    assert 'id="id_priorities_0"' in page  # where the error summary links to


def test_a_priority_of_an_earlier_plan_already_linked_stays_offered_and_ticked(
    client, editor, plans
):
    earlier, current, _upcoming = plans
    linked = earlier.priorities.get(number=1)
    decision = DecisionFactory()
    decision.priorities.add(linked, current.priorities.get(number=2))
    client.force_login(editor)
    page = client.get(reverse("decisions_manage:edit", kwargs={"pk": decision.pk})).content
    page = page.decode()
    # The current plan first, then the earlier plan's group with only the linked priority.
    assert page.index("Police and Crime Plan 2021-2025</legend>") < page.index(
        "Police and Crime Plan 2016-2021</legend>"
    )
    old = _group(page, "Police and Crime Plan 2016-2021")
    assert f'value="{linked.pk}" checked' in old and "1. Protecting local policing" in old
    assert "Tackling reoffending" not in page
    new = _group(page, "Police and Crime Plan 2021-2025")
    assert f'value="{current.priorities.get(number=2).pk}" checked' in new
    assert f'value="{current.priorities.get(number=1).pk}" checked' not in new
    # Saved again as it is, the earlier plan's priority is kept.
    client.post(
        reverse("decisions_manage:edit", kwargs={"pk": decision.pk}),
        _form(priority_scope="plan", priorities=[linked.pk]),
    )
    assert list(Decision.objects.get().priorities.all()) == [linked]


def test_a_priority_not_offered_is_refused_and_the_ticks_are_kept(client, editor, plans):
    earlier, current, _upcoming = plans
    client.force_login(editor)
    ticked = current.priorities.get(number=1)
    response = client.post(
        reverse("decisions_manage:create"),
        _form(priority_scope="plan", priorities=[ticked.pk, earlier.priorities.get(number=2).pk]),
    )
    assert response.status_code == 400 and not Decision.objects.exists()
    page = response.content.decode()
    assert 'id="div_id_priorities" class="govuk-form-group govuk-form-group--error"' in page
    assert f'value="{ticked.pk}" checked' in page


def test_before_any_plan_is_issued_the_plans_being_prepared_are_offered(client, editor):
    draft = PlanFactory(title="Police and Crime Plan 2025-2029")
    PriorityFactory(plan=draft, number=1, title="A draft priority")
    PriorityFactory(plan=PlanFactory(previous_term=True, stage=Stage.SUPERSEDED), number=1)
    client.force_login(editor)
    page = client.get(reverse("decisions_manage:create")).content.decode()
    assert "1. A draft priority" in _group(page, "Police and Crime Plan 2025-2029")
    assert page.count('name="priorities"') == 1
