"""Reordering in place, with the keyboard only: a commitment, a priority and an agenda item move
one request at a time without the page reloading, focus stays on the moved row's button, and
each move is announced in a live region. Checked with axe at a phone's and a desktop's width."""

import re

import pytest

from plans.models import Commitment
from tests.browser.conftest import check_at_widths, sign_in, visit_at_widths
from tests.browser.staff_pages import reflows_and_passes_axe
from tests.panel.factories import AgendaItemFactory, MeetingFactory
from tests.plans.helpers import full_plan

pytestmark = pytest.mark.browser


def _named(action, item):
    return re.compile(rf"^{action}\W+{re.escape(item)}$")


def _mark_page(page):
    """A marker that a reload would lose: moving in place must keep it."""
    page.evaluate("() => { window.pccNotReloaded = true; }")


def _press_enter_and_wait_for(page, announcement):
    moves = []
    page.on("request", lambda request: moves.append(request) if request.method == "POST" else None)
    status = page.locator("[data-reorder-status]")
    if status.count():
        status.evaluate("(el) => { el.textContent = ''; }")  # only this move's words count
    with page.expect_response(lambda response: response.request.method == "POST"):
        page.keyboard.press("Enter")
    status.filter(has_text=announcement).wait_for()
    assert page.evaluate("() => window.pccNotReloaded === true"), "the page reloaded"
    assert len(moves) == 1, f"{len(moves)} requests for one move"


def _focused_text(page):
    return page.evaluate("() => document.activeElement.textContent.replace(/\\s+/g, ' ').trim()")


def test_commitments_and_priorities_move_in_place_with_the_keyboard(page, live_server, editor):
    plan = full_plan(slug="reorder-in-place")
    priority = plan.priorities.get(number=1)
    first = priority.commitments.get()
    for offset, wording in enumerate(["Second commitment", "Third commitment"], start=1):
        Commitment.objects.create(priority=priority, wording=wording, order=first.order + offset)
    sign_in(page, live_server, editor)
    page.goto(f"/manage/plans/{plan.pk}/priorities/1/")
    reflows_and_passes_axe(page)
    _mark_page(page)
    page.get_by_role("button", name=_named("Move down", "Launch a fund for priority 1")).focus()
    _press_enter_and_wait_for(page, "Moved \u201cLaunch a fund for priority 1\u201d down.")
    assert [c.wording for c in priority.commitments.in_order()] == [
        "Second commitment", "Launch a fund for priority 1", "Third commitment",
    ]  # fmt: skip
    assert _focused_text(page) == "Move down: Launch a fund for priority 1"
    items = page.locator("[data-reorder-region]").first.locator("li[id^='commitments-']")
    assert "Launch a fund for priority 1" in items.nth(1).inner_text()

    # Again from where focus was left: to the end, where only "Move up" is left to focus.
    _press_enter_and_wait_for(page, "Moved \u201cLaunch a fund for priority 1\u201d down.")
    assert [c.wording for c in priority.commitments.in_order()][-1] == (
        "Launch a fund for priority 1"
    )
    assert _focused_text(page) == "Move up: Launch a fund for priority 1"
    reflows_and_passes_axe(page)

    # Priorities are renumbered in place on the plan's page, their links with them.
    page.goto(f"/manage/plans/{plan.pk}/")
    reflows_and_passes_axe(page, phone=False)
    _mark_page(page)
    page.get_by_role(
        "button", name=_named("Move up", "Disrupting and dismantling organised crime")
    ).focus()
    _press_enter_and_wait_for(
        page, "Moved \u201cDisrupting and dismantling organised crime\u201d up."
    )
    assert plan.priorities.get(number=1).title == "Disrupting and dismantling organised crime"
    assert page.get_by_role(
        "link", name="Priority 1: Disrupting and dismantling organised crime"
    ).is_visible()
    assert _focused_text(page) == "Move down: Disrupting and dismantling organised crime"
    reflows_and_passes_axe(page, phone=False)


def test_agenda_items_move_in_place_with_the_keyboard(page, live_server, panel_secretary):
    meeting = MeetingFactory()
    for number, title in enumerate(["Apologies", "Minutes", "PCC update report"], start=1):
        AgendaItemFactory(meeting=meeting, number=number, title=title)
    sign_in(page, live_server, panel_secretary)
    visit_at_widths(page, f"/manage/panel/meetings/{meeting.pk}/")
    _mark_page(page)
    page.get_by_role("button", name="Move up item 3").focus()
    _press_enter_and_wait_for(page, "\u201cPCC update report\u201d is now item 2.")
    assert _focused_text(page) == "Move up item 2"
    _press_enter_and_wait_for(page, "\u201cPCC update report\u201d is now item 1.")
    # At the top there is no "Move up": focus is on the same item's "Move down".
    assert _focused_text(page) == "Move down item 1"
    titles = page.locator(".govuk-summary-card__title").all_inner_texts()
    assert titles[:3] == ["1. PCC update report", "2. Apologies", "3. Minutes"]
    assert list(meeting.items.order_by("number").values_list("title", flat=True)) == [
        "PCC update report", "Apologies", "Minutes",
    ]  # fmt: skip
    check_at_widths(page)
