"""The staff editor, part by part: creating a plan, adding, editing and deleting its parts, and
what each form refuses and says."""

import datetime

import pytest

from plans.models import (
    AccountabilityItem,
    CapitalLine,
    Commitment,
    Measure,
    Plan,
    Priority,
    RevenueFigure,
    Section,
    Stage,
)
from tests.plans.editor_helpers import PART_DATA, PLAN_DATA, _url
from tests.plans.factories import MeasureFactory, PlanFactory, PriorityFactory, SectionFactory
from tests.plans.helpers import full_plan

# Creating a plan and adding its parts -------------------------------------------------------


@pytest.mark.django_db
def test_an_editor_creates_a_draft_plan(signed_in, editor):
    response = signed_in.post(_url("create"), PLAN_DATA)
    plan = Plan.objects.get(slug="police-and-crime-plan-2021-2025")
    assert response.status_code == 302
    assert response["Location"] == plan.get_manage_url()
    assert plan.stage == Stage.DRAFT
    assert plan.steps.get().recorded_by == editor
    page = signed_in.get(plan.get_manage_url()).content.decode()
    assert "Not published yet" in page
    assert "Chief Constable consulted" in page


@pytest.mark.django_db
def test_a_bad_plan_form_keeps_what_was_typed_and_says_what_is_wrong(signed_in):
    data = {**PLAN_DATA, "slug": "not a slug!", "term_end": "2020-01-01"}
    response = signed_in.post(_url("create"), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error:" in page
    assert "govuk-error-summary" in page
    assert "The term must end after it starts." in page
    assert "Andrew Snowden" in page and "Leading the fight against crime." in page
    assert not Plan.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", PART_DATA)
def test_an_editor_adds_each_part_of_the_plan(signed_in, kind):
    plan = PlanFactory()
    response = signed_in.post(_url("part_create", pk=plan.pk, kind=kind), PART_DATA[kind])
    assert response.status_code == 302, response.content.decode()
    model = {"sections": Section, "priorities": Priority, "revenue": RevenueFigure,
             "capital": CapitalLine}[kind]  # fmt: skip
    assert model.objects.filter(plan=plan).count() == 1


@pytest.mark.django_db
def test_priorities_are_numbered_in_the_order_they_are_added(signed_in):
    plan = PlanFactory()
    for title in ["Anti-social behaviour", "Organised crime", "Domestic abuse"]:
        signed_in.post(
            _url("part_create", pk=plan.pk, kind="priorities"),
            {"title": title, "summary": "", "narrative": ""},
        )
    assert list(plan.priorities.values_list("number", "title")) == [
        (1, "Anti-social behaviour"), (2, "Organised crime"), (3, "Domestic abuse")
    ]  # fmt: skip


@pytest.mark.django_db
def test_commitments_accountability_items_and_measures_are_added_to_a_priority(signed_in):
    plan = PlanFactory()
    priority = PriorityFactory(plan=plan, number=1)
    create = _url("part_create", pk=plan.pk, kind="commitments")
    form = signed_in.get(create + f"?priority={priority.pk}").content.decode()
    assert f'value="{priority.pk}" selected' in form
    response = signed_in.post(create, {"priority": priority.pk, "wording": "Launch a fund."})
    assert response["Location"].startswith(_url("priority", pk=plan.pk, number=1))
    signed_in.post(create, {"priority": priority.pk, "wording": "Reopen front counters."})
    signed_in.post(
        _url("part_create", pk=plan.pk, kind="accountability"),
        {"priority": priority.pk, "wording": "Repeat offenders."},
    )
    signed_in.post(
        _url("part_create", pk=plan.pk, kind="measures"),
        {"wording": "Public confidence", "priority": priority.pk, "theme": "",
         "direction": "improve", "unit": "%"},
    )  # fmt: skip
    assert list(priority.commitments.values_list("wording", "order")) == [
        ("Launch a fund.", 1), ("Reopen front counters.", 2)
    ]  # fmt: skip
    assert AccountabilityItem.objects.get().priority == priority
    measure = Measure.objects.get()
    assert (measure.plan, measure.priority, measure.is_national) == (plan, priority, False)
    page = signed_in.get(_url("priority", pk=plan.pk, number=1)).content.decode()
    assert "Reopen front counters." in page and "Repeat offenders." in page


@pytest.mark.django_db
def test_a_measure_needs_a_priority_or_a_theme_and_the_error_is_beside_the_field(signed_in):
    plan = PlanFactory()
    response = signed_in.post(
        _url("part_create", pk=plan.pk, kind="measures"),
        {"wording": "Reduce neighbourhood crime", "priority": "", "theme": "",
         "direction": "reduce", "unit": "crimes", "is_national": "on"},
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 400
    assert "Choose a priority, or enter the theme" in page
    assert "Reduce neighbourhood crime" in page
    assert not Measure.objects.exists()


@pytest.mark.django_db
def test_a_priority_of_another_plan_cannot_be_chosen(signed_in):
    plan, other = PlanFactory(), PlanFactory()
    foreign = PriorityFactory(plan=other, number=1)
    response = signed_in.post(
        _url("part_create", pk=plan.pk, kind="commitments"),
        {"priority": foreign.pk, "wording": "Sneaky"},
    )
    assert response.status_code == 400
    assert not Commitment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["2021", "2021/23", "21/22", "2021-22"])
def test_a_financial_year_must_be_written_like_2021_22(signed_in, year):
    plan = PlanFactory()
    data = {**PART_DATA["revenue"], "financial_year": year}
    response = signed_in.post(_url("part_create", pk=plan.pk, kind="revenue"), data)
    assert response.status_code == 400
    assert "Enter a financial year like 2021/22" in response.content.decode()


@pytest.mark.django_db
def test_a_scheme_has_one_capital_amount_per_year(signed_in):
    plan = PlanFactory()
    url = _url("part_create", pk=plan.pk, kind="capital")
    signed_in.post(url, PART_DATA["capital"])
    response = signed_in.post(url, PART_DATA["capital"])
    assert response.status_code == 400
    assert "already has an amount for that year" in response.content.decode()
    assert CapitalLine.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "field"), [("revenue", "amount"), ("capital", "amount_millions")])
