"""The decision form is quick to go through with the keyboard: only the plan in force offers its
priorities (grouped under the plan's title), so Save is reached in a sensible number of Tabs with
the demo's two plans (four priorities of the superseded 2016-2021 plan, five of the 2021-2025
plan). Checked with axe at a phone's and a desktop's width."""

import datetime

import pytest

from plans.models import Stage
from tests.browser.conftest import check_at_widths, sign_in, visit
from tests.plans.factories import PlanFactory, PriorityFactory

pytestmark = pytest.mark.browser


# From the form's first field: every control is one stop (a group of radios is one), so twenty
# with the plan in force's five priorities; every plan's priorities listed made it 36 from the top
# of the page, whose header, navigation and breadcrumbs come first (the skip link passes them).
MOST_TABS_TO_SAVE = 20


def _demo_plans():
    earlier = PlanFactory(previous_term=True, stage=Stage.SUPERSEDED)
    for number, title in enumerate(
        ["Protecting local policing", "Tackling crime and reoffending",
         "Supporting vulnerable people and victims", "Developing safe and confident communities"],
        start=1,
    ):  # fmt: skip
        PriorityFactory(plan=earlier, number=number, title=title)
    current = PlanFactory(current_term=True, term_end=datetime.date(2024, 5, 8), stage=Stage.ISSUED)
    for number, title in enumerate(
        ["Getting tough on anti-social behaviour", "Disrupting and dismantling organised crime",
         "Tackling domestic abuse and sexual violence", "Cracking down on burglary and robbery",
         "Targeting dangerous drivers"],
        start=1,
    ):  # fmt: skip
        PriorityFactory(plan=current, number=number, title=title)


def _tabs_to_save(page):
    """Tab from the form's first field until the Save button has focus; the number of presses."""
    page.locator("main").get_by_label("Title", exact=True).focus()
    for presses in range(1, 80):
        page.keyboard.press("Tab")
        if page.evaluate(
            "() => document.activeElement.matches('button[type=submit], input[type=submit]')"
            " && /Save draft/.test(document.activeElement.value"
            " || document.activeElement.textContent)"
        ):
            return presses
    pytest.fail("Save was never reached with the Tab key")


def test_the_decision_form_offers_the_current_plan_s_priorities_and_reaches_save_quickly(
    page, live_server, editor
):
    _demo_plans()
    sign_in(page, live_server, editor)
    visit(page, "/manage/decisions/new/")
    main = page.locator("main")
    group = main.get_by_role("group", name="Police and Crime Plan 2021-2025")
    assert group.get_by_role("checkbox").count() == 5
    assert group.get_by_label("1. Getting tough on anti-social behaviour").is_visible()
    assert main.get_by_label("Protecting local policing", exact=False).count() == 0
    tabs = _tabs_to_save(page)
    assert tabs <= MOST_TABS_TO_SAVE, f"{tabs} Tabs to reach Save"
    check_at_widths(page)
