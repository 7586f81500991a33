"""A variation of the plan in force takes the statute's steps again (Police Reform and Social
Responsibility Act 2011, s5(6) and s28(3)): the Chief Constable consulted, the Panel's review,
the Commissioner's response, unless staff record it as a minor variation with the reason."""

import datetime

import pytest
from django.urls import reverse

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications.models import Version
from plans import services
from plans.models import Stage
from tests.accounts.factories import reauthenticate
from tests.plans.helpers import full_plan, issue, published_plan, render_version

DAY = datetime.date(2022, 6, 1)


def _reword_priority(plan):
    priority = plan.priorities.get(number=1)
    priority.title = "Tackling anti-social behaviour and vehicle nuisance"
    priority.save()


@pytest.mark.django_db
def test_a_reworded_priority_cannot_be_republished_as_a_minor_update_without_a_variation_step(
    client, decision_maker
):
    plan = published_plan(slug="v4", by=decision_maker)
    _reword_priority(plan)
    client.force_login(decision_maker)
    reauthenticate(client)
    response = client.post(
        reverse("plans_manage:publish", kwargs={"pk": plan.pk}),
        {"change_note": "v4 - Minor update", "date": "2022-06-01", "confirm": "on"},
    )
    assert response.status_code == 400
    assert "Say why this variation is minor" in response.content.decode()
    assert Version.objects.for_object(plan).count() == 1
    client.logout()
    page = client.get("/plans/v4/").content.decode()
    assert "vehicle nuisance" not in page
    with pytest.raises(InvalidTransition, match="statutory steps again"):
        services.record_step(
            plan=plan, stage=Stage.VARIED, date=DAY, by=decision_maker, note="v4 - Minor update"
        )
    plan.refresh_from_db()
    assert plan.stage == Stage.ISSUED


@pytest.mark.django_db
def test_a_variation_goes_to_the_chief_constable_and_the_panel_before_it_is_made(
    client, decision_maker
):
    plan = published_plan(slug="varied", by=decision_maker)
    _reword_priority(plan)
    for offset, stage in enumerate(
        [Stage.CONSULTED, Stage.SENT_TO_PANEL, Stage.PANEL_RESPONDED, Stage.RESPONSE_PUBLISHED]
    ):
        plan.refresh_from_db()
        assert plan.is_in_force
        step = services.record_step(
            plan=plan, stage=stage, date=DAY + datetime.timedelta(days=offset * 7),
            by=decision_maker, note=f"Variation: {stage.label}.",
        )  # fmt: skip
        assert step.variation
    plan.refresh_from_db()
    assert plan.variation_under_way
    assert plan.next_stages() == [Stage.VARIED]
    # While the variation is under way, the public reads the plan as issued, without its
    # unfinished steps.
    page = client.get("/plans/varied/").content.decode()
    assert "vehicle nuisance" not in page
    assert "on a variation" not in page

    client.force_login(decision_maker)
    check = client.get(reverse("plans_manage:publish", kwargs={"pk": plan.pk})).content.decode()
    assert "Why is this a minor variation?" not in check
    assert "Chief Constable consulted (on a variation)" in check
    step = services.record_step(
        plan=plan, stage=Stage.VARIED, date=DAY + datetime.timedelta(days=30),
        by=decision_maker, note="Priority 1 now covers vehicle nuisance.", reference="12/2022",
    )  # fmt: skip
    render_version(step.version)
    assert step.version.change_note == "Variation: Priority 1 now covers vehicle nuisance."
    assert step.variation and not step.minor_reason
    client.logout()
    page = client.get("/plans/varied/").content.decode()
    assert "vehicle nuisance" in page
    assert "Chief Constable consulted (on a variation)" in page
    assert "Panel report or recommendations received (on a variation)" in page


@pytest.mark.django_db
def test_a_minor_variation_is_made_with_its_reason_which_the_public_reads(client, decision_maker):
    plan = published_plan(slug="minor", by=decision_maker)
    _reword_priority(plan)
    step = services.record_step(
        plan=plan, stage=Stage.VARIED, date=DAY, by=decision_maker,
        note="Priority 1's title names vehicle nuisance.",
        minor_reason="The priority already covered vehicle nuisance; only its title changes.",
    )  # fmt: skip
    render_version(step.version)
    assert step.version.change_note == "Minor variation: Priority 1's title names vehicle nuisance."
    page = client.get("/plans/minor/").content.decode()
    assert "Varied (minor variation)" in page
    assert "only its title changes." in page
    assert "vehicle nuisance" in page


@pytest.mark.django_db
def test_the_step_form_offers_consulting_on_a_variation_and_the_check_page_asks_why_minor(
    client, decision_maker
):
    plan = published_plan(slug="offers", by=decision_maker)
    client.force_login(decision_maker)
    page = client.get(plan.get_manage_url()).content.decode()
    assert "Chief Constable consulted on a draft variation" in page
    assert 'value="varied"' not in page
    check = client.get(reverse("plans_manage:publish", kwargs={"pk": plan.pk})).content.decode()
    assert "Why is this a minor variation?" in check
    assert "can be published only as a minor variation" in check


@pytest.mark.django_db
def test_a_plan_with_a_variation_under_way_is_superseded_by_the_next_plan(decision_maker):
    earlier = full_plan(slug="earlier", term_start=datetime.date(2016, 5, 12),
                        term_end=datetime.date(2021, 5, 12))  # fmt: skip
    issue(earlier, by=decision_maker, render=False)
    services.record_step(
        plan=earlier, stage=Stage.CONSULTED, date=datetime.date(2021, 11, 1), by=decision_maker
    )
    issue(full_plan(slug="later"), by=decision_maker, render=False)
    earlier.refresh_from_db()
    assert earlier.stage == Stage.SUPERSEDED