def test_finance_amounts_cannot_be_negative(signed_in, kind, field):
    plan = PlanFactory()
    data = {**PART_DATA[kind], field: "-1"}
    response = signed_in.post(_url("part_create", pk=plan.pk, kind=kind), data)
    assert "Enter an amount of 0 or more." in response.content.decode()
    assert not RevenueFigure.objects.exists() and not CapitalLine.objects.exists()


@pytest.mark.django_db
def test_the_measure_form_suggests_the_themes_already_used(signed_in):
    plan = full_plan()
    page = signed_in.get(_url("part_create", pk=plan.pk, kind="measures")).content.decode()
    assert 'list="measure-themes"' in page
    assert '<option value="National crime and policing measures">' in page


# Editing and deleting parts -----------------------------------------------------------------


@pytest.mark.django_db
def test_an_editor_edits_a_part_and_the_public_sees_nothing_until_published(signed_in):
    plan = full_plan()
    section = plan.sections.get(title="Foreword from the Commissioner")
    response = signed_in.post(
        _url("part_edit", pk=plan.pk, kind="sections", item=section.pk),
        {"title": "Foreword", "kind": "foreword", "placement": "before", "body": "New words"},
    )
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.body == "New words"
    assert section.history.count() == 2


@pytest.mark.django_db
def test_an_editor_rewords_a_measure_ordered_through_its_priority(signed_in):
    """A measure is ordered by its priority, which it may lack: locking it for the edit must
    not join that priority (PostgreSQL cannot lock the nullable side of an outer join)."""
    measure = MeasureFactory(wording="Public confidence in the police")
    response = signed_in.post(
        _url("part_edit", pk=measure.plan.pk, kind="measures", item=measure.pk),
        {
            "wording": "Public confidence in Lancashire Constabulary",
            "priority": measure.priority.pk,
            "direction": measure.direction,
            "unit": "%",
        },
    )
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.wording == "Public confidence in Lancashire Constabulary"


