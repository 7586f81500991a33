"""The steps that publish a plan, issuing and varying it, go through the check page: it lists
what becomes public, and nothing is recorded or published until the publisher confirms it."""

import pytest
from django.urls import reverse

from pcc_portal.publications.models import Version
from plans.models import Stage
from tests.accounts.factories import reauthenticate
from tests.plans.factories import PriorityFactory
from tests.plans.helpers import full_plan, issue, published_plan


def _publish_url(plan):
    return reverse("plans_manage:publish", kwargs={"pk": plan.pk})


@pytest.mark.django_db
@pytest.mark.parametrize("stage", ["issued", "varied"])
def test_the_step_form_does_not_publish_a_plan(client, decision_maker, stage):
    plan = full_plan(slug="no-shortcut")
    issue(plan, by=decision_maker, until=Stage.RESPONSE_PUBLISHED if stage == "issued" else
          Stage.ISSUED)  # fmt: skip
    versions = Version.objects.count()
    client.force_login(decision_maker)
    page = client.get(plan.get_manage_url()).content.decode()
    assert f'value="{stage}"' not in page
    assert _publish_url(plan) in page
    response = client.post(
        reverse("plans_manage:step", kwargs={"pk": plan.pk}),
        {"stage": stage, "date": "2022-01-06", "note": "Published without a check."},
    )
    assert response.status_code == 400
    assert Version.objects.count() == versions
    plan.refresh_from_db()
    assert plan.stage == (Stage.RESPONSE_PUBLISHED if stage == "issued" else Stage.ISSUED)


@pytest.mark.django_db
def test_the_check_page_for_issuing_lists_what_becomes_public(client, decision_maker):
    earlier = full_plan(slug="earlier", title="Police and Crime Plan 2016-2021",
                        term_start="2016-05-12", term_end="2021-05-12")  # fmt: skip
    issue(earlier, by=decision_maker, render=False)
    plan = full_plan(slug="to-issue", title="Police and Crime Plan 2021-2025")
    issue(plan, by=decision_maker, until=Stage.RESPONSE_PUBLISHED)
    client.force_login(decision_maker)
    response = client.get(_publish_url(plan))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Check what becomes public" in page
    assert "/plans/to-issue/" in page
    assert "Priority 1: Getting tough on anti-social behaviour" in page
    assert "Priority 2: Disrupting and dismantling organised crime" in page
    assert "The commitments tracker" in page
    assert "Police and Crime Plan 2016-2021" in page and "superseded" in page
    assert "Issue and publish" in page


@pytest.mark.django_db
def test_issuing_needs_the_confirmation_and_keeps_what_was_typed(
    client, decision_maker, django_capture_on_commit_callbacks
):
    plan = full_plan(slug="to-issue")
    issue(plan, by=decision_maker, until=Stage.RESPONSE_PUBLISHED)
    client.force_login(decision_maker)
    reauthenticate(client)
    data = {"date": "2022-01-06", "reference": "28/2021", "change_note": "Approved by 28/2021."}
    response = client.post(_publish_url(plan), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Confirm that you have checked what becomes public" in page
    assert "Approved by 28/2021." in page and 'value="28/2021"' in page
    assert not Version.objects.exists()
    plan.refresh_from_db()
    assert plan.stage == Stage.RESPONSE_PUBLISHED

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_publish_url(plan), {**data, "confirm": "on"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.stage == Stage.ISSUED
    step = plan.steps.get(stage=Stage.ISSUED)
    assert (step.reference, step.date.isoformat()) == ("28/2021", "2022-01-06")
    assert step.version.change_note == "Issued: Approved by 28/2021."
    assert plan.live_version() == step.version


@pytest.mark.django_db
def test_the_check_page_for_a_variation_says_what_is_new_changed_and_removed(
    client, decision_maker
):
    plan = published_plan(slug="to-vary", by=decision_maker)
    first, second = plan.priorities.order_by("number")
    first.title = "Tackling anti-social behaviour and vehicle nuisance"
    first.save()
    second.delete()
    PriorityFactory(plan=plan, number=2, title="Supporting victims of fraud")
    client.force_login(decision_maker)
    page = client.get(_publish_url(plan)).content.decode()
    assert "Priority 1: Tackling anti-social behaviour and vehicle nuisance" in page
    assert "Changed since version 1. Its own page" in page
    assert "Priority 2: Supporting victims of fraud" in page
    assert "New since version 1" in page
    assert "Removed since version 1: priority 2, \u201cDisrupting and dismantling" in page
    assert "Vary and publish" in page


@pytest.mark.django_db
def test_an_editor_may_not_open_the_check_page(client, editor):
    plan = full_plan(slug="editor-check")
    issue(plan, until=Stage.RESPONSE_PUBLISHED)
    client.force_login(editor)
    assert client.get(_publish_url(plan)).status_code == 403
