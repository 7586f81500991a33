"""The staff editor's reordering: parts move up and down with buttons, each within its own list,
and a priority's number moves with it."""

import pytest

from plans.models import RevenueFigure
from tests.plans.editor_helpers import PART_DATA, _url
from tests.plans.factories import (
    CommitmentFactory,
    MeasureFactory,
    PlanFactory,
    PriorityFactory,
    SectionFactory,
)
from tests.plans.helpers import full_plan


def _move(client, plan, kind, item, direction):
    return client.post(
        _url("part_move", pk=plan.pk, kind=kind, item=item.pk), {"direction": direction}
    )


@pytest.mark.django_db
def test_sections_move_up_and_down_with_buttons(signed_in):
    plan = PlanFactory()
    a, b, c = (SectionFactory(plan=plan, title=t, order=0) for t in "ABC")
    response = _move(signed_in, plan, "sections", c, "up")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#sections-{c.pk}")
    assert list(plan.sections.in_order().values_list("title", flat=True)) == ["A", "C", "B"]
    _move(signed_in, plan, "sections", a, "down")
    assert list(plan.sections.in_order().values_list("title", flat=True)) == ["C", "A", "B"]


@pytest.mark.django_db
def test_the_first_item_cannot_move_up_and_says_so(signed_in):
    plan = PlanFactory()
    a = SectionFactory(plan=plan, title="A", order=1)
    SectionFactory(plan=plan, title="B", order=2)
    response = _move(signed_in, plan, "sections", a, "up")
    follow = signed_in.get(response["Location"]).content.decode()
    assert "is already first" in follow
    assert list(plan.sections.in_order().values_list("title", flat=True)) == ["A", "B"]


@pytest.mark.django_db
def test_moving_a_priority_swaps_its_number_and_keeps_its_lists(signed_in):
    plan = PlanFactory()
    one = PriorityFactory(plan=plan, number=1, title="One")
    two = PriorityFactory(plan=plan, number=2, title="Two")
    CommitmentFactory(priority=two, wording="Two's commitment")
    _move(signed_in, plan, "priorities", two, "up")
    one.refresh_from_db()
    two.refresh_from_db()
    assert (one.number, two.number) == (2, 1)
    assert two.commitments.get().wording == "Two's commitment"


@pytest.mark.django_db
def test_commitments_and_measures_move_within_their_own_list_only(signed_in):
    plan = PlanFactory()
    p1, p2 = PriorityFactory(plan=plan, number=1), PriorityFactory(plan=plan, number=2)
    c1 = CommitmentFactory(priority=p1, wording="first", order=1)
    c2 = CommitmentFactory(priority=p1, wording="second", order=2)
    other = CommitmentFactory(priority=p2, wording="other", order=1)
    _move(signed_in, plan, "commitments", c2, "up")
    assert list(p1.commitments.in_order().values_list("pk", flat=True)) == [c2.pk, c1.pk]
    other.refresh_from_db()
    assert other.order == 1
    m1 = MeasureFactory(plan=plan, priority=None, theme="National", wording="m1", order=1)
    m2 = MeasureFactory(plan=plan, priority=None, theme="National", wording="m2", order=2)
    MeasureFactory(plan=plan, priority=p1, wording="p1 measure", order=1)
    _move(signed_in, plan, "measures", m1, "down")
    m1.refresh_from_db()
    m2.refresh_from_db()
    assert (m2.order, m1.order) == (1, 2)


@pytest.mark.django_db
def test_move_is_a_post_only_action_with_a_direction(signed_in):
    plan = PlanFactory()
    section = SectionFactory(plan=plan)
    url = _url("part_move", pk=plan.pk, kind="sections", item=section.pk)
    assert signed_in.get(url).status_code == 405
    assert signed_in.post(url, {"direction": "sideways"}).status_code == 404
    figure_url = _url("part_create", pk=plan.pk, kind="revenue")
    signed_in.post(figure_url, PART_DATA["revenue"])
    figure = RevenueFigure.objects.get()
    url = _url("part_move", pk=plan.pk, kind="revenue", item=figure.pk)
    assert signed_in.post(url, {"direction": "up"}).status_code == 404


@pytest.mark.django_db
def test_the_editor_offers_move_buttons_not_number_fields(signed_in):
    plan = full_plan()
    page = signed_in.get(plan.get_manage_url()).content.decode()
    assert "Move down" in page and "Move up" in page
    assert 'name="direction"' in page
    assert 'name="order"' not in page and 'name="number"' not in page