@pytest.mark.django_db
def test_a_part_moved_while_its_edit_page_saves_stays_where_it_was_moved(signed_in, monkeypatch):
    """The edit page loads the section, then a colleague moves it down the plan before the
    save: the new words are saved and the move stands, so no two sections share a place."""
    from plans.services import move_item
    from plans.views.parts import PartUpdateView

    plan = PlanFactory()
    first, second = SectionFactory(plan=plan, order=1), SectionFactory(plan=plan, order=2)
    loaded = PartUpdateView.get_form

    def moved_meanwhile(view, *args, **kwargs):
        form = loaded(view, *args, **kwargs)
        move_item(item=Section.objects.get(pk=first.pk), direction="down")
        return form

    monkeypatch.setattr(PartUpdateView, "get_form", moved_meanwhile)
    response = signed_in.post(
        _url("part_edit", pk=plan.pk, kind="sections", item=first.pk),
        {"title": first.title, "kind": "foreword", "placement": "before", "body": "New words"},
    )
    assert response.status_code == 302
    assert list(plan.sections.values_list("pk", "order")) == [(second.pk, 1), (first.pk, 2)]
    assert plan.sections.get(pk=first.pk).body == "New words"


@pytest.mark.django_db
def test_parts_of_another_plan_are_not_found(signed_in):
    plan, other = PlanFactory(), PlanFactory()
    section = SectionFactory(plan=other)
    for name in ["part_edit", "part_delete"]:
        url = _url(name, pk=plan.pk, kind="sections", item=section.pk)
        assert signed_in.get(url).status_code == 404
    url = _url("part_move", pk=plan.pk, kind="sections", item=section.pk)
    assert signed_in.post(url, {"direction": "up"}).status_code == 404
    assert signed_in.get(_url("part_create", pk=plan.pk, kind="nonsense")).status_code == 404


@pytest.mark.django_db
def test_deleting_a_priority_asks_first_then_renumbers_the_rest(signed_in):
    plan = PlanFactory()
    first, second, third = (PriorityFactory(plan=plan, number=n) for n in (1, 2, 3))
    url = _url("part_delete", pk=plan.pk, kind="priorities", item=second.pk)
    assert "priorities after it are renumbered" in signed_in.get(url).content.decode()
    assert signed_in.post(url).status_code == 302
    assert list(plan.priorities.values_list("pk", "number")) == [(first.pk, 1), (third.pk, 2)]


@pytest.mark.django_db
def test_a_measure_with_performance_figures_cannot_be_deleted(signed_in):
    from performance.models import DataPoint

    measure = MeasureFactory()
    DataPoint.objects.create(
        measure=measure, period_kind="quarter", period_start=datetime.date(2021, 4, 1),
        value=12,
    )  # fmt: skip
    url = _url("part_delete", pk=measure.plan_id, kind="measures", item=measure.pk)
    page = signed_in.get(url).content.decode()
    assert "Other records depend on this measure (1 data point)" in page
    response = signed_in.post(url)
    assert response.status_code == 400
    assert "Other records depend on this measure" in response.content.decode()
    assert Measure.objects.filter(pk=measure.pk).exists()
    other = MeasureFactory()
    url = _url("part_delete", pk=other.plan_id, kind="measures", item=other.pk)
    assert signed_in.post(url).status_code == 302
    assert not Measure.objects.filter(pk=other.pk).exists()


@pytest.mark.django_db
def test_a_priority_that_decisions_serve_cannot_be_deleted(signed_in):
    from tests.decisions.factories import DecisionFactory

    priority = PriorityFactory(number=1)
    decision = DecisionFactory(priority_scope="plan")
    decision.priorities.add(priority)
    url = _url("part_delete", pk=priority.plan_id, kind="priorities", item=priority.pk)
    page = signed_in.get(url).content.decode()
    assert "Other records depend on this priority" in page
    assert 'type="submit"' not in page.split("<main")[1]
    signed_in.post(url)
    assert Priority.objects.filter(pk=priority.pk).exists()
    assert decision.priorities.get() == priority
