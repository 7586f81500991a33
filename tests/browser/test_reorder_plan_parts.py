"""Plan sections and measures reorder in place with the keyboard only: one request a move, no
reload, focus left on the moved row's button, the move announced; axe at 375 px and 1280 px."""

import pytest
from django.db.models import Max

from plans.models import Measure
from tests.browser.conftest import sign_in
from tests.browser.staff_pages import reflows_and_passes_axe
from tests.browser.test_reorder import (
    _focused_text,
    _mark_page,
    _named,
    _press_enter_and_wait_for,
)
from tests.plans.factories import MeasureFactory, SectionFactory
from tests.plans.helpers import full_plan

pytestmark = pytest.mark.browser


def _last(plan):
    """An order after every measure of ``plan`` (the factory numbers them across the run)."""
    return (plan.measures.aggregate(Max("order"))["order__max"] or 0) + 1


def test_sections_and_theme_measures_move_in_place_on_the_plan_s_page(page, live_server, editor):
    plan = full_plan(slug="sections-in-place")
    SectionFactory(plan=plan, title="Introduction", order=2)
    theme = "National crime and policing measures"
    MeasureFactory(
        plan=plan, priority=None, theme=theme, wording="Reduce serious violence", order=_last(plan)
    )
    sign_in(page, live_server, editor)
    page.goto(f"/manage/plans/{plan.pk}/")
    reflows_and_passes_axe(page, phone=False)
    _mark_page(page)

    page.get_by_role("button", name=_named("Move up", "Introduction")).focus()
    _press_enter_and_wait_for(page, "Moved \u201cIntroduction\u201d up.")
    assert list(
        plan.sections.filter(placement="before").order_by("order").values_list("title", flat=True)
    ) == ["Introduction", "Foreword from the Commissioner"]
    # Now first: only "Move down" is left, and focus is on it.
    assert _focused_text(page) == "Move down: Introduction"
    _press_enter_and_wait_for(page, "Moved \u201cIntroduction\u201d down.")
    assert _focused_text(page) == "Move up: Introduction"

    page.get_by_role("button", name=_named("Move up", "Reduce serious violence")).focus()
    _press_enter_and_wait_for(page, "Moved \u201cReduce serious violence\u201d up.")
    assert _focused_text(page) == "Move down: Reduce serious violence"
    assert list(
        Measure.objects.filter(plan=plan, theme=theme)
        .order_by("order")
        .values_list("wording", flat=True)
    ) == ["Reduce serious violence", "Reduce murder and other homicides"]
    reflows_and_passes_axe(page, phone=False)


def test_a_priority_s_measures_move_in_place_on_its_page(page, live_server, editor):
    plan = full_plan(slug="measures-in-place")
    priority = plan.priorities.get(number=1)
    MeasureFactory(plan=plan, priority=priority, wording="Repeat victims", order=_last(plan))
    sign_in(page, live_server, editor)
    page.goto(f"/manage/plans/{plan.pk}/priorities/1/")
    reflows_and_passes_axe(page)
    _mark_page(page)
    page.get_by_role("button", name=_named("Move down", "Public confidence (1)")).focus()
    _press_enter_and_wait_for(page, "Moved \u201cPublic confidence (1)\u201d down.")
    assert _focused_text(page) == "Move up: Public confidence (1)"
    assert list(priority.measures.order_by("order").values_list("wording", flat=True)) == [
        "Repeat victims", "Public confidence (1)",
    ]  # fmt: skip
    items = page.locator("li[id^='measures-']")
    assert "Public confidence (1)" in items.nth(1).inner_text()
    reflows_and_passes_axe(page)
