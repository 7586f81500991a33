"""Withdrawal in a real browser: the secretary withdraws a paper of a published pack and then
the whole pack, and the public reaches the notices. Every page is checked with axe (WCAG 2.2
A/AA) and for CSP violations and script errors."""

import pytest

from panel.models import PackBuild, PackPaper
from tests.browser.conftest import check_accessibility, reauthenticate_if_asked, sign_in, visit
from tests.browser.staff_pages import follow
from tests.panel.helpers import published_meeting

pytestmark = pytest.mark.browser

MEETING = "/panel/meetings/2021-12-06/"
REASON = "Why is it being withdrawn?"


def _submit(page, name, *, status=None):
    with page.expect_navigation() as navigation:
        page.locator("main").get_by_role("button", name=name).click()
    if status is not None:
        assert navigation.value.status == status
    check_accessibility(page)


def test_the_secretary_withdraws_a_paper_then_the_pack_and_the_public_sees_the_notices(
    page, live_server, panel_secretary
):
    meeting = published_meeting()
    paper = PackPaper.objects.public().get(title="PCC update")
    sign_in(page, live_server, panel_secretary)
    visit(page, f"/manage/panel/meetings/{meeting.pk}/")

    with page.expect_navigation():
        page.locator("#public-papers").get_by_role("link", name="Withdraw “PCC update”").click()
    check_accessibility(page)
    page.locator("main").get_by_label(REASON).fill("   ")
    _submit(page, "Withdraw from the public site", status=400)  # the reason is required
    assert page.title().startswith("Error: ")
    assert "Say why it is being withdrawn" in page.locator(".govuk-error-message").inner_text()
    page.locator("main").get_by_label(REASON).fill("It names a victim")
    _submit(page, "Withdraw from the public site")
    reauthenticate_if_asked(page)
    main = page.locator("main").inner_text()
    assert "was withdrawn from the public pack" in main and "It names a victim" in main
    assert PackBuild.objects.get(version__number=2).status == PackBuild.Status.READY

    page.context.clear_cookies()  # the public; the secretary may still read every paper
    visit(page, f"{MEETING}papers/{paper.pk}.pdf", status=410)
    notice = page.locator("main").inner_text()
    assert "PCC update" in notice and "It names a victim" in notice and "Withdrawn on" in notice
    visit(page, MEETING)
    assert "Papers withdrawn from the public pack" in page.locator("main").inner_text()

    sign_in(page, live_server, panel_secretary)
    visit(page, f"/manage/panel/meetings/{meeting.pk}/")
    follow(page, "Withdraw the whole pack from the public site")
    page.locator("main").get_by_label(REASON).fill("Published before the agenda was agreed")
    _submit(page, "Withdraw from the public site")
    reauthenticate_if_asked(page)
    assert "has been withdrawn from the public site" in page.locator("main").inner_text()

    page.context.clear_cookies()
    visit(page, f"{MEETING}pack.pdf", status=410)
    assert "Published before the agenda was agreed" in page.locator("main").inner_text()
    visit(page, MEETING)
    assert "The agenda pack was withdrawn on" in page.locator("main").inner_text()
