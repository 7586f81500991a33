"""The plan services called directly: adding, saving and deleting parts, and deleting a plan."""

import datetime

import pytest

from pcc_portal.errors import DomainError
from plans import services
from plans.models import Commitment, Plan, Priority, Section
from tests.plans.factories import (
    CommitmentFactory,
    MeasureFactory,
    PlanFactory,
    PriorityFactory,
    SectionFactory,
)
from tests.plans.helpers import issue


@pytest.mark.django_db
def test_an_added_priority_takes_the_next_number_and_an_ordered_part_goes_last(editor):
    plan = PlanFactory()
    PriorityFactory(plan=plan, number=1)
    priority = services.add_part(plan=plan, part=Priority(title="Safer roads"), by=editor)
    assert priority.plan == plan and priority.number == 2
    SectionFactory(plan=plan, order=5)
    section = services.add_part(plan=plan, part=Section(title="Foreword", body="B"), by=editor)
    assert section.plan == plan and section.order == 6
    commitment = services.add_part(
        plan=plan, part=Commitment(priority=priority, wording="More patrols"), by=editor
    )
    assert commitment.order == 1
    assert priority.history.latest().history_change_reason == "Added"
    assert priority.history.latest().history_user == editor


@pytest.mark.django_db
def test_a_part_moved_to_another_priority_goes_last_in_its_new_list(editor):
    first = PriorityFactory(number=1)
    second = PriorityFactory(plan=first.plan, number=2)
    CommitmentFactory(priority=second, order=3)
    commitment = CommitmentFactory(priority=first, order=1)
    commitment.priority = second
    services.save_part(part=commitment, moved=True, by=editor)
    commitment.refresh_from_db()
    assert commitment.priority == second and commitment.order == 4


@pytest.mark.django_db
def test_deleting_a_priority_closes_the_gap_in_the_numbering(editor):
    plan = PlanFactory()
    first, second, third = (PriorityFactory(plan=plan, number=n) for n in (1, 2, 3))
    services.delete_part(part=second, by=editor)
    assert list(plan.priorities.order_by("number").values_list("pk", "number")) == [
        (first.pk, 1),
        (third.pk, 2),
    ]


@pytest.mark.django_db
def test_a_draft_plan_is_deleted(editor):
    plan = PlanFactory(slug="mistake")
    services.delete_plan(plan=plan, by=editor)
    assert not Plan.objects.filter(slug="mistake").exists()


@pytest.mark.django_db
def test_a_published_plan_is_not_deleted(editor):
    plan = PlanFactory(slug="published")
    PriorityFactory(plan=plan, number=1)
    issue(plan)
    with pytest.raises(DomainError, match="its versions are the public record"):
        services.delete_plan(plan=plan, by=editor)
    assert Plan.objects.filter(slug="published").exists()


@pytest.mark.django_db
def test_a_plan_other_records_depend_on_is_not_deleted(editor):
    from performance.models import DataPoint

    measure = MeasureFactory()
    DataPoint.objects.create(
        measure=measure,
        period_kind="quarter",
        period_start=datetime.date(2021, 4, 1),
        value=12,
    )
    with pytest.raises(DomainError, match=r"Other records depend on this plan \(1 data point\)"):
        services.delete_plan(plan=measure.plan, by=editor)
    assert Plan.objects.filter(pk=measure.plan_id).exists()
