"""Plan sections and measures reorder in place, as priorities and commitments do: the page's
script (reorder.js) sends one request per move and swaps in the list the server answers with;
without JavaScript the move redirects back to the page. The new order is what the public pages
and the performance dashboard read."""

import json

import pytest
from django.templatetags.static import static
from django.urls import reverse

from plans.models import Measure, Section
from tests.plans.factories import MeasureFactory, SectionFactory
from tests.plans.helpers import full_plan

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def _move(client, plan, kind, item, direction, **extra):
    return client.post(
        reverse("plans_manage:part_move", kwargs={"pk": plan.pk, "kind": kind, "item": item.pk}),
        {"direction": direction},
        **extra,
    )


def _titles(plan, placement):
    return list(
        plan.sections.filter(placement=placement)
        .order_by("order", "pk")
        .values_list("title", flat=True)
    )


def test_moving_a_section_answers_with_its_placement_s_sections_in_their_new_order(client, editor):
    plan = full_plan()
    SectionFactory(plan=plan, title="Introduction", order=2)
    introduction = plan.sections.get(title="Introduction")
    client.force_login(editor)
    response = _move(client, plan, "sections", introduction, "up", **JSON)
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["row"] == f"sections-{introduction.pk}"
    assert data["message"] == "Moved \u201cIntroduction\u201d up."
    html = data["html"]
    assert html.index("Introduction") < html.index("Foreword from the Commissioner")
    # Only this placement's list: the sections after the priorities are a list of their own.
    assert "Delivering efficient and effective policing" not in html
    row = html.split(f'id="sections-{introduction.pk}"')[1].split('id="sections-')[0]
    assert 'data-direction="down"' in row and 'data-direction="up"' not in row
    assert _titles(plan, Section.Placement.BEFORE) == [
        "Introduction", "Foreword from the Commissioner",
    ]  # fmt: skip
    # A list moved in place leaves no message waiting for the next page.
    page = client.get(reverse("plans_manage:detail", kwargs={"pk": plan.pk})).content.decode()
    assert "Moved \u201cIntroduction" not in page


def test_moving_a_section_without_javascript_comes_back_to_the_plan_s_page(client, editor):
    plan = full_plan()
    SectionFactory(plan=plan, title="Introduction", order=2)
    introduction = plan.sections.get(title="Introduction")
    client.force_login(editor)
    response = _move(client, plan, "sections", introduction, "up")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#sections-{introduction.pk}")
    assert _titles(plan, Section.Placement.BEFORE)[0] == "Introduction"


def test_moving_a_measure_answers_with_its_priority_s_measures(client, editor):
    plan = full_plan()
    priority = plan.priorities.get(number=1)
    first = priority.measures.get()
    second = MeasureFactory(plan=plan, priority=priority, wording="Repeat victims", order=5)
    client.force_login(editor)
    response = _move(client, plan, "measures", second, "up", **JSON)
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["row"] == f"measures-{second.pk}"
    html = data["html"]
    assert html.index("Repeat victims") < html.index(first.wording)
    # The other priority's measures and the themes' are not in this list.
    assert "Public confidence (2)" not in html and "homicides" not in html
    assert list(
        Measure.objects.filter(priority=priority)
        .order_by("order", "pk")
        .values_list("wording", flat=True)
    ) == ["Repeat victims", first.wording]


def test_moving_a_theme_s_measure_keeps_to_its_theme(client, editor):
    plan = full_plan()
    theme = "National crime and policing measures"
    homicides = plan.measures.get(theme=theme)
    serious = MeasureFactory(
        plan=plan, priority=None, theme=theme, wording="Reduce serious violence", order=9
    )
    client.force_login(editor)
    data = _move(client, plan, "measures", serious, "up", **JSON).json()
    assert data["html"].index("Reduce serious violence") < data["html"].index("homicides")
    assert "Public confidence" not in data["html"]
    serious.refresh_from_db()
    homicides.refresh_from_db()
    assert serious.order < homicides.order


def test_a_measure_already_first_stays_and_says_so(client, editor):
    plan = full_plan()
    measure = plan.measures.get(priority__number=1)
    client.force_login(editor)
    data = _move(client, plan, "measures", measure, "up", **JSON).json()
    assert data["message"] == f"\u201c{measure.wording}\u201d is already first."


def test_a_move_is_recorded_in_the_history_with_who_made_it(client, editor):
    plan = full_plan()
    priority = plan.priorities.get(number=1)
    second = MeasureFactory(plan=plan, priority=priority, wording="Repeat victims", order=5)
    SectionFactory(plan=plan, title="Introduction", order=2)
    introduction = plan.sections.get(title="Introduction")
    before = (second.history.count(), introduction.history.count())
    client.force_login(editor)
    _move(client, plan, "measures", second, "up", **JSON)
    _move(client, plan, "sections", introduction, "up", **JSON)
    assert second.history.count() > before[0]
    assert introduction.history.count() > before[1]
    assert second.history.latest().history_user == editor
    assert introduction.history.latest().history_user == editor


def test_the_new_measure_order_is_the_dashboard_s(client, editor):
    plan = full_plan()
    priority = plan.priorities.get(number=1)
    first = priority.measures.get()
    MeasureFactory(plan=plan, priority=priority, wording="Repeat victims", order=5)
    second = priority.measures.get(wording="Repeat victims")
    client.force_login(editor)
    _move(client, plan, "measures", second, "up", **JSON)
    page = client.get(reverse("performance_manage:index")).content.decode()
    assert page.index("Repeat victims") < page.index(first.wording)
    # The dashboard says where its order is set.
    plan_page = reverse("plans_manage:detail", kwargs={"pk": plan.pk})
    assert f'href="{plan_page}#measures">change their order' in page


def test_the_plan_and_priority_pages_mark_sections_and_measures_for_moving_in_place(client, editor):
    plan = full_plan()
    client.force_login(editor)
    page = client.get(reverse("plans_manage:detail", kwargs={"pk": plan.pk})).content.decode()
    assert static("js/reorder.js") in page
    # Two section lists, the priorities, and the theme's measures.
    assert page.count("data-reorder-region") == 4
    page = client.get(
        reverse("plans_manage:priority", kwargs={"pk": plan.pk, "number": 1})
    ).content.decode()
    # Commitments, accountability items, and measures.
    assert page.count("data-reorder-region") == 3


def test_only_editors_of_plans_may_move_sections_and_measures(client, panel_secretary):
    plan = full_plan()
    section = plan.sections.get(title="Foreword from the Commissioner")
    measure = plan.measures.get(priority__number=1)
    for kind, item in [("sections", section), ("measures", measure)]:
        assert _move(client, plan, kind, item, "down", **JSON).status_code == 302  # sign in
        client.force_login(panel_secretary)
        assert _move(client, plan, kind, item, "down", **JSON).status_code == 403
        client.logout()
