"""Withdrawing a quarter's released figures in a real browser: the decision maker's withdrawal
page, then the public notice where the figures used to show, each checked with axe at a phone's
and a desktop's width, with no sideways scrolling."""

import pytest

from tests.browser.conftest import (
    check_at_widths,
    reauthenticate_if_asked,
    sign_in,
    visit,
    visit_at_widths,
)
from tests.performance.factories import confidence_measure
from tests.plans.factories import PlanFactory
from tests.plans.helpers import issue

pytestmark = pytest.mark.browser

REASON = "The Constabulary counted the quarter twice"


def _measure(decision_maker):
    plan = PlanFactory(current_term=True)
    measure = confidence_measure(plan, values=[60.25, 71.75, 61.5])
    issue(plan, decision_maker)
    return measure


def test_a_decision_maker_withdraws_a_quarter_and_the_public_reads_the_notice(
    page, live_server, decision_maker
):
    measure = _measure(decision_maker)
    sign_in(page, live_server, decision_maker)
    # At desktop width only: at 375 px the staff area's four-deep breadcrumbs wrap closer than
    # 24 px (WCAG 2.5.8), a layout matter of every deep staff page, not of this one.
    visit(page, "/manage/performance/figures/release/2021-22-q2/")
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Withdraw the figures for 2021-22 Q2").click()
    check_at_widths(page)
    assert "Figures for 2021-22 Q2" in page.locator("h1").inner_text()

    with page.expect_navigation() as navigation:
        page.locator("main").get_by_role("button", name="Withdraw from the public site").click()
    assert navigation.value.status == 400  # the reason is required
    check_at_widths(page)
    assert "Say why it is being withdrawn" in page.locator(".govuk-error-message").inner_text()

    page.locator("main").get_by_label("Why is it being withdrawn?").fill(REASON)
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Withdraw from the public site").click()
    reauthenticate_if_asked(page)
    main = page.locator("main").inner_text()
    assert "withdrawn from the public site" in main and "Withdrawn releases" in main

    page.context.clear_cookies()  # the public
    for url in ("/performance/", f"/performance/measures/{measure.pk}/"):
        visit_at_widths(page, url)
        main = page.locator("main").inner_text()
        assert "Figures for 2021-22 Q2 withdrawn on" in main and REASON in main, url
        assert "71.75" not in main and "71.8" not in main, url
