"""The consultation of the public and of victims of crime before a plan (or a variation) is
issued: a step with the dates it ran and a summary of the responses, which the public reads."""

import datetime

import pytest
from django.urls import reverse

from pcc_portal.errors import InvalidTransition
from plans import services
from plans.models import Stage
from tests.plans.helpers import full_plan, issue, published_plan

OPENED, CLOSED = datetime.date(2021, 6, 1), datetime.date(2021, 8, 31)
SUMMARY = "Over 3,000 residents and victims replied; anti-social behaviour was the top concern."


@pytest.mark.django_db
def test_the_public_consultation_is_recorded_with_its_dates_and_summary_and_published(
    client, editor, decision_maker
):
    plan = full_plan(slug="consulted")
    step = services.record_step(
        plan=plan, stage=Stage.PUBLIC_CONSULTED, date=CLOSED, by=editor,
        consultation_opened=OPENED, responses_summary=SUMMARY,
    )  # fmt: skip
    assert (step.consultation_opened, step.date, step.responses_summary) == (
        OPENED, CLOSED, SUMMARY
    )  # fmt: skip
    plan.refresh_from_db()
    assert plan.next_stages() == [Stage.CONSULTED]
    issue(plan, by=decision_maker)
    page = client.get("/plans/consulted/").content.decode()
    assert "Public and victims consulted" in page
    assert "1 June 2021 to 31 August 2021" in page
    assert SUMMARY in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "opened, summary, message",
    [
        (OPENED, "", "summary of the responses"),
        (None, SUMMARY, "when the consultation opened"),
        (datetime.date(2021, 9, 1), SUMMARY, "cannot open after it closed"),
    ],
)
def test_a_consultation_needs_its_dates_in_order_and_a_summary(editor, opened, summary, message):
    plan = full_plan()
    with pytest.raises(InvalidTransition, match=message):
        services.record_step(
            plan=plan, stage=Stage.PUBLIC_CONSULTED, date=CLOSED, by=editor,
            consultation_opened=opened, responses_summary=summary,
        )  # fmt: skip


@pytest.mark.django_db
def test_the_step_form_shows_a_missing_summary_beside_its_field_and_keeps_what_was_typed(
    client, editor
):
    plan = full_plan()
    client.force_login(editor)
    response = client.post(
        reverse("plans_manage:step", kwargs={"pk": plan.pk}),
        {"stage": "public_consulted", "date": "2021-08-31", "consultation_opened": "2021-06-01",
         "responses_summary": "", "note": "Survey and focus groups"},
    )  # fmt: skip
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert 'href="#id_responses_summary"' in page
    assert "Survey and focus groups" in page
    # The date is shown again in the GOV.UK date input's three boxes, as it was given.
    assert 'name="consultation_opened_0" value="01"' in page
    assert 'name="consultation_opened_1" value="06"' in page
    assert 'name="consultation_opened_2" value="2021"' in page
    plan.refresh_from_db()
    assert plan.stage == Stage.DRAFT


@pytest.mark.django_db
def test_a_variation_may_start_with_a_public_consultation(editor, decision_maker):
    plan = published_plan(by=decision_maker)
    assert Stage.PUBLIC_CONSULTED in plan.next_stages()
    step = services.record_step(
        plan=plan, stage=Stage.PUBLIC_CONSULTED, date=datetime.date(2022, 8, 31), by=editor,
        consultation_opened=datetime.date(2022, 7, 1), responses_summary=SUMMARY,
    )  # fmt: skip
    assert step.variation
