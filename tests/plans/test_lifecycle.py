"""The statutory lifecycle: steps in order, none skipped, each dated and signed, issuing and
varying publish, and only decision makers issue, vary or supersede."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications.models import Version
from plans import services
from plans.models import LifecycleStep, Stage
from tests.accounts.factories import reauthenticate
from tests.plans.factories import PlanFactory
from tests.plans.helpers import full_plan, issue, published_plan, render_version

DAY = datetime.date(2021, 10, 12)


@pytest.mark.django_db
def test_a_new_plan_starts_as_a_draft_with_its_first_step_recorded(editor):
    plan = services.create_plan(
        by=editor,
        title="Police and Crime Plan 2021-2025",
        slug="plan-2021",
        commissioner="Andrew Snowden",
        term_start=datetime.date(2021, 5, 13),
        term_end=datetime.date(2025, 3, 31),
    )
    assert plan.stage == Stage.DRAFT
    step = plan.steps.get()
    assert (step.stage, step.recorded_by) == (Stage.DRAFT, editor)


@pytest.mark.django_db
def test_steps_cannot_be_skipped(decision_maker):
    plan = PlanFactory()
    with pytest.raises(InvalidTransition, match="Chief Constable consulted"):
        services.record_step(plan=plan, stage=Stage.SENT_TO_PANEL, date=DAY, by=decision_maker)
    with pytest.raises(InvalidTransition):
        services.record_step(plan=plan, stage=Stage.ISSUED, date=DAY, by=decision_maker)
    assert not LifecycleStep.objects.filter(plan=plan).exists()
    plan.refresh_from_db()
    assert plan.stage == Stage.DRAFT


@pytest.mark.django_db
def test_each_step_records_its_date_who_and_note_in_order(editor, decision_maker):
    plan = full_plan()
    for offset, stage in enumerate(
        [Stage.CONSULTED, Stage.SENT_TO_PANEL, Stage.PANEL_RESPONDED, Stage.RESPONSE_PUBLISHED]
    ):
        services.record_step(
            plan=plan, stage=stage, date=DAY + datetime.timedelta(days=offset), by=editor,
            note=f"Note {offset}",
        )  # fmt: skip
    step = services.record_step(
        plan=plan, stage=Stage.ISSUED, date=datetime.date(2022, 1, 6), by=decision_maker,
        note="Approved by decision 28/2021.", reference="28/2021",
    )  # fmt: skip
    steps = list(plan.steps.all())
    assert [s.stage for s in steps] == [
        Stage.CONSULTED, Stage.SENT_TO_PANEL, Stage.PANEL_RESPONDED, Stage.RESPONSE_PUBLISHED,
        Stage.ISSUED,
    ]  # fmt: skip
    assert [s.recorded_by for s in steps] == [editor] * 4 + [decision_maker]
    assert steps[0].note == "Note 0" and steps[0].date == DAY
    assert step.reference == "28/2021"
    assert step.version.number == 1
    assert step.version.change_note == "Issued: Approved by decision 28/2021."


@pytest.mark.django_db
def test_a_step_cannot_be_dated_before_the_previous_one(editor):
    plan = PlanFactory()
    services.record_step(plan=plan, stage=Stage.CONSULTED, date=DAY, by=editor)
    with pytest.raises(InvalidTransition, match="before the previous step"):
        services.record_step(
            plan=plan, stage=Stage.SENT_TO_PANEL, date=DAY - datetime.timedelta(days=1), by=editor
        )


@pytest.mark.django_db
@pytest.mark.parametrize("stage", [Stage.ISSUED])
def test_an_editor_may_not_issue_a_plan(editor, stage):
    plan = PlanFactory()
    issue(plan, until=Stage.RESPONSE_PUBLISHED)
    with pytest.raises(PermissionDenied):
        services.record_step(plan=plan, stage=stage, date=DAY, by=editor, note="Issued")


@pytest.mark.django_db
def test_an_editor_is_not_offered_the_issue_step_and_cannot_post_it(client, editor):
    plan = PlanFactory()
    issue(plan, until=Stage.RESPONSE_PUBLISHED)
    client.force_login(editor)
    page = client.get(reverse("plans_manage:detail", kwargs={"pk": plan.pk})).content.decode()
    assert "is for a decision maker" in page
    assert 'value="issued"' not in page
    response = client.post(
        reverse("plans_manage:step", kwargs={"pk": plan.pk}),
        {"stage": "issued", "date": "2022-01-06", "note": "Issued"},
    )
    assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.stage == Stage.RESPONSE_PUBLISHED


@pytest.mark.django_db
def test_an_editor_records_the_panel_steps_through_the_editor(client, editor):
    plan = PlanFactory()
    client.force_login(editor)
    url = reverse("plans_manage:step", kwargs={"pk": plan.pk})
    response = client.post(url, {"stage": "consulted", "date": "2021-09-01", "note": "Met"})
    assert response.status_code == 302
    response = client.post(url, {"stage": "panel_responded", "date": "2021-10-01", "note": ""})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    plan.refresh_from_db()
    assert plan.stage == Stage.CONSULTED


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("note", "refusal"),
    [
        pytest.param("Issued", "add its priorities", id="a plan without priorities"),
        pytest.param("", "note is required", id="a step without a note"),
    ],
)
def test_a_plan_is_not_issued_without_its_priorities_and_a_note(decision_maker, note, refusal):
    plan = PlanFactory()
    issue(plan, until=Stage.RESPONSE_PUBLISHED)
    with pytest.raises(InvalidTransition, match=refusal):
        services.record_step(plan=plan, stage=Stage.ISSUED, date=DAY, by=decision_maker, note=note)
    plan.refresh_from_db()
    assert plan.stage == Stage.RESPONSE_PUBLISHED


@pytest.mark.django_db
def test_a_draft_plan_cannot_be_published_before_it_is_issued(client, decision_maker):
    plan = full_plan()
    client.force_login(decision_maker)
    response = client.post(
        reverse("plans_manage:publish", kwargs={"pk": plan.pk}),
        {"change_note": "Too early", "date": "2021-09-01", "confirm": "on"},
        follow=True,
    )
    assert "a plan is published when it is issued" in response.content.decode()
    assert not Version.objects.exists()
    plan.refresh_from_db()
    assert plan.stage == Stage.DRAFT


@pytest.mark.django_db
def test_a_variation_publishes_a_new_version_with_its_variation_note(client, decision_maker):
    plan = published_plan(slug="varied", by=decision_maker)
    priority = plan.priorities.get(number=1)
    priority.title = "Getting tough on anti-social behaviour and vehicle nuisance"
    priority.save()
    step = services.record_step(
        plan=plan, stage=Stage.VARIED, date=datetime.date(2022, 6, 1), by=decision_maker,
        note="Priority one now covers vehicle nuisance.", minor_reason="A clarification.",
    )  # fmt: skip
    render_version(step.version)
    assert step.version.number == 2
    page = client.get("/plans/varied/").content.decode()
    assert "Minor variation: Priority one now covers vehicle nuisance." in page
    assert "vehicle nuisance" in page
    # The earlier version stays downloadable.
    assert client.get("/plans/varied/versions/1.pdf").status_code == 200
    assert client.get("/plans/varied/versions/2.pdf").status_code == 200


@pytest.mark.django_db
def test_issuing_a_plan_supersedes_the_earlier_plan_and_superseded_is_final(decision_maker):
    earlier = full_plan(
        slug="plan-2016", term_start=datetime.date(2016, 5, 12),
        term_end=datetime.date(2021, 5, 12),
    )  # fmt: skip
    issue(earlier, by=decision_maker, render=False)
    later = full_plan(slug="plan-2021")
    issue(later, by=decision_maker, render=False)
    earlier.refresh_from_db()
    assert earlier.stage == Stage.SUPERSEDED
    last = earlier.steps.last()
    assert last.stage == Stage.SUPERSEDED and "plan-2021" not in last.note
    assert later.title in last.note
    assert earlier.next_stages() == []
    with pytest.raises(InvalidTransition):
        services.record_step(
            plan=earlier, stage=Stage.VARIED, date=datetime.date(2023, 1, 1), by=decision_maker,
            note="Too late",
        )  # fmt: skip


@pytest.mark.django_db
def test_a_plan_in_force_is_due_for_review_a_year_after_its_last_review(client, decision_maker):
    plan = full_plan()
    assert plan.review_due_on() is None  # a draft is not reviewed
    issue(plan, by=decision_maker, render=False)
    issued_on = plan.steps.get(stage=Stage.ISSUED).date
    assert plan.review_due_on() == issued_on.replace(year=issued_on.year + 1)
    client.force_login(decision_maker)
    dashboard = client.get(reverse("manage:dashboard")).content.decode()
    assert "its annual review was due on" in dashboard
    services.record_step(
        plan=plan, stage=Stage.REVIEWED, date=timezone.localdate(), by=decision_maker,
        note="Annual review: priorities unchanged.",
    )  # fmt: skip
    plan.refresh_from_db()
    assert plan.review_due_on() > timezone.localdate()
    dashboard = client.get(reverse("manage:dashboard")).content.decode()
    assert "its annual review was due on" not in dashboard


@pytest.mark.django_db
def test_a_decision_maker_varies_a_plan_from_its_check_page_and_the_note_is_required(
    client, decision_maker, django_capture_on_commit_callbacks
):
    plan = published_plan(slug="vary-me", by=decision_maker)
    client.force_login(decision_maker)
    reauthenticate(client)
    url = reverse("plans_manage:publish", kwargs={"pk": plan.pk})
    data = {"date": "2022-06-01", "change_note": "", "confirm": "on"}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {**data, "change_note": "Corrected a figure.", "minor_reason": "A typing error."},
        )
    assert response.status_code == 302
    assert "Version 2 is being published" in client.get(response["Location"]).content.decode()
    latest = plan.live_version()
    assert (latest.number, latest.change_note) == (2, "Minor variation: Corrected a figure.")
    plan.refresh_from_db()
    assert plan.stage == Stage.VARIED


@pytest.mark.django_db
def test_when_the_panel_makes_no_report_the_plan_is_issued_without_a_report_or_response(
    client, editor, decision_maker
):
    plan = full_plan(slug="no-report")
    services.record_step(plan=plan, stage=Stage.CONSULTED, date=DAY, by=editor)
    services.record_step(
        plan=plan, stage=Stage.SENT_TO_PANEL, date=DAY + datetime.timedelta(days=7), by=editor
    )
    plan.refresh_from_db()
    assert plan.next_stages() == [Stage.PANEL_RESPONDED, Stage.ISSUED]
    client.force_login(decision_maker)
    check = client.get(reverse("plans_manage:publish", kwargs={"pk": plan.pk})).content.decode()
    assert "The Panel has made no report on the draft" in check
    step = services.record_step(
        plan=plan, stage=Stage.ISSUED, date=datetime.date(2022, 1, 6), by=decision_maker,
        note="Approved by decision 28/2021.", reference="28/2021",
    )  # fmt: skip
    assert step.version is not None
    assert [s.stage for s in plan.steps.all()] == [
        Stage.CONSULTED, Stage.SENT_TO_PANEL, Stage.ISSUED
    ]  # fmt: skip


@pytest.mark.django_db
def test_once_the_panel_has_reported_the_response_comes_before_the_plan_is_issued(
    editor, decision_maker
):
    plan = full_plan()
    issue(plan, by=decision_maker, until=Stage.PANEL_RESPONDED)
    assert plan.next_stages() == [Stage.RESPONSE_PUBLISHED]
    with pytest.raises(InvalidTransition, match="Commissioner's response published"):
        services.record_step(
            plan=plan, stage=Stage.ISSUED, date=datetime.date(2022, 1, 6), by=decision_maker,
            note="Issued",
        )  # fmt: skip


@pytest.mark.django_db
def test_steps_can_be_dated_before_the_plan_was_entered_in_the_portal_but_not_in_the_future(
    editor,
):
    plan = services.create_plan(
        by=editor, title="Police and Crime Plan 2021-2025", slug="entered-later",
        commissioner="Andrew Snowden", term_start=datetime.date(2021, 5, 13),
        term_end=datetime.date(2025, 3, 31),
    )  # fmt: skip
    assert plan.steps.get().date == timezone.localdate()
    step = services.record_step(
        plan=plan, stage=Stage.CONSULTED, date=datetime.date(2021, 9, 1), by=editor
    )
    assert step.date == datetime.date(2021, 9, 1)
    with pytest.raises(InvalidTransition, match="cannot be in the future"):
        services.record_step(
            plan=plan, stage=Stage.SENT_TO_PANEL, by=editor,
            date=timezone.localdate() + datetime.timedelta(days=1),
        )  # fmt: skip
